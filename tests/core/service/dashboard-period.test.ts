import type { Core } from '../../../electron/core/app';
import { cacheKeys, KEY_PATTERNS } from '../../../electron/core/cache/keys';
import type { CallContext } from '../../../electron/core/service/types';
import { TINY_GUID, tempDir, writeTiny } from '../db/fixtures';
import { createTestCore } from './test-core';

/**
 * dashboard.get follows the session period's end (issue 23) and India's today, and its cache key says
 * both, so neither a new period nor a new day is answered from an older entry.
 */

const dir = tempDir('tc-dashboard-period-');
const context: CallContext = { caller: 'test', user: null };
// 17:30 on 09-04-2026 in India; the test moves it past India's midnight.
let instant = '2026-04-09T12:00:00Z';
let core: Core;
beforeAll(async () => {
  core = await createTestCore(dir.path('data'), () => new Date(instant));
  writeTiny(core.store);
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

const get = async (input: { fy: string; to?: string }) => {
  const answer = await core.dispatch('dashboard.get', { companyGuid: TINY_GUID, ...input }, context);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
};

describe('dashboard.get and the period end', () => {
  it('stops every card at the period end; a caller sending only the year gets the whole year', async () => {
    const year = await get({ fy: '2025-26' });
    expect([year.data.to, year.data.asOn]).toEqual(['2026-03-31', '2026-03-31']);
    expect(year.data.kpis.purchases).toBe(5_000_00);
    // Up to 30-04-2025 the purchase of 10-05 is not there yet; the answer is not the year's from the cache.
    const april = await get({ fy: '2025-26', to: '2025-04-30' });
    expect(april.source).toBe('database');
    expect([april.data.to, april.data.asOn]).toEqual(['2025-04-30', '2025-04-30']);
    expect(april.data.kpis).toMatchObject({ sales: 11_800_00, purchases: 0, payables: 0 });
    expect((await get({ fy: '2025-26', to: '2025-04-30' })).source).toBe('cache');
  });

  it('refuses a period end outside the year, naming it', async () => {
    const answer = await core.dispatch(
      'dashboard.get',
      { companyGuid: TINY_GUID, fy: '2025-26', to: '2026-04-10' },
      context,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'to' } } });
    expect(!answer.ok && answer.error.message).toContain('2026-04-10 is not in the financial year 2025-26');
  });

  it("keys the cache by the period end and the as-on date, so India's new day is a new answer", async () => {
    expect(KEY_PATTERNS.dashboard).toBe('dashboard:{guid}:{alterid}:{fy}:{to}:{as_on}');
    expect(cacheKeys.dashboard('G', 3, '2026-27', '2027-03-31', '2026-04-09')).toBe(
      'dashboard:{G}:3:2026-27:2027-03-31:2026-04-09',
    );
    const evening = await get({ fy: '2026-27' });
    expect(evening.data.asOn).toBe('2026-04-09');
    expect(evening.data.kpis.receivables).toBe(5_800_00);
    // 01:30 on 10-04-2026 in India (still the 9th in UTC): the sale of 10-04 is now in the receivables.
    instant = '2026-04-09T20:00:00Z';
    const night = await get({ fy: '2026-27' });
    expect(night.source).toBe('database');
    expect(night.data.asOn).toBe('2026-04-10');
    expect(night.data.kpis.receivables).toBe(6_800_00);
  });
});
