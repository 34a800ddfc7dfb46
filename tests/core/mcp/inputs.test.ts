import {
  parseAmount,
  parseDate,
  parseFinancialYear,
  resolveAsOn,
  resolvePeriod,
} from '../../../electron/core/mcp/inputs';
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
});
