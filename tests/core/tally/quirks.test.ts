import { AppError } from '../../../shared/errors';
import {
  companyGuidOf,
  creditPeriodDays,
  escapeXml,
  NOT_APPLICABLE_MARK,
  tallyAmountRaw,
  tallyDate,
  tallyInt,
  tallyQuantity,
  text,
  toAppAmount,
  toTallyRequestDate,
  yesNo,
} from '../../../electron/core/tally/quirks';

describe('Tally quirks', () => {
  it('reads numbers with leading spaces', () => {
    expect(tallyInt(' 18', 'ALTERID')).toBe(18);
    expect(tallyInt('', 'ALTERID')).toBe(0);
    expect(() => tallyInt('1x', 'ALTERID')).toThrow(/ALTERID is not a whole number/);
  });

  it('reads YYYYMMDD and Tally request dates, rejecting impossible ones', () => {
    expect(tallyDate('20250401', 'DATE')).toBe('2025-04-01');
    expect(tallyDate('1-Apr-2025', 'DATE')).toBe('2025-04-01');
    expect(tallyDate('', 'DATE')).toBeNull();
    expect(() => tallyDate('20250231', 'DATE')).toThrow(/DATE is not a date: "20250231"/);
    expect(toTallyRequestDate('2025-04-01')).toBe('1-Apr-2025');
  });

  it('flips Tally debit-negative amounts to debit-positive paise exactly', () => {
    expect(toAppAmount('-12000.00', 'AMOUNT')).toBe(1_200_000);
    expect(toAppAmount(' 7.5', 'AMOUNT')).toBe(-750);
    expect(toAppAmount('0.10', 'AMOUNT')).toBe(-10);
    expect(toAppAmount('', 'AMOUNT')).toBe(0);
    // 0.1 + 0.2 style float traps never happen: text goes straight to integers.
    expect(toAppAmount('-100000000.29', 'AMOUNT')).toBe(10_000_000_029);
  });

  it('reads forex text, currency symbols and Indian grouping', () => {
    expect(tallyAmountRaw('$ 100.00 @ ₹ 83.00/$ = ₹ 8300.00', 'AMOUNT')).toBe(830_000);
    expect(tallyAmountRaw('-$ 100.00 @ ₹ 83.00/$ = -₹ 8300.00', 'AMOUNT')).toBe(-830_000);
    expect(tallyAmountRaw('-1,20,000.50', 'AMOUNT')).toBe(-12_000_050);
    expect(() => tallyAmountRaw('12-34', 'AMOUNT')).toThrow(AppError);
    expect(() => tallyAmountRaw('lots', 'AMOUNT')).toThrow(/AMOUNT is not an amount: "lots"/);
  });

  it('reads quantities, rates and credit periods', () => {
    expect(tallyQuantity('10 Nos')).toEqual({ quantity: 10, unit: 'Nos' });
    expect(tallyQuantity(' 2.5 Kgs')).toEqual({ quantity: 2.5, unit: 'Kgs' });
    expect(tallyQuantity('250.00/Nos')).toEqual({ quantity: 250, unit: 'Nos' });
    expect(creditPeriodDays('30 Days')).toBe(30);
    expect(creditPeriodDays('15-May-2025')).toBeNull();
  });

  it('treats "&#4; Not Applicable" and empty values as absent', () => {
    expect(text(`${NOT_APPLICABLE_MARK} Not Applicable`)).toBeNull();
    expect(text('  ')).toBeNull();
    expect(text(' Cash ')).toBe('Cash');
    expect(yesNo('Yes')).toBe(true);
    expect(yesNo(' No')).toBe(false);
  });

  it('escapes names for requests and finds the company part of an object GUID', () => {
    expect(escapeXml(`Sharma & Sons <"A's">`)).toBe('Sharma &amp; Sons &lt;&quot;A&apos;s&quot;&gt;');
    expect(companyGuidOf('a1b2-c3-0000001f')).toBe('a1b2-c3');
    expect(companyGuidOf('nohex')).toBeNull();
  });
});

describe('exact quantities and rates', () => {
  it('reads quantities as thousandths and rates as paise, rounding half away from zero', async () => {
    const { tallyQuantityMilli, tallyRate } = await import('../../../electron/core/tally/quirks');
    expect(tallyQuantityMilli(' 10 Nos', 'Q')).toEqual({ milli: 10_000, unit: 'Nos' });
    expect(tallyQuantityMilli(' 10.500 Kgs', 'Q')).toEqual({ milli: 10_500, unit: 'Kgs' });
    expect(tallyQuantityMilli('12.3455 Kgs', 'Q')).toEqual({ milli: 12_346, unit: 'Kgs' });
    expect(tallyQuantityMilli('-5 Nos', 'Q')).toEqual({ milli: -5_000, unit: 'Nos' });
    expect(tallyQuantityMilli('20 Nos = 2 Box', 'Q')).toEqual({ milli: 20_000, unit: 'Nos' });
    expect(tallyQuantityMilli('&#4; Not Applicable'.replace('&#4;', '\uE004'), 'Q')).toEqual({
      milli: 0,
      unit: null,
    });
    expect(() => tallyQuantityMilli('many', 'ACTUALQTY')).toThrow(/ACTUALQTY is not a quantity/);
    expect(tallyRate('250.00/Nos', 'R')).toEqual({ paise: 250_00, unit: 'Nos' });
    expect(tallyRate(' 12.345/Kgs', 'R')).toEqual({ paise: 12_35, unit: 'Kgs' });
    expect(tallyRate('$ 3.00 = ₹ 250.00/Nos', 'R')).toEqual({ paise: 250_00, unit: 'Nos' });
    expect(tallyRate('', 'R')).toEqual({ paise: null, unit: null });
  });
});
