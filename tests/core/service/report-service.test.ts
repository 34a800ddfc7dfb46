import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import { TINY_GUID, tempDir, writeTiny } from '../db/fixtures';
import { createTestCore } from './test-core';

const dir = tempDir('tc-service-');
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

describe('report operations through the dispatcher', () => {
  it('serves a dashboard with where it came from and how long it took', async () => {
    const answer = await core.dispatch('dashboard.get', { companyGuid: TINY_GUID, fy: '2025-26' }, context);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(['database', 'cache']).toContain(answer.data.source);
    expect(answer.data.tookMs).toBeGreaterThanOrEqual(0);
    expect(answer.data.data.kpis.sales).toBe(11_800_00);
  });

  it('answers typed errors for bad input, unknown companies and ledgers', async () => {
    const reversed = await core.dispatch(
      'trialBalance.get',
      { companyGuid: TINY_GUID, from: '2025-05-01', to: '2025-04-01' },
      context,
    );
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!reversed.ok && reversed.error.message).toMatch(/reversed/);
    const badDate = await core.dispatch(
      'dayBook.get',
      { companyGuid: TINY_GUID, from: '2025-02-30', to: '2025-04-01' },
      context,
    );
    expect(badDate).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'from' } } });
    const unknownCompany = await core.dispatch(
      'outstanding.get',
      { companyGuid: 'nope', kind: 'receivable', asOn: '2025-04-01' },
      context,
    );
    expect(unknownCompany).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!unknownCompany.ok && unknownCompany.error.message).toContain('nope');
    const unknownLedger = await core.dispatch(
      'ledger.statement',
      { companyGuid: TINY_GUID, ledgerGuid: 'L-NOPE', from: '2025-04-01', to: '2025-04-30' },
      context,
    );
    expect(unknownLedger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!unknownLedger.ok && unknownLedger.error.message).toContain('L-NOPE');
    expect(await core.dispatch('reports.magic', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
  });

  it('lists companies, searches ledgers and pages the day book', async () => {
    const list = await core.dispatch('companies.list', {}, context);
    expect(list.ok && list.data.data.map((c) => c.guid)).toEqual([TINY_GUID]);
    const found = await core.dispatch('ledgers.search', { companyGuid: TINY_GUID, query: 'asha' }, context);
    expect(found.ok && found.data.map((l) => l.guid)).toEqual(['L-A']);
    const book = await core.dispatch(
      'dayBook.get',
      { companyGuid: TINY_GUID, from: '2025-04-01', to: '2026-03-31' },
      context,
    );
    // The cancelled voucher is listed too (off the books).
    expect(book.ok && book.data.data.totalVouchers).toBe(7);
  });

  it('loads the demo company, reports app info and deletes a company', async () => {
    const loaded = await core.dispatch('demo.load', { vouchers: 500, seed: 3 }, context);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.data).toMatchObject({
      source: 'demo',
      counts: { vouchers: 500 },
      lastVoucherDate: '2026-11-25',
    });
    const info = await core.dispatch('app.info', {}, context);
    expect(info.ok && info.data.databasePath).toBe(join(dir.path('data'), 'tallyconnect.db'));
    expect(await core.dispatch('company.delete', { companyGuid: loaded.data.guid }, context)).toEqual({
      ok: true,
      data: { deleted: true },
    });
    expect(await core.dispatch('company.delete', { companyGuid: loaded.data.guid }, context)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('createCore on a damaged database', () => {
  it('refuses with a DATABASE error naming the file', async () => {
    const dataDir = dir.path('broken');
    await (await createCore({ dataDir, mode: 'test', env: { REDIS_ENABLED: 'false' } })).close();
    writeFileSync(join(dataDir, 'tallyconnect.db'), 'not a database at all'.repeat(100));
    await expect(
      createCore({ dataDir, mode: 'test', env: { REDIS_ENABLED: 'false' } }),
    ).rejects.toMatchObject({
      code: 'DATABASE',
      message: expect.stringContaining(join(dataDir, 'tallyconnect.db')),
    });
  });
});
