import {
  parseAmount,
  parseDate,
  parseFinancialYear,
  parseMonth,
  parseReturnPeriod,
  resolveAsOn,
  resolvePeriod,
  yearEarlier,
} from '../../../electron/core/mcp/inputs';
import { asOnDates, periodColumns } from '../../../electron/core/mcp/tools/comparisons';
import type { CompanySummary } from '../../../shared/types/reports';

const company = (financialYears: string[], yearStartMonth = 4) =>
  ({ financialYears, yearStartMonth }) as unknown as CompanySummary;

describe('dates, years and amounts as an assistant writes them', () => {
  it('reads DD-MM-YYYY (also / and .) and ISO dates, and names a bad one', () => {
    expect(parseDate('01-04-2025', 'from')).toBe('2025-04-01');
    expect(parseDate('1/4/2025', 'from')).toBe('2025-04-01');
    expect(parseDate('31.03.2026', 'to')).toBe('2026-03-31');
    expect(parseDate('2025-04-01', 'from')).toBe('2025-04-01');
    expect(() => parseDate('31-02-2025', 'from')).toThrow('from: "31-02-2025" is not a real date');
    expect(() => parseDate('04/01/25', 'to')).toThrow(/to: .* DD-MM-YYYY/);
  });

  it('reads a financial year written 2025-26, 2025-2026 or FY 2025-26', () => {
    expect(parseFinancialYear('2025-26')).toBe('2025-26');
    expect(parseFinancialYear('2025-2026')).toBe('2025-26');
    expect(parseFinancialYear('FY 2025-26')).toBe('2025-26');
    expect(() => parseFinancialYear('2025-27')).toThrow(/not a financial year/);
  });

  it("resolves a period in the company's own year, and states how", () => {
    const april = company(['2025-26', '2024-25']);
    expect(resolvePeriod({ fy: '2024-25' }, april, '2026-05-10')).toMatchObject({
      from: '2024-04-01',
      to: '2025-03-31',
    });
    expect(resolvePeriod({}, april, '2026-05-10')).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-31',
      note: expect.stringContaining('latest year with vouchers'),
    });
    expect(resolvePeriod({ from: '01-10-2025' }, april, '2026-05-10')).toMatchObject({
      from: '2025-10-01',
      to: '2026-03-31',
    });
    expect(resolvePeriod({ to: '15-06-2025' }, april, '2026-05-10')).toMatchObject({ from: '2025-04-01' });
    // A January year start (STARTINGFROM 1).
    expect(resolvePeriod({ fy: '2025-26' }, company(['2025-26'], 1), '2026-05-10')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(() => resolvePeriod({ from: '2026-03-31', to: '2025-04-01' }, april, '2026-05-10')).toThrow(
      /reversed/,
    );
  });

  it('takes balances as on today while the year runs or is to come, else at its end', () => {
    expect(resolveAsOn(undefined, company(['2025-26']), '2026-05-10').asOn).toBe('2026-03-31');
    expect(resolveAsOn(undefined, company(['2026-27']), '2026-05-10').asOn).toBe('2026-05-10');
    expect(resolveAsOn(undefined, company(['2026-27']), '2026-03-20').asOn).toBe('2026-03-20');
    expect(resolveAsOn('31-12-2025', company(['2026-27']), '2026-03-20').asOn).toBe('2025-12-31');
  });

  it('reads rupees with Indian grouping into paise, exactly', () => {
    expect(parseAmount('1,25,000', 'min_amount')).toBe(12_500_000);
    expect(parseAmount(2500.5, 'min_amount')).toBe(250_050);
    expect(parseAmount('₹ 99.99', 'max_amount')).toBe(9_999);
    expect(parseAmount(undefined, 'max_amount')).toBeUndefined();
    expect(() => parseAmount('lots', 'min_amount')).toThrow(/min_amount: "lots" is not an amount/);
    expect(() => parseAmount('-5', 'min_amount')).toThrow(/not an amount/);
  });

  it('reads a month written 2025-04, 04-2025, April 2025 or Apr-2025, and names a bad one', () => {
    expect(parseMonth('2025-04', 'month')).toBe('2025-04');
    expect(parseMonth('4/2025', 'month')).toBe('2025-04');
    expect(parseMonth('04-2025', 'month')).toBe('2025-04');
    expect(parseMonth('April 2025', 'month')).toBe('2025-04');
    expect(parseMonth('apr-2025', 'month')).toBe('2025-04');
    expect(parseMonth('Sept. 2025', 'month')).toBe('2025-09');
    expect(parseMonth('MAY 2026', 'month')).toBe('2026-05');
    expect(() => parseMonth('2025-13', 'month')).toThrow('month: "2025-13" is not a month');
    expect(() => parseMonth('13-2025', 'month')).toThrow(/not a month/);
    expect(() => parseMonth('Ap 2025', 'month')).toThrow(/not a month/);
    expect(() => parseMonth('Smarch 2025', 'month')).toThrow(/not a month/);
    expect(() => parseMonth('2025-26', 'month')).toThrow(/not a month/);
  });

  it('takes the same date a year earlier, a month end staying a month end', () => {
    expect(yearEarlier('2026-03-31')).toBe('2025-03-31');
    expect(yearEarlier('2025-09-15')).toBe('2024-09-15');
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(yearEarlier('2025-02-28')).toBe('2024-02-29');
  });

  it('chooses comparison columns: none is the latest year and the one before, one alone a year earlier', () => {
    const april = company(['2025-26', '2024-25']);
    const today = '2026-05-10';
    expect(periodColumns(undefined, april, today).columns).toEqual([
      { from: '2025-04-01', to: '2026-03-31' },
      { from: '2024-04-01', to: '2025-03-31' },
    ]);
    expect(periodColumns([{ from: '01-02-2025', to: '28-02-2025' }], april, today).columns).toEqual([
      { from: '2025-02-01', to: '2025-02-28' },
      { from: '2024-02-01', to: '2024-02-29' },
    ]);
    expect(periodColumns(['2025-26', '2023-24', { from: '01-04-2022' }], april, today).columns).toEqual([
      { from: '2025-04-01', to: '2026-03-31' },
      { from: '2023-04-01', to: '2024-03-31' },
      { from: '2022-04-01', to: '2023-03-31' },
    ]);
    expect(() => periodColumns(['2025-26', 'last year'], april, today)).toThrow(
      /periods\[1\]: "last year" is not a financial year/,
    );
    // Balance sheets: dates, or a year's end (today while the year runs).
    expect(asOnDates(undefined, april, today).dates).toEqual(['2026-03-31', '2025-03-31']);
    expect(asOnDates(['2026-27', 'FY 2024-25', '30-09-2025'], april, today).dates).toEqual([
      '2026-05-10',
      '2025-03-31',
      '2025-09-30',
    ]);
    expect(asOnDates(['31-12-2025'], april, today).dates).toEqual(['2025-12-31', '2024-12-31']);
    expect(() => asOnDates(['soon'], april, today)).toThrow(/as_on\[0\]: "soon" is not a real date/);
  });

  it('reads a GST return period: a month, or a quarter of the April–March year', () => {
    expect(parseReturnPeriod('June 2025', 'month')).toEqual({
      period: '2025-06',
      from: '2025-06-01',
      to: '2025-06-30',
    });
    expect(parseReturnPeriod('2025-Q1', 'month')).toEqual({
      period: '2025-Q1',
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(parseReturnPeriod('q4 2025-26', 'month')).toEqual({
      period: '2025-Q4',
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(parseReturnPeriod('Q3 FY 2024-2025', 'month').period).toBe('2024-Q3');
    expect(() => parseReturnPeriod('2025-Q5', 'month')).toThrow(/not a return period/);
    expect(() => parseReturnPeriod('Q2 2025-27', 'month')).toThrow(/names no financial year/);
  });
});
