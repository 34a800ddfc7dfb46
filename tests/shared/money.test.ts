import { describe, expect, it } from 'vitest';
import { formatDrCr, formatInr, paiseToDecimalString, parseRupees } from '../../shared/money';

describe('money', () => {
  it('parses decimal rupees into exact paise', () => {
    expect(parseRupees('-12000.00')).toBe(-1_200_000);
    expect(parseRupees(' 7.5')).toBe(750);
    expect(parseRupees('0.10')).toBe(10);
    expect(parseRupees('123')).toBe(12_300);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in paise it is exact.
    expect(parseRupees('0.10') + parseRupees('0.20')).toBe(parseRupees('0.30'));
  });

  it('rounds sub-paise digits half away from zero', () => {
    expect(parseRupees('1.005')).toBe(101);
    expect(parseRupees('-1.004')).toBe(-100);
  });

  it('refuses text that is not an amount, naming it', () => {
    expect(() => parseRupees('12,000')).toThrow('Not an amount: "12,000"');
    expect(() => parseRupees('')).toThrow(RangeError);
  });

  it('formats with lakh/crore grouping', () => {
    expect(formatInr(123_456_789)).toBe('₹12,34,567.89');
    expect(formatInr(100)).toBe('₹1.00');
    expect(formatInr(-1_00_00_000_00)).toBe('-₹1,00,00,000.00');
    expect(formatInr(99_999, { symbol: false })).toBe('999.99');
  });

  it('shows balances with Dr / Cr the way Tally does', () => {
    expect(formatDrCr(1_200_000)).toBe('₹12,000.00 Dr');
    expect(formatDrCr(-50)).toBe('₹0.50 Cr');
    expect(formatDrCr(0)).toBe('₹0.00');
  });

  it('writes exact decimal strings for export', () => {
    expect(paiseToDecimalString(-5)).toBe('-0.05');
    expect(paiseToDecimalString(1_234_560)).toBe('12345.60');
  });
});
