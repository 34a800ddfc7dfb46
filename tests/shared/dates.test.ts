import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  financialYearMonths,
  financialYearOf,
  financialYearRange,
  formatDateIndian,
  isValidFinancialYear,
  isValidIsoDate,
} from '../../shared/dates';

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('01-04-2025')).toBe(false);
  });

  it('maps financial years April to March', () => {
    expect(financialYearRange('2025-26')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
    expect(financialYearOf('2026-04-01')).toBe('2026-27');
    expect(financialYearOf('1999-04-01')).toBe('1999-00');
    expect(isValidFinancialYear('1999-00')).toBe(true);
    expect(isValidFinancialYear('2025-27')).toBe(false);
    expect(() => financialYearRange('2025')).toThrow('Not a financial year: "2025"');
  });

  it('lists the months of a year from April', () => {
    const months = financialYearMonths('2025-26');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
  });

  it('counts days and formats dates the Indian way', () => {
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(formatDateIndian('2025-04-01')).toBe('01-04-2025');
  });
});
