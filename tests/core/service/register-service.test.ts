import type { Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import { TINY_GUID, tempDir, tinyVouchers, voucher, writeTiny } from '../db/fixtures';
import { createTestCore } from './test-core';

/**
 * The register operations through the dispatcher and the cache: Tiny Traders' sales register (S1
 * ₹11,800 on 5 Apr; the cancelled S-X of 20 May listed without amount), served from the cache the
 * second time, and computed again after the books change (a new data version keys a new entry).
 */
const dir = tempDir('tc-register-service-');
const context: CallContext = { caller: 'test', user: null };
let core: Core;
beforeAll(async () => {
  core = await createTestCore(dir.path('data'));
  writeTiny(core.store);
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

const FY = { companyGuid: TINY_GUID, from: '2025-04-01', to: '2026-03-31' };

describe('register operations', () => {
  it('serves the sales register, then the same answer from the cache', async () => {
    const first = await core.dispatch('register.summary', { ...FY, voucherType: 'Sales' }, context);
    expect(first.ok && first.data.source).toBe('database');
    if (!first.ok) return;
    expect(first.data.data.months[0]).toMatchObject({
      month: '2025-04',
      vouchers: 1,
      debit: 0,
      credit: 11_800_00,
    });
    expect(first.data.data.months).toHaveLength(12);
    expect(first.data.data.totalCredit).toBe(11_800_00);
    const again = await core.dispatch('register.summary', { ...FY, voucherType: 'Sales' }, context);
    expect(again.ok && again.data.source).toBe('cache');
    expect(again.ok && again.data.data).toEqual(first.data.data);

    const may = await core.dispatch(
      'register.vouchers',
      { companyGuid: TINY_GUID, voucherType: 'Sales', from: '2025-05-01', to: '2025-05-31' },
      context,
    );
    expect(may.ok && may.data.data.vouchers.map((v) => [v.voucherNumber, v.credit, v.offBooks])).toEqual([
      ['S-X', 0, 'cancelled'],
    ]);
    expect(may.ok && may.data.data.pageSize).toBe(100);
  });

  it('computes the register again once the books change', async () => {
    writeTiny(core.store, [
      ...tinyVouchers,
      voucher('V9', '2025-04-25', 'Sales', 'S9', [
        { ledgerGuid: 'L-A', ledgerName: 'Asha Stores', amount: 200_00, bills: [] },
        { ledgerGuid: 'L-SALES', ledgerName: 'Sales', amount: -200_00, bills: [] },
      ]),
    ]);
    const after = await core.dispatch('register.summary', { ...FY, voucherType: 'Sales' }, context);
    expect(after.ok && after.data.source).toBe('database');
    expect(after.ok && after.data.data.months[0]).toMatchObject({ vouchers: 2, credit: 12_000_00 });
  });

  it('refuses bad input with a clear error and caches nothing for it', async () => {
    const journal = await core.dispatch('register.summary', { ...FY, voucherType: 'Journal' }, context);
    expect(journal).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'voucherType' } },
    });
    expect(!journal.ok && journal.error.message).toContain('Journal');
    const unknown = await core.dispatch('register.summary', { ...FY, voucherType: 'Proforma' }, context);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'unknownVoucherType' } });
    const reversed = await core.dispatch(
      'register.vouchers',
      { companyGuid: TINY_GUID, voucherType: 'Sales', from: '2025-05-31', to: '2025-05-01' },
      context,
    );
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const empty = await core.dispatch('register.summary', { ...FY, voucherType: '  ' }, context);
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'voucherType' } },
    });
  });
});
