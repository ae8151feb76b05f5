/**
 * Vietnamese tax codes (mã số thuế): ten digits whose tenth is a check digit over the first nine, optionally
 * followed by "-NNN" (001 to 999) for a dependent unit (chi nhánh, văn phòng đại diện).
 */
export type TaxCodeCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'format' | 'checkDigit' | 'branch' };

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
const FORMAT = /^(\d{10})(?:-(\d{3}))?$/;

/** The check digit of the first nine digits, or null when no tenth digit can be valid. */
export function checkDigit(nineDigits: string): number | null {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(nineDigits[index]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

export function checkTaxCode(input: string): TaxCodeCheck {
  const value = input.trim().replace(/\s+/g, '');
  if (value === '') return { ok: false, reason: 'empty' };
  const match = FORMAT.exec(value);
  if (!match) return { ok: false, reason: 'format' };
  const [, main, branch] = match as unknown as [string, string, string | undefined];
  if (checkDigit(main.slice(0, 9)) !== Number(main[9])) return { ok: false, reason: 'checkDigit' };
  if (branch === '000') return { ok: false, reason: 'branch' };
  return { ok: true, value };
}
