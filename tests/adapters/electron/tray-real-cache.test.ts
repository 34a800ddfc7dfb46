import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { createCore } from '../../../electron/core/app';
import { silentLogger } from '../../../electron/core/logger';
import type { DispatchFn } from '../../../electron/main/ipc';
import { readTrayState } from '../../../electron/main/tray';
import { createTrayActions } from '../../../electron/main/tray-actions';
import { INITIAL_TRAY_STATE, buildTrayMenu, type TrayState } from '../../../electron/main/tray-menu';
import type { CacheKeyPage, CacheStatus } from '../../../shared/types/cache';
import type { CompanySummary } from '../../../shared/types/reports';

vi.mock('electron', () => import('./fake-electron'));

type Core = Awaited<ReturnType<typeof createCore>>;

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const inner = item.submenu.find((i) => i.id === id);
      if (inner) return inner;
    }
  }
  throw new Error(`menu item ${id} not found`);
}

describe('tray Clear cache against a real core (in-memory cache)', () => {
  let dir: string;
  let core: Core;
  let dispatch: DispatchFn;
  let company: CompanySummary;
  const ctx = { caller: 'test', user: null } as const;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-tray-cache-'));
    core = await createCore({
      dataDir: dir,
      mode: 'electron',
      env: { REDIS_ENABLED: 'false' },
      logger: silentLogger,
    });
    dispatch = (operation, input, context) => core.dispatch(operation, input, context);
    const loaded = await dispatch('demo.load', { vouchers: 60, seed: 7 }, ctx);
    if (!loaded.ok) throw new Error(loaded.error.message);
    company = loaded.data as CompanySummary;
  });
  afterAll(async () => {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cacheReports(): Promise<void> {
    const fy = company.financialYears[0]!;
    for (const [operation, input] of [
      ['companies.list', {}],
      ['dashboard.get', { companyGuid: company.guid, fy }],
    ] as const) {
      const first = await dispatch(operation, input, ctx);
      expect(first.ok, JSON.stringify(first)).toBe(true);
    }
    const again = await dispatch('dashboard.get', { companyGuid: company.guid, fy }, ctx);
    expect(again.ok && (again.data as { source: string }).source).toBe('cache');
  }

  async function keyCount(): Promise<number> {
    const status = await dispatch('cache.status', {}, ctx);
    if (!status.ok) throw new Error(status.error.message);
    return (status.data as CacheStatus).stats.keyCount;
  }

  /** Cached report keys (the tray's own refresh re-caches the company list, so that one is left out). */
  async function reportKeys(): Promise<string[]> {
    const page = await dispatch('cache.keys', { count: 1000 }, ctx);
    if (!page.ok) throw new Error(page.error.message);
    return (page.data as CacheKeyPage).keys.map((k) => k.key).filter((k) => !k.startsWith('companies:'));
  }

  async function menuWithActions() {
    const notices: string[] = [];
    let state: TrayState = INITIAL_TRAY_STATE;
    const actions = createTrayActions({
      dispatch,
      showWindow: () => undefined,
      notify: (_title, body) => notices.push(body),
      offerMemurai: async () => undefined,
      offerUpdate: async () => undefined,
      setOpenAtLogin: () => undefined,
      quit: () => undefined,
      setBusy: () => undefined,
      refresh: async () => {
        state = await readTrayState(dispatch, state);
      },
    });
    state = await readTrayState(dispatch, state);
    return { items: buildTrayMenu(state, actions), actions, notices, state: () => state };
  }

  it('the tray reads the real status: in-memory cache, the demo company in the submenus', async () => {
    const { items, state } = await menuWithActions();
    expect(state().detection?.backend).toBe('memory');
    expect(find(items, `cache.clearCompany.${company.guid}`).label).toBe(company.name.replace(/&/g, '&&'));
  });

  it('Clear cache removes every cached report', async () => {
    await cacheReports();
    const before = await keyCount();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await reportKeys()).not.toEqual([]);
    const { items, actions, notices, state } = await menuWithActions();
    (find(items, 'cache.clearAll').click as unknown as () => void)();
    await actions.settled();
    expect(await reportKeys()).toEqual([]);
    expect(await keyCount()).toBeLessThanOrEqual(1);
    expect(notices).toContain(`${before} cached entries removed.`);
    expect(state().stats?.keyCount).toBeLessThanOrEqual(1);
    const fy = company.financialYears[0]!;
    const after = await dispatch('dashboard.get', { companyGuid: company.guid, fy }, ctx);
    expect(after.ok && (after.data as { source: string }).source).toBe('database');
  });

  it("Clear cache for a company removes that company's reports", async () => {
    await cacheReports();
    expect((await reportKeys()).some((k) => k.includes(company.guid))).toBe(true);
    const { items, actions } = await menuWithActions();
    (find(items, `cache.clearCompany.${company.guid}`).click as unknown as () => void)();
    await actions.settled();
    expect((await reportKeys()).filter((k) => k.includes(company.guid))).toEqual([]);
    const fy = company.financialYears[0]!;
    const after = await dispatch('dashboard.get', { companyGuid: company.guid, fy }, ctx);
    expect(after.ok && (after.data as { source: string }).source).toBe('database');
  });
});
