import { createCollectionsArea, type CollectionsArea } from '../../../electron/core/collections/area';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/collections/settings-store';
import type {
  CompanyRecord,
  LedgerInterestRecord,
  LedgerInterestSlab,
  LedgerRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import { billMovesAsOn } from '../../../electron/core/reports/bill-history';
import { bill, handBooks, voucherTypes, writeHandBooks } from '../db/books';
import { ledger } from '../db/fixtures';
import { testSecretBox } from './books';

/**
 * Interest per bill from the bill's real history, through the store: the invoice (New Ref), then each
 * receipt against it (Agst Ref) lowers the balance from its own date, so each slice earns for its own
 * days (Tally: "interest is re-calculated with every change in balance outstanding", "if a part of the
 * amount is settled, then interest is calculated only on the amount pending"; docs/TALLY.md "Interest on
 * overdue bills"). Every figure is worked out by hand below. As on 31 July 2025.
 */

const COMPANY: CompanyRecord = {
  guid: 'int-co-0001',
  name: 'Interest Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};
const AS_ON = '2025-07-31';

const slab = (extra: Partial<LedgerInterestSlab>): LedgerInterestSlab => ({
  rate: '18',
  style: '365-Day Year',
  balanceType: 'Debit Balances Only',
  appliedOn: 'Past Due Date',
  appliedFrom: '0',
  fromType: 'Past Due Date',
  roundType: 'Not Applicable',
  roundLimit: '',
  ...extra,
});
const tallyInterest = (...slabs: LedgerInterestSlab[]): LedgerInterestRecord => ({
  billWise: true,
  includeDayOfAddition: false,
  includeDayOfDeduction: false,
  slabs,
});
const party = (guid: string, name: string, interest?: LedgerInterestRecord): LedgerRecord =>
  ledger(guid, name, 'Sundry Debtors', {
    isBillWise: true,
    creditPeriodDays: 30,
    ...(interest ? { interest } : {}),
  });

const ledgers: LedgerRecord[] = [
  ledger('L-BANK', 'Bank', 'Bank Accounts'),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  // 18% per 365-day year past the due date (Tally's ledger parameters).
  party('P-YEAR', 'Year Traders', tallyInterest(slab({}))),
  // 2% per 30-day month past the due date.
  party('P-MONTH', 'Month Traders', tallyInterest(slab({ rate: '2', style: '30-Day Month' }))),
  // 12% per 365-day year from the bill date ("Always").
  party(
    'P-BILL',
    'Bill Date Traders',
    tallyInterest(slab({ rate: '12', appliedOn: 'Always', fromType: 'From Appl Date' })),
  ),
  // No interest in Tally: TallyConnect's parameters (18% per 365-day year past due, bills above ₹10,000).
  party('P-LIMIT', 'Limit Traders'),
  // Tally's advanced parameters (two slabs): not computed, so TallyConnect's apply, with a note.
  party(
    'P-SLABS',
    'Slab Traders',
    tallyInterest(slab({ rate: '5', appliedFrom: '10' }), slab({ rate: '10', appliedFrom: '60' })),
  ),
];

const { voucher: v, dr, cr } = handBooks(ledgers);
/** A sale on credit of 30 days: the bill falls due 30 days after its date. */
const sale = (guid: string, date: string, partyGuid: string, billName: string, rupees: number) =>
  v(guid, date, 'Sales', [
    dr(partyGuid, rupees, [bill(billName, 'New Ref', rupees, 30)]),
    cr('L-SALES', rupees),
  ]);
/** A receipt against a bill (Agst Ref). */
const receipt = (guid: string, date: string, partyGuid: string, billName: string, rupees: number) =>
  v(guid, date, 'Receipt', [
    dr('L-BANK', rupees),
    cr(partyGuid, rupees, [bill(billName, 'Agst Ref', -rupees)]),
  ]);

const vouchers = [
  // Year Traders: ₹1,00,000 billed 1 Apr (due 1 May); ₹40,000 received 31 May, ₹30,000 on 30 Jun, and
  // ₹10,000 on 5 Aug, after the as-on date (not counted: ₹30,000 pending on 31 Jul).
  sale('S-Y1', '2025-04-01', 'P-YEAR', 'Y/1', 100_000),
  receipt('R-Y1', '2025-05-31', 'P-YEAR', 'Y/1', 40_000),
  receipt('R-Y2', '2025-06-30', 'P-YEAR', 'Y/1', 30_000),
  receipt('R-Y3', '2025-08-05', 'P-YEAR', 'Y/1', 10_000),
  // Month Traders: ₹50,000 billed 1 Jun (due 1 Jul); ₹20,000 received 16 Jul.
  sale('S-M1', '2025-06-01', 'P-MONTH', 'M/1', 50_000),
  receipt('R-M1', '2025-07-16', 'P-MONTH', 'M/1', 20_000),
  // Bill Date Traders: ₹36,500 billed 1 Jul (due 31 Jul, so not yet overdue); ₹16,500 received 11 Jul.
  sale('S-B1', '2025-07-01', 'P-BILL', 'B/1', 36_500),
  receipt('R-B1', '2025-07-11', 'P-BILL', 'B/1', 16_500),
  // Limit Traders: three bills of 1 Jun (due 1 Jul): ₹8,000 unpaid; ₹30,000 with ₹10,000 received 16 Jul;
  // ₹30,000 with ₹25,000 received 16 Jul.
  sale('S-L1', '2025-06-01', 'P-LIMIT', 'L/1', 8_000),
  sale('S-L2', '2025-06-01', 'P-LIMIT', 'L/2', 30_000),
  sale('S-L3', '2025-06-01', 'P-LIMIT', 'L/3', 30_000),
  receipt('R-L2', '2025-07-16', 'P-LIMIT', 'L/2', 10_000),
  receipt('R-L3', '2025-07-16', 'P-LIMIT', 'L/3', 25_000),
  // Slab Traders: ₹20,000 billed 1 Jun (due 1 Jul), unpaid.
  sale('S-S1', '2025-06-01', 'P-SLABS', 'S/1', 20_000),
];

describe('interest per bill from its history, through the store (as on 31 Jul 2025)', () => {
  let store: Store;
  let area: CollectionsArea;
  beforeAll(() => {
    store = openStore(':memory:');
    writeHandBooks(store, COMPANY, {
      voucherTypes: voucherTypes('t', ['Sales', 'Receipt']),
      ledgers,
      vouchers,
    });
    area = createCollectionsArea({
      store,
      events: createEventBus(),
      secretBox: testSecretBox(),
      now: () => new Date('2025-07-31T06:00:00.000Z'),
      logger: silentLogger,
      statementPdf: null,
    });
    area.settings.setReminderSettings(COMPANY.guid, {
      ...DEFAULT_REMINDER_SETTINGS,
      interest: {
        ratePercent: '18',
        style: '365-Day Year',
        from: 'due',
        graceDays: 0,
        aboveAmount: 10_000_00,
      },
    });
  });
  afterAll(() => store.close());

  const listed = (guid: string) => {
    const found = area.listParties(COMPANY.guid, AS_ON).parties.find((p) => p.ledgerGuid === guid);
    if (!found) throw new Error(`${guid} is not listed`);
    return found;
  };

  it('reads each bill’s moves in one query, up to the as-on date', () => {
    const company = store.requireCompany(COMPANY.guid);
    const moves = billMovesAsOn(
      store.db,
      company.id,
      [
        { ledgerGuid: 'P-YEAR', billName: 'Y/1' },
        { ledgerGuid: 'P-MONTH', billName: 'M/1' },
        { ledgerGuid: 'P-MONTH', billName: 'no such bill' },
      ],
      AS_ON,
    );
    expect(moves.get('P-YEAR')?.get('Y/1')).toEqual([
      { date: '2025-04-01', amount: 100_000_00 },
      { date: '2025-05-31', amount: -40_000_00 },
      { date: '2025-06-30', amount: -30_000_00 },
    ]);
    expect(moves.get('P-MONTH')?.get('M/1')).toEqual([
      { date: '2025-06-01', amount: 50_000_00 },
      { date: '2025-07-16', amount: -20_000_00 },
    ]);
    expect(moves.get('P-MONTH')?.has('no such bill')).toBe(false);
    expect(billMovesAsOn(store.db, company.id, [], AS_ON).size).toBe(0);
  });

  it('18% per 365-day year from the due date, on a bill paid in parts', () => {
    // Due 1 May; interest from 2 May to 31 Jul (91 days). A receipt lowers the balance from its own date:
    //   1,00,000 × 29 days (2–30 May)  = 29,00,000
    //     60,000 × 30 days (31 May–29 Jun) = 18,00,000
    //     30,000 × 32 days (30 Jun–31 Jul) =  9,60,000
    //   18% × 56,60,000 / 365 = 10,18,800 / 365 = 2,791.2328… → ₹2,791.23
    // (Treating the ₹30,000 pending as outstanding all along would give 30,000 × 18% × 91/365 = ₹1,346.30.)
    expect(listed('P-YEAR')).toMatchObject({ totalDue: 30_000_00, interest: 2_791_23, interestNote: null });
  });

  it('2% per 30-day month from the due date', () => {
    // Due 1 Jul; interest from 2 Jul. 50,000 × 14 days (2–15 Jul) + 30,000 × 16 days (16–31 Jul)
    //   = 7,00,000 + 4,80,000 = 11,80,000 rupee-days; 2% × 11,80,000 / 30 = 786.666… → ₹786.67
    expect(listed('P-MONTH')).toMatchObject({ totalDue: 30_000_00, interest: 786_67 });
  });

  it('12% per 365-day year from the bill date ("Always"), before the bill is even due', () => {
    // Billed 1 Jul; interest from 2 Jul. 36,500 × 9 days (2–10 Jul) + 20,000 × 21 days (11–31 Jul)
    //   = 3,28,500 + 4,20,000 = 7,48,500; 12% × 7,48,500 / 365 = 89,820 / 365 = 246.0821… → ₹246.08
    expect(listed('P-BILL')).toMatchObject({ totalDue: 20_000_00, interest: 246_08 });
  });

  it('only bills pending above the limit set in TallyConnect earn, each on its own slices', () => {
    // 18% per 365-day year past due (1 Jul), bills pending above ₹10,000 on 31 Jul (total due 8,000 +
    // 20,000 + 5,000 = ₹33,000):
    //   L/1 ₹8,000 pending: not above the limit → 0
    //   L/2 ₹20,000 pending: 30,000 × 14 (2–15 Jul) + 20,000 × 16 (16–31 Jul) = 4,20,000 + 3,20,000
    //       = 7,40,000; 18% × 7,40,000 / 365 = 1,33,200 / 365 = 364.9315… → ₹364.93
    //   L/3 ₹5,000 pending (₹25,000 received 16 Jul): not above the limit → 0 (the limit is compared
    //       with the pending amount on the as-on date)
    expect(listed('P-LIMIT')).toMatchObject({ totalDue: 33_000_00, interest: 364_93, interestNote: null });
  });

  it("Tally's multi-slab parameters are not computed: TallyConnect's apply, with a note saying why", () => {
    // TallyConnect's 18% per 365-day year past due (1 Jul) on the ₹20,000 bill (above the ₹10,000 limit):
    //   20,000 × 18% × 30/365 (2–31 Jul) = 1,08,000 / 365 = 295.890… → ₹295.89
    const slabs = listed('P-SLABS');
    expect(slabs.interest).toBe(295_89);
    expect(slabs.interestNote).toBe(
      "Tally's interest settings not used: Tally's advanced parameters with 2 slabs are not computed yet",
    );
  });
});
