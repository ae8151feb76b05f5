import { describe, expect, it } from 'vitest';
import { ACCEPTED_FILES, acceptFor, formatLabels } from './documents';

describe('acceptFor', () => {
  it('offers only the formats a kind of document takes, by extension and media type', () => {
    const accept = acceptFor(['application/pdf', 'image/jpeg', 'image/png']);
    expect(accept.split(',')).toEqual(['.pdf', '.jpg', '.jpeg', '.png', 'application/pdf', 'image/jpeg', 'image/png']);
    expect(accept).not.toContain('.docx');
  });

  it('offers every accepted format when the kind of document names none', () => {
    expect(acceptFor([])).toBe(ACCEPTED_FILES);
    expect(acceptFor(undefined)).toBe(ACCEPTED_FILES);
  });
});

describe('formatLabels', () => {
  it('names the formats a kind of document takes, or every accepted one', () => {
    expect(formatLabels(['application/pdf', 'image/png'])).toBe('PDF, PNG');
    expect(formatLabels([])).toBe('PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS');
  });
});
