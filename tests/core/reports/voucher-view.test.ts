import type { Core } from '../../../electron/core/app';
import { cacheKeys } from '../../../electron/core/cache/keys';
import { loadMasters } from '../../../electron/core/reports/masters';
import { voucherView } from '../../../electron/core/reports/voucher';
import type { CallContext } from '../../../electron/core/service/types';
import { AppError } from '../../../shared/errors';
import { TINY, TINY_GUID, tempDir, voucher, writeTiny, tinyVouchers } from '../db/fixtures';
import { createTestCore } from '../service/test-core';

/**
 * The voucher view: one voucher as Tally shows it, from the tiny hand-built books (tests/core/db/fixtures.ts)
 * plus a few vouchers with a party, a reference, a narration and flags. Figures in paise, by hand.
 */

const extra = [
  // A receipt with a party, reference and narration; Asha's ₹6,000 split over two bills.
  voucher(
    'VX1',
    '2025-06-15',
    'Receipt',
    'R9',
    [
      { ledgerGuid: 'L-BANK', ledgerName: 'HDFC Bank', amount: 6_000_00, bills: [] },
      {
        ledgerGuid: 'L-A',
        ledgerName: 'Asha Stores',
        amount: -6_000_00,
        bills: [
          { billName: 'S1', billType: 'Agst Ref', amount: -5_000_00, creditPeriodDays: null, dueDate: null },
          { billName: 'ADV', billType: 'Advance', amount: -1_000_00, creditPeriodDays: 15, dueDate: null },
        ],
      },
    ],
    { partyLedgerName: 'Asha Stores', reference: 'CHQ 004512', narration: 'Cheque received' },
  ),
  // Post-dated, beyond the date of last entry: stays out of the books.
  voucher(
    'VX2',
    '2027-01-10',
    'Payment',
    'PY9',
    [
      { ledgerGuid: 'L-RENT', ledgerName: 'Rent', amount: 1_000_00, bills: [] },
      { ledgerGuid: 'L-CASH', ledgerName: 'Cash', amount: -1_000_00, bills: [] },
    ],
    { isPostDated: true },
  ),
];

const dir = tempDir('tc-voucher-view-');
const context: CallContext = { caller: 'test', user: null };
let core: Core;
beforeAll(async () => {
  core = await createTestCore(dir.path('data'));
  writeTiny(core.store, [...tinyVouchers, ...extra]);
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

const view = (guid: string) =>
  voucherView(core.store.db, loadMasters(core.store.db, core.store.requireCompany(TINY_GUID)), guid);

describe('voucher view', () => {
  it('shows a posting sales voucher with its lines Dr/Cr and its bill with credit period and due date', () => {
    expect(view('V1')).toEqual({
      companyGuid: TINY_GUID,
      guid: 'V1',
      date: '2025-04-05',
      voucherType: 'Sales',
      baseType: 'Sales',
      voucherNumber: 'S1',
      party: null,
      reference: null,
      narration: '',
      isCancelled: false,
      isOptional: false,
      isPostDated: false,
      offBooks: null,
      postsToBooks: true,
      lines: [
        {
          ledgerGuid: 'L-A',
          ledgerName: 'Asha Stores',
          amount: 11_800_00,
          // 5 Apr + 30 days = 5 May.
          bills: [
            {
              billName: 'S1',
              billType: 'New Ref',
              amount: 11_800_00,
              creditPeriodDays: 30,
              dueDate: '2025-05-05',
            },
          ],
        },
        { ledgerGuid: 'L-SALES', ledgerName: 'Sales', amount: -11_800_00, bills: [] },
      ],
      totalDebit: 11_800_00,
      totalCredit: 11_800_00,
      inventory: [],
    });
  });

  it('shows a cancelled voucher with its flag, as not posting to the books', () => {
    const v = view('V6');
    expect(v).toMatchObject({
      voucherNumber: 'S-X',
      isCancelled: true,
      offBooks: 'cancelled',
      postsToBooks: false,
      totalDebit: 999_00,
      totalCredit: 999_00,
    });
    expect(
      v.lines.map((l) => [l.ledgerName, l.amount, l.bills.map((b) => [b.billName, b.billType, b.amount])]),
    ).toEqual([
      ['Asha Stores', 999_00, [['SX', 'New Ref', 999_00]]],
      ['Sales', -999_00, []],
    ]);
  });

  it('shows party, reference, narration and each bill allocation of a receipt', () => {
    const v = view('VX1');
    expect(v).toMatchObject({
      party: 'Asha Stores',
      reference: 'CHQ 004512',
      narration: 'Cheque received',
      baseType: 'Receipt',
      postsToBooks: true,
      totalDebit: 6_000_00,
      totalCredit: 6_000_00,
    });
    expect(v.lines[1]!.bills).toEqual([
      { billName: 'S1', billType: 'Agst Ref', amount: -5_000_00, creditPeriodDays: null, dueDate: null },
      // 15 Jun + 15 days.
      {
        billName: 'ADV',
        billType: 'Advance',
        amount: -1_000_00,
        creditPeriodDays: 15,
        dueDate: '2025-06-30',
      },
    ]);
  });

  it('shows a post-dated voucher whose date has not come as post-dated, off the books', () => {
    expect(view('VX2')).toMatchObject({ isPostDated: true, offBooks: 'post-dated', postsToBooks: false });
  });

  it('answers NOT_FOUND for a voucher the company does not have', () => {
    expect(() => view('NOPE')).toThrow(AppError);
  });
});

describe('voucher.get through the dispatcher', () => {
  it('serves the voucher, then from the cache under the report key', async () => {
    const first = await core.dispatch('voucher.get', { companyGuid: TINY_GUID, voucherGuid: 'V2' }, context);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.source).toBe('database');
    expect(first.data.data.lines.map((l) => [l.ledgerName, l.amount])).toEqual([
      ['HDFC Bank', 5_000_00],
      ['Asha Stores', -5_000_00],
    ]);
    const second = await core.dispatch('voucher.get', { companyGuid: TINY_GUID, voucherGuid: 'V2' }, context);
    expect(second.ok && second.data.source).toBe('cache');
    const version = core.store.requireCompany(TINY_GUID).dataVersion;
    const keys = await core.dispatch('cache.keys', { pattern: '*' }, context);
    expect(keys.ok && keys.data.keys.map((k) => k.key)).toContain(
      cacheKeys.report(TINY.guid, version, 'voucher', ['V2']),
    );
  });

  it('answers NOT_FOUND for an unknown voucher and VALIDATION for an empty GUID', async () => {
    const unknown = await core.dispatch(
      'voucher.get',
      { companyGuid: TINY_GUID, voucherGuid: 'NOPE' },
      context,
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { voucherGuid: 'NOPE' } },
    });
    const empty = await core.dispatch('voucher.get', { companyGuid: TINY_GUID, voucherGuid: ' ' }, context);
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keys outstanding by the ageing choice', async () => {
    const input = { companyGuid: TINY_GUID, kind: 'receivable', asOn: '2025-06-30' } as const;
    const byDue = await core.dispatch('outstanding.get', input, context);
    const byBill = await core.dispatch('outstanding.get', { ...input, ageBy: 'bill' }, context);
    expect(byDue.ok && byDue.data.data.ageBy).toBe('due');
    expect(byBill.ok && byBill.data).toMatchObject({ source: 'database', data: { ageBy: 'bill' } });
  });
});
