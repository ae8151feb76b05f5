import { describe, expect, it } from 'vitest';
import { checkDigit, checkTaxCode } from './taxCode';

describe('a Vietnamese tax code', () => {
  it.each(['0100109106', '0100109106-001', ' 0100109106-999 ', '0101243150'])('accepts %s', (code) => {
    expect(checkTaxCode(code)).toEqual({ ok: true, value: code.trim() });
  });

  it('computes the check digit with the weights 31, 29, 23, 19, 17, 13, 7, 5, 3', () => {
    // 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 114; 114 mod 11 = 4; 10 − 4 = 6.
    expect(checkDigit('010010910')).toBe(6);
    // A remainder of 10 gives 0: 29 + 19 + 34 + 52 + 21 + 5 + 15 = 175 = 15·11 + 10.
    expect(checkDigit('010124315')).toBe(0);
  });

  it('refuses a code whose sum leaves no valid check digit', () => {
    // A weighted sum that is a multiple of 11 (here 0) would need a check digit of 10.
    const nine = '000000000';
    expect(checkDigit(nine)).toBeNull();
    expect(checkTaxCode(`${nine}0`)).toEqual({ ok: false, reason: 'checkDigit' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['010010910', 'format'],
    ['01001091066', 'format'],
    ['0100109106-01', 'format'],
    ['01001O9106', 'format'],
    ['0100109105', 'checkDigit'],
    ['0100109107-001', 'checkDigit'],
    ['0100109106-000', 'branch'],
  ])('refuses “%s” (%s)', (code, reason) => {
    expect(checkTaxCode(code)).toEqual({ ok: false, reason });
  });
});
