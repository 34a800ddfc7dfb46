import { addDays } from '../../../shared/dates';
import type {
  BillAllocationRecord,
  CompanyRecord,
  LedgerRecord,
  VoucherRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { ON_ACCOUNT, outstanding } from '../../../electron/core/reports/outstanding';
import { billHistory } from '../../../electron/core/reports/bill-history';
import type { OutstandingParty } from '../../../shared/types/reports';
import { ledger, tempDir } from '../db/fixtures';
import { bill as rupeeBill, handBooks, voucherTypes } from '../db/books';

/**
 * Outstanding as Tally's Bills Receivable / Payable show it: a "Not due" column, On Account amounts in
 * their own column and never aged, ageing by due date or by bill date, bills of bill-wise ledgers outside
 * Sundry Debtors / Creditors listed by their side, and each party's total equal to its ledger balance.
 * Every figure is worked out by hand from the vouchers below (rupees × 100 = paise).
 */

const GUID = 'outstanding-tally-co';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Ageing Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};

const ledgers: LedgerRecord[] = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 1_00_000_00 }),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -1_02_000_00 }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-PURCH', 'Purchases', 'Purchase Accounts'),
  // Opening bill OB1 of ₹2,000, dated 1 Mar 2025, due 31 Mar 2025.
  ledger('L-ASHA', 'Asha Stores', 'Sundry Debtors', {
    isBillWise: true,
    creditPeriodDays: 30,
    openingBalance: 2_000_00,
    openingBills: [
      {
        billName: 'OB1',
        billDate: '2025-03-01',
        amount: 2_000_00,
        creditPeriodDays: null,
        dueDate: '2025-03-31',
      },
    ],
  }),
  // A debtor without bill-wise details: its whole balance is On Account.
  ledger('L-CHETAN', 'Chetan Traders', 'Sundry Debtors'),
  ledger('L-BHARAT', 'Bharat Supplies', 'Sundry Creditors', { isBillWise: true }),
  // Bill-wise ledgers outside Sundry Debtors / Creditors.
  ledger('L-STAFF', 'Staff Advance - Ravi', 'Loans & Advances (Asset)', { isBillWise: true }),
  ledger('L-LOAN', 'Loan from Mehta', 'Unsecured Loans', { isBillWise: true }),
];

const types = voucherTypes('vt', ['Sales', 'Purchase', 'Receipt', 'Payment']);

const { voucher: v, entry: e } = handBooks(ledgers);
/** A bill allocation in paise (the bills below are written in paise). */
const bill = (
  billName: string,
  billType: BillAllocationRecord['billType'],
  amount: number,
  creditPeriodDays: number | null = null,
): BillAllocationRecord => rupeeBill(billName, billType, amount / 100, creditPeriodDays);

const vouchers: VoucherRecord[] = [
  // Loan received: bill LN1 with a year's credit, due 1 Apr 2026.
  v('V6', '2025-04-01', 'Receipt', [
    e('L-CASH', 50_000),
    e('L-LOAN', -50_000, [bill('LN1', 'New Ref', -50_000_00, 365)]),
  ]),
  v('V4', '2025-04-05', 'Sales', [e('L-CHETAN', 7_000), e('L-SALES', -7_000)]),
  // S1 due 10 May 2025.
  v('V1', '2025-04-10', 'Sales', [
    e('L-ASHA', 10_000, [bill('S1', 'New Ref', 10_000_00, 30)]),
    e('L-SALES', -10_000),
  ]),
  // Advance to staff: no credit period, so due on its own date, 1 May 2025.
  v('V5', '2025-05-01', 'Payment', [
    e('L-STAFF', 2_500, [bill('ADV1', 'New Ref', 2_500_00)]),
    e('L-CASH', -2_500),
  ]),
  // ₹3,000 against S1 and ₹1,000 On Account (an unnamed allocation, as Tally writes it).
  v('V3', '2025-05-15', 'Receipt', [
    e('L-CASH', 4_000),
    e('L-ASHA', -4_000, [bill('S1', 'Agst Ref', -3_000_00), bill('', 'On Account', -1_000_00)]),
  ]),
  // P1 due 4 Jun 2025.
  v('V7', '2025-05-20', 'Purchase', [
    e('L-PURCH', 8_000),
    e('L-BHARAT', -8_000, [bill('P1', 'New Ref', -8_000_00, 15)]),
  ]),
  // S2 due 20 Jul 2025: not due on 30 Jun.
  v('V2', '2025-06-20', 'Sales', [
    e('L-ASHA', 5_000, [bill('S2', 'New Ref', 5_000_00, 30)]),
    e('L-SALES', -5_000),
  ]),
  // Paid to Bharat without a bill: on account.
  v('V8', '2025-06-25', 'Payment', [e('L-BHARAT', 3_000), e('L-CASH', -3_000)]),
  // Cancelled: changes nothing.
  v(
    'V9',
    '2025-06-01',
    'Sales',
    [e('L-ASHA', 999, [bill('S9', 'New Ref', 999_00, 30)]), e('L-SALES', -999)],
    {
      isCancelled: true,
    },
  ),
];

const dir = tempDir('tc-outstanding-tally-');
let store: Store;
let masters: Masters;
beforeAll(() => {
  store = openStore(dir.path('o.db'));
  const writer = store.beginCompanyWrite(COMPANY, 'replace');
  writer.putGroups(predefinedGroups((id) => `og-${id}`, 1));
  writer.putVoucherTypes(types);
  writer.putLedgers(ledgers);
  writer.putVouchers(vouchers);
  writer.commit(COMPANY);
  masters = loadMasters(store.db, store.requireCompany(GUID));
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const BUCKETS = [30, 60, 90];
const AS_ON = '2025-06-30';
const party = (parties: OutstandingParty[], name: string): OutstandingParty => {
  const found = parties.find((p) => p.name === name);
  if (!found) throw new Error(`${name} is not listed`);
  return found;
};
const balanceOn = (ledgerGuid: string, asOn: string): number =>
  ledgerStatement(store.db, masters, { ledgerGuid, from: addDays(asOn, 1), to: addDays(asOn, 1) }).opening;

describe('Bills Receivable as Tally shows it', () => {
  const receivable = (ageBy: 'due' | 'bill', asOn = AS_ON) =>
    outstanding(store.db, masters, { kind: 'receivable', asOn, buckets: BUCKETS, ageBy });

  it('puts a bill not yet due in Not due, unaged, and ages the rest by due date', () => {
    const r = receivable('due');
    const asha = party(r.parties, 'Asha Stores');
    expect(asha.bills.map((b) => [b.billName, b.amount, b.overdueDays, b.ageDays, b.onAccount])).toEqual([
      ['OB1', 2_000_00, 91, 91, false], // due 31 Mar: 91 days
      ['S1', 7_000_00, 51, 51, false], // 10,000 − 3,000; due 10 May: 51 days
      ['S2', 5_000_00, -20, null, false], // due 20 Jul: not due
      [ON_ACCOUNT, -1_000_00, 0, null, true],
    ]);
    expect(asha.notDue).toBe(5_000_00);
    expect(asha.onAccount).toBe(-1_000_00);
    expect(asha.buckets).toEqual([0, 7_000_00, 0, 2_000_00]);
    // 2,000 opening + 10,000 + 5,000 − 4,000 received.
    expect(asha.total).toBe(13_000_00);
  });

  it('shows an On Account amount in its own column and never ages it', () => {
    const r = receivable('due');
    // Sold on 5 Apr without bill-wise details: 86 days old, but On Account is not aged.
    const chetan = party(r.parties, 'Chetan Traders');
    expect(chetan).toMatchObject({ total: 7_000_00, notDue: 0, onAccount: 7_000_00, buckets: [0, 0, 0, 0] });
    expect(chetan.bills).toEqual([
      {
        billName: ON_ACCOUNT,
        billDate: null,
        dueDate: null,
        overdueDays: 0,
        ageDays: null,
        onAccount: true,
        amount: 7_000_00,
      },
    ]);
  });

  it('ages by bill date when asked (Tally F6), leaving Not due and On Account alone', () => {
    const byBill = receivable('bill');
    expect(byBill.ageBy).toBe('bill');
    const asha = party(byBill.parties, 'Asha Stores');
    // OB1 dated 1 Mar: 121 days; S1 dated 10 Apr: 81 days (61–90) instead of 51 by due date.
    expect(asha.bills.map((b) => [b.billName, b.ageDays])).toEqual([
      ['OB1', 121],
      ['S1', 81],
      ['S2', null],
      [ON_ACCOUNT, null],
    ]);
    expect(asha.buckets).toEqual([0, 0, 7_000_00, 2_000_00]);
    expect(asha.notDue).toBe(5_000_00);
    expect(byBill.buckets.map((b) => b.amount)).toEqual([0, 2_500_00, 7_000_00, 2_000_00]);
    expect(receivable('due').buckets.map((b) => b.amount)).toEqual([0, 9_500_00, 0, 2_000_00]);
  });

  it('lists a debit bill of a bill-wise ledger under another group, and not its credit bills', () => {
    const r = receivable('due');
    const staff = party(r.parties, 'Staff Advance - Ravi');
    // Due on its own date, 1 May: 60 days, the 31–60 bucket.
    expect(staff).toMatchObject({
      group: 'Loans & Advances (Asset)',
      total: 2_500_00,
      notDue: 0,
      onAccount: 0,
    });
    expect(staff.bills.map((b) => [b.billName, b.amount, b.ageDays])).toEqual([['ADV1', 2_500_00, 60]]);
    expect(r.parties.map((p) => p.name)).not.toContain('Loan from Mehta');
    expect(r.parties.map((p) => p.name)).not.toContain('Bharat Supplies');
  });

  it('totals the report: Not due + buckets + On Account', () => {
    const r = receivable('due');
    expect(r.total).toBe(22_500_00); // 13,000 + 7,000 + 2,500
    expect(r.notDue).toBe(5_000_00);
    expect(r.onAccount).toBe(6_000_00); // −1,000 + 7,000
    expect(r.notDue + r.onAccount + r.buckets.reduce((s, b) => s + b.amount, 0)).toBe(r.total);
  });

  it('as on a past date replays bills settled later (S1 before its receipt)', () => {
    const r = receivable('due', '2025-05-12');
    const asha = party(r.parties, 'Asha Stores');
    expect(asha.bills.map((b) => [b.billName, b.amount, b.ageDays])).toEqual([
      ['OB1', 2_000_00, 42],
      ['S1', 10_000_00, 2],
    ]);
    expect(asha).toMatchObject({
      total: 12_000_00,
      onAccount: 0,
      notDue: 0,
      buckets: [10_000_00, 2_000_00, 0, 0],
    });
  });
});

describe('Bills Payable as Tally shows it', () => {
  const payable = (ageBy: 'due' | 'bill') =>
    outstanding(store.db, masters, { kind: 'payable', asOn: AS_ON, buckets: BUCKETS, ageBy });

  it('nets a payment without a bill as On Account (a debit: negative here), unaged', () => {
    const bharat = party(payable('due').parties, 'Bharat Supplies');
    expect(bharat.bills.map((b) => [b.billName, b.amount, b.ageDays])).toEqual([
      ['P1', 8_000_00, 26], // due 4 Jun
      [ON_ACCOUNT, -3_000_00, null],
    ]);
    expect(bharat).toMatchObject({
      total: 5_000_00,
      notDue: 0,
      onAccount: -3_000_00,
      buckets: [8_000_00, 0, 0, 0],
    });
  });

  it('lists the credit bill of a bill-wise loan ledger, not yet due under either ageing', () => {
    for (const ageBy of ['due', 'bill'] as const) {
      const p = payable(ageBy);
      const loan = party(p.parties, 'Loan from Mehta');
      expect(loan).toMatchObject({
        group: 'Unsecured Loans',
        total: 50_000_00,
        notDue: 50_000_00,
        onAccount: 0,
      });
      expect(loan.bills.map((b) => [b.billName, b.dueDate, b.ageDays])).toEqual([
        ['LN1', '2026-04-01', null],
      ]);
      expect(p.parties.map((x) => x.name)).not.toContain('Staff Advance - Ravi');
      expect(p).toMatchObject({ total: 55_000_00, notDue: 50_000_00, onAccount: -3_000_00 });
    }
  });
});

describe('each party total equals its ledger balance as on the date', () => {
  it.each(['2025-04-30', '2025-05-12', '2025-05-15', AS_ON, '2026-04-02'])('as on %s', (asOn) => {
    for (const kind of ['receivable', 'payable'] as const) {
      const sign = kind === 'receivable' ? 1 : -1;
      for (const ageBy of ['due', 'bill'] as const) {
        const r = outstanding(store.db, masters, { kind, asOn, buckets: BUCKETS, ageBy });
        for (const p of r.parties) {
          expect(
            p.bills.reduce((s, b) => s + b.amount, 0),
            p.name,
          ).toBe(p.total);
          expect(p.notDue + p.onAccount + p.buckets.reduce((s, b) => s + b, 0), p.name).toBe(p.total);
          expect(p.total, `${p.name} ${kind} ${asOn}`).toBe(sign * balanceOn(p.ledgerGuid, asOn));
        }
      }
    }
  });
});

describe("A bill's history (the drill from a bill to its vouchers)", () => {
  const history = (ledgerGuid: string, billName: string, kind: 'receivable' | 'payable', asOn = AS_ON) =>
    billHistory(store.db, masters, { ledgerGuid, billName, kind, asOn });

  it('lists the invoice that raised a bill and the receipt against it, with the pending amount after each', () => {
    const s1 = history('L-ASHA', 'S1', 'receivable');
    expect(s1.opening).toBe(0);
    expect(s1.billDate).toBe('2025-04-10');
    expect(
      s1.lines.map((l) => [l.date, l.voucherNumber, l.voucherType, l.billType, l.amount, l.balance]),
    ).toEqual([
      ['2025-04-10', 'V1', 'Sales', 'New Ref', 10_000_00, 10_000_00],
      ['2025-05-15', 'V3', 'Receipt', 'Agst Ref', -3_000_00, 7_000_00],
    ]);
    // The same pending amount the outstanding report shows for the bill.
    expect(s1.pending).toBe(7_000_00);
    const s1Line = party(
      outstanding(store.db, masters, { kind: 'receivable', asOn: AS_ON, buckets: BUCKETS }).parties,
      'Asha Stores',
    ).bills.find((b) => b.billName === 'S1');
    expect(s1Line?.amount).toBe(s1.pending);
  });

  it('stops at the as-on date', () => {
    const s1 = history('L-ASHA', 'S1', 'receivable', '2025-05-14');
    expect(s1.lines.map((l) => l.voucherNumber)).toEqual(['V1']);
    expect(s1.pending).toBe(10_000_00);
  });

  it('starts an opening bill from the books’ opening bills, with no voucher', () => {
    const ob1 = history('L-ASHA', 'OB1', 'receivable');
    expect([ob1.opening, ob1.lines.length, ob1.pending, ob1.dueDate]).toEqual([
      2_000_00,
      0,
      2_000_00,
      '2025-03-31',
    ]);
  });

  it('turns a payable bill to the side the report shows (owed by us is positive)', () => {
    const p1 = history('L-BHARAT', 'P1', 'payable');
    expect(p1.lines.map((l) => [l.voucherNumber, l.amount])).toEqual([['V7', 8_000_00]]);
    expect(p1.pending).toBe(8_000_00);
  });

  it('knows no bill that only a cancelled voucher raised, nor an unknown ledger', () => {
    expect(() => history('L-ASHA', 'S9', 'receivable')).toThrow(/No bill "S9"/);
    expect(() => history('L-NOPE', 'S1', 'receivable')).toThrow(/No ledger/);
  });
});
