import type { Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import { tempDir } from '../db/fixtures';
import { createTestCore, loadDemo } from './test-core';

/**
 * The Group Summary's stock basis is part of what is cached: the balance sheet's summary (closing stock)
 * is never answered from the trial balance's (opening stock) entry of the same group and period.
 */
const dir = tempDir('tc-gs-stock-');
const context: CallContext = { caller: 'test', user: null };
let core: Core;
let companyGuid = '';
beforeAll(async () => {
  core = await createTestCore(dir.path('data'));
  companyGuid = await loadDemo(core, context, { vouchers: 600, seed: 5 });
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

describe('groupSummary.get with the stock of the report it is opened from', () => {
  it('answers the balance sheet figure for stock "closing", the trial balance one by default, each cached apart', async () => {
    const period = { companyGuid, from: '2026-04-01', to: '2026-11-25' };
    const summary = async (stock?: 'opening' | 'closing') => {
      const answer = await core.dispatch(
        'groupSummary.get',
        { ...period, groupName: 'Current Assets', ...(stock ? { stock } : {}) },
        context,
      );
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data.data.total.closing;
    };
    const tb = await core.dispatch('trialBalance.get', period, context);
    const bs = await core.dispatch('balanceSheet.get', { companyGuid, asOn: period.to }, context);
    if (!tb.ok || !bs.ok) throw new Error('reports failed');
    const tbRow = tb.data.data.rows.find((r) => r.name === 'Current Assets')!;
    const bsLine = bs.data.data.assets.find((l) => l.name === 'Current Assets')!;
    expect(tbRow.closing).not.toBe(bsLine.closing);
    // Twice each, so the second answer of each comes from the cache.
    expect(await summary()).toBe(tbRow.closing);
    expect(await summary('opening')).toBe(tbRow.closing);
    expect(await summary('closing')).toBe(bsLine.closing);
    expect(await summary('closing')).toBe(bsLine.closing);
    expect(await summary()).toBe(tbRow.closing);
  });
});
