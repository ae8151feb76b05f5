import { describe, expect, it } from 'vitest';
import { checkDossierCode, normaliseDossierCode } from './dossierCode';

describe('dossier code', () => {
  it('accepts a code made of the agency code, the receipt date and a daily sequence', () => {
    expect(checkDossierCode('000.00.15.H55-261127-0001')).toBeNull();
  });

  it('accepts a code typed in lower case with spaces around it', () => {
    expect(checkDossierCode('  000.00.15.h55-261127-0001 ')).toBeNull();
    expect(normaliseDossierCode('  000.00.15.h55-261127-0001 ')).toBe('000.00.15.H55-261127-0001');
  });

  it('asks for a code when nothing was typed', () => {
    expect(checkDossierCode('')).toBe('required');
    expect(checkDossierCode('   ')).toBe('required');
  });

  it.each([
    ['a date that is too short', '000.00.15.H55-26112-0001'],
    ['a sequence that is too short', '000.00.15.H55-261127-001'],
    ['no agency code', '-261127-0001'],
    ['letters in the sequence', '000.00.15.H55-261127-00A1'],
    ['punctuation in the agency code', '000/00/15-261127-0001'],
    ['free text', 'hồ sơ của tôi'],
  ])('refuses %s', (_label, code) => {
    expect(checkDossierCode(code)).toBe('format');
  });
});
