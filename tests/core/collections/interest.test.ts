import {
  billInterest,
  DEFAULT_INTEREST,
  type InterestParameters,
  InterestParameterError,
  parseRate,
  partyInterest,
  periodFraction,
} from '../../../electron/core/collections/interest';

const params = (overrides: Partial<InterestParameters>): InterestParameters => ({
  ...DEFAULT_INTEREST,
  ratePercent: '18',
  ...overrides,
});

describe('interest on overdue bills, hand-worked per style', () => {
  it('365-day year: the published TallyPrime example (₹1,920 at 15%, 294 days, ₹231.98)', () => {
    // sscstudy.com "Interest Calculation in Tally Prime": 1920 pending, 15% per 365 days on debit
    // balances, past due date by 0 days, credit period 40 days; Tally shows 12-May-2021 to 1-Mar-2022,
    // 294 days, 231.98 Dr. By hand: 1920 × 15% × 294 / 365 = 231.978… → 231.98.
    const bill = { billName: '001', billDate: '2021-04-01', dueDate: '2021-05-11', pending: 192_000 };
    const result = billInterest(
      bill,
      params({ ratePercent: '15', balances: 'Debit Balances Only' }),
      '2022-03-01',
    );
    expect(result).toEqual({ billName: '001', fromDate: '2021-05-12', days: 294, interest: 23_198 });
  });

  it('365-day year ignores a leap year: 29 Feb is one 365th', () => {
    // 1,00,000 × 18% × 61/365 = 3008.219… → 3008.22 (due 1 Dec 2023, as on 31 Jan 2024: 61 days).
    const bill = { billName: 'B', billDate: '2023-11-01', dueDate: '2023-12-01', pending: 10_000_000 };
    expect(billInterest(bill, params({}), '2024-01-31').interest).toBe(300_822);
  });

  it('calendar year: each day is 1/365 or 1/366 of its own year', () => {
    // Same bill: 30 days of 2023 (2–31 Dec) /365 + 31 days of 2024 /366:
    // 18000 × (30/365 + 31/366) = 18000 × 22295/133590 = 3004.042… → 3004.04.
    const bill = { billName: 'B', billDate: '2023-11-01', dueDate: '2023-12-01', pending: 10_000_000 };
    expect(billInterest(bill, params({ style: 'Calendar Year' }), '2024-01-31').interest).toBe(300_404);
  });

  it('30-day month: the rate is per month and a month is 30 days', () => {
    // 1,00,000 × 1.5% × 45/30 = 2250.00; 12,345.67 × 2% × 17/30 = 139.9175… → 139.92.
    const big = { billName: 'A', billDate: '2024-01-01', dueDate: '2024-01-31', pending: 10_000_000 };
    expect(
      billInterest(big, params({ style: '30-Day Month', ratePercent: '1.5' }), '2024-03-16').interest,
    ).toBe(225_000);
    const odd = { billName: 'C', billDate: '2024-05-01', dueDate: '2024-05-31', pending: 1_234_567 };
    expect(
      billInterest(odd, params({ style: '30-Day Month', ratePercent: '2' }), '2024-06-17').interest,
    ).toBe(13_992);
  });

  it('calendar month: each day is 1/(days in its month)', () => {
    // 10,000 at 2% a month, due 20 Jan 2024, as on 10 Mar 2024: 11/31 (21–31 Jan) + 29/29 (Feb, leap)
    // + 10/31 (1–10 Mar) = 52/31 months; 200 × 52/31 = 335.483… → 335.48.
    const bill = { billName: 'M', billDate: '2023-12-21', dueDate: '2024-01-20', pending: 1_000_000 };
    expect(billInterest(bill, params({ style: 'Calendar Month', ratePercent: '2' }), '2024-03-10')).toEqual({
      billName: 'M',
      fromDate: '2024-01-21',
      days: 50,
      interest: 33_548,
    });
  });

  it('period fractions are exact fractions, split at month and year ends', () => {
    expect(periodFraction('Calendar Month', '2024-01-21', '2024-03-10')).toEqual({ num: 52n, den: 31n });
    expect(periodFraction('Calendar Year', '2023-12-02', '2024-01-31')).toEqual({ num: 4459n, den: 26718n }); // 22295/133590;
    expect(periodFraction('365-Day Year', '2024-01-01', '2024-12-31')).toEqual({ num: 366n, den: 365n });
    expect(periodFraction('30-Day Month', '2024-02-01', '2024-02-29')).toEqual({ num: 29n, den: 30n });
  });
});

describe('when interest starts and on what', () => {
  const bill = { billName: 'X', billDate: '2024-04-01', dueDate: '2024-04-30', pending: 5_000_000 };

  it('nothing before the due date, nothing on it: the first day is the day after', () => {
    expect(billInterest(bill, params({}), '2024-04-30')).toMatchObject({
      fromDate: null,
      days: 0,
      interest: 0,
    });
    // One day: 50,000 × 18% / 365 = 24.657… → 24.66.
    expect(billInterest(bill, params({}), '2024-05-01')).toMatchObject({ days: 1, interest: 2_466 });
  });

  it('grace days (Past Due Date by N days) push the start; the day of addition can be included', () => {
    // Due 30 Apr + 5 days: the first day is 6 May; as on 15 May that is 10 days: 50000 × 18% × 10/365.
    expect(billInterest(bill, params({ graceDays: 5 }), '2024-05-15')).toMatchObject({
      fromDate: '2024-05-06',
      days: 10,
      interest: 24_658,
    });
    expect(
      billInterest(bill, params({ graceDays: 5, includeDayOfAddition: true }), '2024-05-15'),
    ).toMatchObject({
      fromDate: '2024-05-05',
      days: 11,
      interest: 27_123,
    });
  });

  it('"Always" runs from the bill date; a bill without a due date runs from its bill date', () => {
    // Billed 1 Apr: 2 Apr to 31 May earn, 60 days. 50000 × 18% × 60/365 = 1479.452… → 1479.45.
    expect(billInterest(bill, params({ from: 'bill' }), '2024-05-31').interest).toBe(147_945);
    expect(billInterest({ ...bill, dueDate: null }, params({}), '2024-05-31').interest).toBe(147_945);
  });

  it('a part payment lowers the balance from its own date (Tally re-calculates with every change)', () => {
    // 50,000 due 30 Apr; 20,000 received 15 May; as on 31 May at 18% per 365 days:
    // 1–14 May on 50,000 (14 days) + 15–31 May on 30,000 (17 days) = (9000×14 + 5400×17)/365 = 596.712… → 596.71.
    const partPaid = {
      ...bill,
      pending: 3_000_000,
      movements: [
        { date: '2024-04-01', amount: 5_000_000 },
        { date: '2024-05-15', amount: -2_000_000 },
      ],
    };
    expect(billInterest(partPaid, params({}), '2024-05-31').interest).toBe(59_671);
    // Including the day of deduction: 15 days on 50,000 and 16 on 30,000: (135000 + 86400)/365 = 606.575… → 606.58.
    expect(billInterest(partPaid, params({ includeDayOfDeduction: true }), '2024-05-31').interest).toBe(
      60_658,
    );
    expect(() => billInterest({ ...partPaid, pending: 2_500_000 }, params({}), '2024-05-31')).toThrow(
      'Bill X: its movements add up to 30000.00, not its pending 25000.00',
    );
  });

  it('debit balances only leaves credit bills (advances) alone; credit balances only the reverse', () => {
    const advance = { ...bill, pending: -5_000_000 };
    expect(billInterest(advance, params({ balances: 'Debit Balances Only' }), '2024-05-01').interest).toBe(0);
    expect(billInterest(advance, params({ balances: 'Credit Balances Only' }), '2024-05-01').interest).toBe(
      -2_466,
    );
    expect(billInterest(advance, params({}), '2024-05-01').interest).toBe(-2_466);
    expect(billInterest(bill, params({ balances: 'Credit Balances Only' }), '2024-05-01').interest).toBe(0);
  });

  it('only bills above the amount set in TallyConnect earn interest', () => {
    expect(billInterest(bill, params({ aboveAmount: 5_000_000 }), '2024-05-01').interest).toBe(0);
    expect(billInterest(bill, params({ aboveAmount: 4_999_999 }), '2024-05-01').interest).toBe(2_466);
  });
});

describe("Tally's rounding", () => {
  // 1,00,000 × 18% × 22/365 = 1084.931… (the tallyerp9book.com FAQ shows 1084.xx rounding to
  // 1084 downward, 1085 normal, 1085 upward with a limit of 1).
  const bill = { billName: 'R', billDate: '2024-01-01', dueDate: '2024-01-31', pending: 10_000_000 };
  const asOn = '2024-02-22';

  it.each([
    ['Not Applicable', 0, 108_493],
    ['Downward Rounding', 100, 108_400],
    ['Normal Rounding', 100, 108_500],
    ['Upward Rounding', 100, 108_500],
    ['Downward Rounding', 1_000, 108_000],
    ['Normal Rounding', 1_000, 108_000],
    ['Upward Rounding', 1_000, 109_000],
  ] as const)('%s to %i paise', (rounding, limit, expected) => {
    expect(billInterest(bill, params({ rounding, roundingLimit: limit }), asOn).interest).toBe(expected);
  });

  it('normal rounding takes a half upward', () => {
    // 30-day month, 1% a month, due 31 Jan, as on 15 Feb (1–15 Feb: 15 days), limit ₹1:
    // 1,110 × 1% × 15/30 = 5.55 → 6.
    const half = { billName: 'H', billDate: '2024-01-01', dueDate: '2024-01-31', pending: 111_000 };
    const p = params({
      style: '30-Day Month',
      ratePercent: '1',
      rounding: 'Normal Rounding',
      roundingLimit: 100,
    });
    expect(billInterest(half, p, '2024-02-15').interest).toBe(600);
    // 1,000 × 1% × 15/30 = 5.00 (no fraction); 1,100 × 1% × 15/30 = 5.50 exactly → 6.
    expect(billInterest({ ...half, pending: 110_000 }, p, '2024-02-15').interest).toBe(600);
    expect(billInterest({ ...half, pending: 108_000 }, p, '2024-02-15').interest).toBe(500);
  });
});

describe('parameters', () => {
  it('reads rates exactly and refuses what is not a rate', () => {
    expect(parseRate(' 24')).toBe(240_000n);
    expect(parseRate('1.25')).toBe(12_500n);
    expect(() => parseRate('18%')).toThrow(InterestParameterError);
    expect(() => parseRate('1.23456')).toThrow(/not a percentage/);
  });

  it('a party total is the sum of its bills; bad parameters name what is wrong', () => {
    const bills = [
      { billName: 'A', billDate: '2024-04-01', dueDate: '2024-04-30', pending: 5_000_000 },
      { billName: 'B', billDate: '2024-04-20', dueDate: '2024-05-20', pending: 1_000_000 },
    ];
    const result = partyInterest(bills, params({}), '2024-05-01');
    expect(result.bills.map((b) => b.interest)).toEqual([2_466, 0]);
    expect(result.total).toBe(2_466);
    expect(() => partyInterest(bills, params({ graceDays: -1 }), '2024-05-01')).toThrow(/Grace days/);
    expect(() => partyInterest(bills, params({ style: 'Weekly' as never }), '2024-05-01')).toThrow(
      /style "Weekly"/,
    );
  });
});
