import { describe, expect, it } from 'vitest';
import { formatVnd, parseVnd } from './money';

describe('parsing an amount in đồng', () => {
  it.each([
    ['150000000', 150_000_000],
    ['150.000.000', 150_000_000],
    ['150,000,000', 150_000_000],
    ['150 000 000', 150_000_000],
    [' 2.100.000.000 đồng ', 2_100_000_000],
    ['500000 đ', 500_000],
    ['1.000.000 VND', 1_000_000],
    ['1\u00a0000\u00a0000', 1_000_000],
  ])('reads %j as %d', (input, expected) => {
    expect(parseVnd(input)).toEqual({ ok: true, value: expected });
  });

  it('asks for an amount when nothing was typed', () => {
    expect(parseVnd('  ')).toEqual({ ok: false, problem: 'required' });
  });

  it.each(['1500000,5', '1.500.000,50', '1500.5'])('refuses the fractional amount %j', (input) => {
    expect(parseVnd(input)).toEqual({ ok: false, problem: 'notWhole' });
  });

  it.each(['0', '000', '-5000'])('refuses the non-positive amount %j', (input) => {
    expect(parseVnd(input)).toEqual({ ok: false, problem: 'notPositive' });
  });

  it.each(['abc', '1.50.000', '1.000,000', '12 triệu', '1e9'])('refuses the unreadable amount %j', (input) => {
    expect(parseVnd(input)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses an amount beyond what can be counted exactly', () => {
    expect(parseVnd('99999999999999999999')).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('formatting an amount in đồng', () => {
  it('groups thousands with dots in Vietnamese', () => {
    expect(formatVnd(150_000_000, 'vi').replace(/\s/g, ' ')).toBe('150.000.000 ₫');
  });

  it('groups thousands with commas in English', () => {
    expect(formatVnd(150_000_000, 'en')).toMatch(/150,000,000/);
  });

  it('reads back what it formats', () => {
    expect(parseVnd(formatVnd(2_600_000_000, 'vi'))).toEqual({ ok: true, value: 2_600_000_000 });
  });
});
