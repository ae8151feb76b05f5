/**
 * Dossier codes follow Circular 01/2018/TT-VPCP Art. 19: the receiving agency's code,
 * the receipt date as YYMMDD and a four-digit daily sequence, e.g. 000.00.15.H55-261127-0001.
 */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]+-\d{6}-\d{4}$/;

export type DossierCodeProblem = 'required' | 'format';

/** People copy codes from paper receipts: tolerate spaces around them and lower-case letters. */
export function normaliseDossierCode(input: string): string {
  return input.trim().replace(/\s+/g, '').toUpperCase();
}

export function checkDossierCode(input: string): DossierCodeProblem | null {
  const code = normaliseDossierCode(input);
  if (code === '') return 'required';
  if (!DOSSIER_CODE_PATTERN.test(code)) return 'format';
  return null;
}
