/** Money is whole Vietnamese đồng, carried as integers from the form to the API. */

export type MoneyProblem = 'required' | 'notWhole' | 'notPositive' | 'tooLarge' | 'invalid';

export type MoneyParse = { ok: true; value: number } | { ok: false; problem: MoneyProblem };

/**
 * Reads an amount as people type it: "150000000", "150.000.000", "150,000,000" or
 * "150 000 000", optionally followed by "đ", "đồng" or "VND". Groups of three digits may be
 * separated by dots, commas or spaces; a decimal part is refused because đồng has no subunit.
 */
export function parseVnd(input: string): MoneyParse {
  let text = input.trim().replace(/\u00a0|\u202f/g, ' ');
  text = text.replace(/\s*(đồng|đ|vnd|vnđ|₫)\s*$/i, '').trim();
  if (text === '') return { ok: false, problem: 'required' };
  if (text.startsWith('-')) return { ok: false, problem: 'notPositive' };

  const plain = /^\d+$/;
  const grouped = /^\d{1,3}([., ]\d{3})+$/;
  let digits: string;
  if (plain.test(text)) {
    digits = text;
  } else if (grouped.test(text) && new Set(text.replace(/\d/g, '')).size === 1) {
    digits = text.replace(/\D/g, '');
  } else if (/^\d[\d., ]*[.,]\d{1,2}$/.test(text)) {
    return { ok: false, problem: 'notWhole' };
  } else {
    return { ok: false, problem: 'invalid' };
  }

  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, problem: 'tooLarge' };
  if (value <= 0) return { ok: false, problem: 'notPositive' };
  return { ok: true, value };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats whole đồng with the locale's grouping, e.g. "150.000.000 ₫" in Vietnamese. */
export function formatVnd(value: number, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}
