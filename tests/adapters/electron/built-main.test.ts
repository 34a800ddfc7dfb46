import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, loadConfigFromFile, type InlineConfig } from 'vite';
import { OPERATION_NAMES } from '../../../shared/contract';
import { openStore } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { createEventBus } from '../../../electron/core/events/bus';
import { createSyncManager } from '../../../electron/core/sync/manager';
import { workerRunner } from '../../../electron/core/sync/runner';
import { startTallySimulator } from '../../../tools/tally-sim/server';
import { buildDate } from '../../../vite.electron.config';

/**
 * Builds main + preload exactly as `npm run build` does (into a temp folder), then boots the built
 * main.js under plain Node with a stub Electron (./smoke) and the REAL core: proves the bundle's
 * imports resolve, the core opens its database, IPC answers envelopes, and quitting shuts down cleanly.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const smoke = join(import.meta.dirname, 'smoke');

async function buildInto(mode: 'main' | 'preload', outDir: string): Promise<void> {
  const loaded = await loadConfigFromFile({ command: 'build', mode }, join(root, 'vite.electron.config.ts'));
  const config = loaded!.config as InlineConfig;
  await build({
    ...config,
    configFile: false,
    root,
    mode,
    logLevel: 'error',
    plugins: [],
    build: { ...config.build, outDir, emptyOutDir: true, sourcemap: false },
  });
}

interface Findings {
  ipcChannels: number;
  webPreferences: Record<string, unknown>;
  loaded: string[];
  appInfo: { ok: boolean; data: { dataDir: string; mode: string } };
  demo: { ok: boolean };
  cleared: { ok: boolean; data: { deleted: number } };
  companies: { ok: boolean; data: { data: { name: string }[] } };
  cacheStatus: { ok: boolean; data: { detection: { backend: string } } };
  badInput: { ok: boolean; error: { code: string; message: string } };
  foreign: { ok: boolean; error: { code: string } };
  page: { status: number; csp: string; body: string };
  tooltip: string;
  menu: string[];
  hiddenOnClose: boolean;
  update: { ok: boolean; data: { phase: string; disabledReason: string | null } };
  hooks: {
    trayExists: boolean;
    tooltip: string;
    menu: string[];
    clickedClear: boolean;
    notifications: string[];
  };
}

describe('built main process (real core, stub Electron)', () => {
  // Inside the repo (git-ignored test-output/) so the bundle resolves node_modules like out/ does.
  mkdirSync(join(root, 'test-output'), { recursive: true });
  const dir = mkdtempSync(join(root, 'test-output', 'built-main-'));
  const out = join(dir, 'out');
  const data = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    await buildInto('main', join(out, 'main'));
    await buildInto('preload', join(out, 'preload'));
  }, 120_000);

  it('boots, serves IPC and the renderer, hides to tray, and shuts down cleanly', async () => {
    expect(readFileSync(join(out, 'preload', 'preload.cjs'), 'utf8')).toMatch(/require\("electron"\)/);
    mkdirSync(join(out, 'renderer'));
    writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', join(smoke, 'register.mjs'), join(smoke, 'drive.mjs'), join(out, 'main', 'main.js')],
      {
        cwd: root,
        env: {
          ...process.env,
          TALLYCONNECT_DATA_DIR: data,
          REDIS_ENABLED: 'false',
          TALLYCONNECT_TEST_HOOKS: '1',
        },
        timeout: 25_000,
      },
    );
    const lines = stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const findings = JSON.parse(lines[0]!) as Findings;
    const exit = JSON.parse(lines[1]!) as { exit: number; calls: string[] };

    // One channel per operation, plus the file picker and Save PDF.
    expect(findings.ipcChannels).toBe(OPERATION_NAMES.length + 2);
    expect(findings.webPreferences).toMatchObject({
      preload: join(out, 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(findings.loaded).toEqual(['app://tallyconnect/index.html']);
    expect(findings.appInfo).toMatchObject({ ok: true, data: { dataDir: data, mode: 'electron' } });
    expect(findings.demo).toMatchObject({ ok: true });
    expect(findings.cleared).toMatchObject({ ok: true });
    expect(findings.companies.ok && findings.companies.data.data).toHaveLength(1);
    expect(findings.cacheStatus).toMatchObject({ ok: true, data: { detection: { backend: 'memory' } } });
    expect(findings.badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(findings.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(findings.page.status).toBe(200);
    expect(findings.page.csp).toMatch(/script-src 'self'/);
    expect(findings.page.body).toContain('<div id="root">');
    expect(findings.tooltip).toMatch(/^TallyConnect — /);
    expect(findings.menu).toEqual(
      expect.arrayContaining(['open', 'cache.clearAll', 'cache.redetect', 'quit']),
    );
    expect(findings.hiddenOnClose).toBe(true);
    // Not installed (stub: app.isPackaged false): updates are off and say why.
    expect(findings.update).toMatchObject({
      ok: true,
      data: { phase: 'disabled', disabledReason: 'not-installed' },
    });
    // The test hooks see the same tray and drive its Clear cache like a click.
    expect(findings.hooks).toMatchObject({ trayExists: true, tooltip: findings.tooltip, clickedClear: true });
    expect(findings.hooks.menu).toEqual(
      expect.arrayContaining(['open', 'sync.all', 'cache.clearAll', 'quit']),
    );
    expect(findings.hooks.notifications).toContain('Cache cleared');
    // Help › About's build date was written into the bundle by Vite.
    const bundle = readFileSync(join(out, 'main', 'main.js'), 'utf8');
    expect(bundle).not.toContain('__TALLYCONNECT_BUILD_DATE__');
    expect(bundle).toContain(JSON.stringify(buildDate()));

    expect(exit.exit).toBe(0);
    expect(exit.calls).toContain('tray.destroy');
    expect(existsSync(join(data, 'tallyconnect.db'))).toBe(true);
    expect(readFileSync(join(data, 'logs', 'main.log'), 'utf8')).toMatch(
      /close core \(database, Redis\)[\s\S]*TallyConnect stopped/,
    );
  });

  it('syncs from Tally in the bundled sync worker, parsing in the bundled parse worker', async () => {
    const worker = join(out, 'main', 'sync-worker.js');
    expect(existsSync(join(out, 'main', 'fetch-worker.js'))).toBe(true);
    const sim = await startTallySimulator([generateDemoCompany({ vouchers: 1200, seed: 9 })]);
    const path = join(dir, 'sync.db');
    const store = openStore(path);
    try {
      const manager = createSyncManager({
        store,
        events: createEventBus(),
        runner: workerRunner(path, { path: worker, typescript: false }),
        tally: () => ({ host: '127.0.0.1', port: sim.port, attempts: 1, timeoutMs: 20_000 }),
        invalidateCompany: async () => undefined,
        parseInWorker: () => true,
      });
      const [result] = await manager.start({ full: true });
      // 1,200 generated + the 20 the simulator adds as real Tally has them (orders, memoranda ...).
      expect(result).toMatchObject({ kind: 'full', vouchersWritten: 1220 });
      expect(store.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(1220);
      expect(store.db.prepare('SELECT count(*) FROM vouchers WHERE off_books IS NULL').pluck().get()).toBe(
        1200,
      );
      await manager.close();
    } finally {
      store.close();
      await sim.stop();
    }
  });
});
