/** Display formats for dates and sizes, per interface language. */

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

/**
 * A calendar date such as an appointment date ("2026-12-18") is not an instant: it is shown
 * as is, whatever the viewer's time zone.
 */
export function formatCalendarDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Instants (submission, upload, history) are shown in Vietnam's time, where the offices are: "27/11/2026 10:00". */
export function formatInstant(iso: string, language: string, withTime = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = intlLocale(language);
  const day = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: VN_TIME_ZONE,
  }).format(date);
  if (!withTime) return day;
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: VN_TIME_ZONE,
  }).format(date);
  return `${day} ${time}`;
}

/** Calendar date (yyyy-mm-dd) of an instant in Vietnam's time, for <time dateTime>. */
export function isoDateInVietnam(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE }).format(date);
}

export function formatFileSize(bytes: number, language: string): string {
  const number = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}
