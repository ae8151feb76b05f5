import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatFileSize, formatInstant, isoDateInVietnam } from './format';

describe('display formats', () => {
  it('shows an appointment date day first, whatever the time zone', () => {
    expect(formatCalendarDate('2026-12-18', 'vi')).toBe('18/12/2026');
    expect(formatCalendarDate('2026-12-18', 'en')).toBe('18/12/2026');
  });

  it('leaves an unexpected date text untouched rather than showing a wrong date', () => {
    expect(formatCalendarDate('18/12/2026', 'vi')).toBe('18/12/2026');
  });

  it('shows instants in Vietnam time', () => {
    // 20:30 UTC is 03:30 the next morning in Hà Nội.
    expect(formatInstant('2026-11-27T20:30:00Z', 'vi')).toBe('28/11/2026 03:30');
    expect(formatInstant('2026-11-27T20:30:00Z', 'en')).toBe('28/11/2026 03:30');
    expect(formatInstant('2026-11-27T20:30:00Z', 'vi', false)).toBe('28/11/2026');
    expect(isoDateInVietnam('2026-11-27T20:30:00Z')).toBe('2026-11-28');
  });

  it('shows file sizes in bytes, kilobytes or megabytes', () => {
    expect(formatFileSize(512, 'vi')).toBe('512 B');
    expect(formatFileSize(1536, 'vi')).toBe('1,5 KB');
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB');
    expect(formatFileSize(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });
});
