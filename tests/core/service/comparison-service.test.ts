import type { Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import { tempDir } from '../db/fixtures';
import { createTestCore, loadDemo } from './test-core';

/**
 * The comparison operations through the dispatcher: each column is exactly the single report for its
 * period (and shares its cache entry), bad columns are refused naming the column, at most four columns.
 */
const dir = tempDir('tc-compare-svc-');
const context: CallContext = { caller: 'test', user: null };
let core: Core;
let companyGuid = '';
beforeAll(async () => {
  core = await createTestCore(dir.path('data'));
  companyGuid = await loadDemo(core, context, { vouchers: 800, seed: 7 });
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

const THIS_YEAR = { from: '2026-04-01', to: '2026-11-25' };
const LAST_YEAR = { from: '2025-04-01', to: '2026-03-31' };

describe('statements with comparison columns', () => {
  it('profitLoss.compare: each column is profitLoss.get for its period, an as-on date from its year start', async () => {
    const answer = await core.dispatch(
      'profitLoss.compare',
      { companyGuid, columns: [THIS_YEAR, LAST_YEAR, { asOn: '2025-09-30' }] },
      context,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    const cmp = answer.data.data;
    expect(cmp.columns).toEqual([THIS_YEAR, LAST_YEAR, { from: '2025-04-01', to: '2025-09-30' }]);
    for (const [i, column] of cmp.columns.entries()) {
      const single = await core.dispatch('profitLoss.get', { companyGuid, ...column }, context);
      if (!single.ok) throw new Error(single.error.message);
      // The single report now comes from the entry the comparison left in the cache.
      expect(single.data.source).toBe('cache');
      expect(cmp.reports[i]).toEqual(single.data.data);
      expect(cmp.netProfit[i]).toBe(single.data.data.netProfit);
    }
    const again = await core.dispatch(
      'profitLoss.compare',
      { companyGuid, columns: [THIS_YEAR, LAST_YEAR, { asOn: '2025-09-30' }] },
      context,
    );
    expect(again.ok && again.data.source).toBe('cache');
  });

  it('trialBalance.compare and groupSummary.compare align every row of each column', async () => {
    const tb = await core.dispatch(
      'trialBalance.compare',
      { companyGuid, columns: [THIS_YEAR, LAST_YEAR] },
      context,
    );
    if (!tb.ok) throw new Error(tb.error.message);
    for (const [i, report] of tb.data.data.reports.entries()) {
      for (const row of report.rows) {
        const aligned = tb.data.data.rows.find((r) => r.kind === row.kind && r.guid === row.guid);
        expect({ name: row.name, closing: aligned?.closing[i] }).toEqual({
          name: row.name,
          closing: row.closing,
        });
      }
    }
    const gs = await core.dispatch(
      'groupSummary.compare',
      { companyGuid, groupName: 'Current Assets', stock: 'closing', columns: [THIS_YEAR, LAST_YEAR] },
      context,
    );
    if (!gs.ok) throw new Error(gs.error.message);
    const single = await core.dispatch(
      'groupSummary.get',
      { companyGuid, groupName: 'Current Assets', stock: 'closing', ...LAST_YEAR },
      context,
    );
    if (!single.ok) throw new Error(single.error.message);
    expect(gs.data.data.total.closing[1]).toBe(single.data.data.total.closing);
  });

  it('balanceSheet.compare: as on each column’s end, totals equal to balanceSheet.get', async () => {
    const answer = await core.dispatch(
      'balanceSheet.compare',
      { companyGuid, columns: [{ asOn: THIS_YEAR.to }, LAST_YEAR] },
      context,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.data.columns.map((c) => c.to)).toEqual([THIS_YEAR.to, LAST_YEAR.to]);
    const single = await core.dispatch('balanceSheet.get', { companyGuid, asOn: LAST_YEAR.to }, context);
    if (!single.ok) throw new Error(single.error.message);
    expect(answer.data.data.totalAssets[1]).toBe(single.data.data.totalAssets);
    expect(answer.data.data.reports[1]).toEqual(single.data.data);
  });

  it('refuses more than four columns, a reversed column (naming it), none, and an unknown group', async () => {
    const five = await core.dispatch(
      'trialBalance.compare',
      { companyGuid, columns: [THIS_YEAR, LAST_YEAR, THIS_YEAR, LAST_YEAR, THIS_YEAR] },
      context,
    );
    expect(five).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'columns' } } });
    expect(!five.ok && five.error.message).toMatch(/at most 4/);
    const none = await core.dispatch('profitLoss.compare', { companyGuid, columns: [] }, context);
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const reversed = await core.dispatch(
      'profitLoss.compare',
      { companyGuid, columns: [THIS_YEAR, { from: '2025-05-01', to: '2025-04-01' }] },
      context,
    );
    expect(reversed).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'reversedRange',
        params: { from: '2025-05-01', to: '2025-04-01' },
        details: { field: 'columns.1.to' },
      },
    });
    const unknown = await core.dispatch(
      'groupSummary.compare',
      { companyGuid, groupName: 'No Such Group', columns: [THIS_YEAR] },
      context,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
