/**
 * `npm run test:electron` — the real Electron app, driven by Playwright's Electron support:
 *   window opens on the demo company's dashboard numbers · the preload bridge answers · the tray exists
 *   with its menu · "Clear cache" from the tray clears · a second launch brings the first instance's
 *   window back · closing the window keeps the app in the tray · Quit ends it cleanly (exit 0).
 * Runs the packaged exe with `--exe <path>` (CI on Windows), else `electron .` on the built app. Where no
 * Electron binary exists (these Linux machines) it says so in one line and exits 0 without claiming a
 * pass. Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { locateSmokeTarget } from './locate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test-output');

interface Hooks {
  trayExists(): boolean;
  trayTooltip(): string;
  trayMenu(): { id: string; label: string; enabled: boolean }[];
  clickTray(id: string): boolean;
  settled(): Promise<void>;
  windowState(): { exists: boolean; visible: boolean; focused: boolean };
}

const target = locateSmokeTarget({ root: ROOT, argv: process.argv.slice(2), env: process.env });
if (target.kind === 'unavailable') {
  console.log(`Electron smoke test not run: ${target.reason}.`);
  process.exit(0);
}

const results: { name: string; ok: boolean; detail: string }[] = [];
async function check(name: string, run: () => Promise<string | void>): Promise<boolean> {
  try {
    const detail = (await run()) ?? '';
    results.push({ name, ok: true, detail });
    console.log(`  ✓ ${name}${detail ? ` — ${detail}` : ''}`);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`  ✗ ${name} — ${detail}`);
    return false;
  }
}
function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(200);
  }
}

if (target.kind === 'development') {
  // `electron .` needs the built app and better-sqlite3 for Electron's ABI (as `npm start` does).
  if (!existsSync(join(ROOT, 'out', 'main', 'main.js'))) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: true });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const prepared = spawnSync(process.execPath, [join(ROOT, 'tools', 'electron-native', 'prepare.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'tallyconnect-smoke-'));
const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  TALLYCONNECT_DATA_DIR: dataDir,
  TALLYCONNECT_TEST_HOOKS: '1',
  // The in-memory cache: the smoke test never touches a Redis/Memurai on this computer.
  REDIS_ENABLED: 'false',
  ELECTRON_ENABLE_LOGGING: '1',
};
delete env.ELECTRON_RUN_AS_NODE;
console.log(`Electron smoke test: ${target.kind} app ${target.executable}`);
console.log(`  data folder ${dataDir}`);

let electronApp: ElectronApplication | null = null;
let page: Page | null = null;
const hooks = <T>(fn: (h: Hooks) => T | Promise<T>): Promise<T> => {
  assert(electronApp, 'the app is not running');
  return electronApp.evaluate((_electron, source) => {
    const h = (globalThis as unknown as { __tallyConnectTestHooks?: Hooks }).__tallyConnectTestHooks;
    if (!h) throw new Error('test hooks are missing (TALLYCONNECT_TEST_HOOKS=1 not seen by the app)');
    // The function travels as source text: evaluate serialises its argument.
    return (new Function('h', `return (${source})(h);`) as (h: Hooks) => T)(h);
  }, fn.toString());
};

try {
  await check('the app starts and opens its window', async () => {
    electronApp = await _electron.launch({
      executablePath: target.executable,
      args: target.args,
      env,
      cwd: ROOT,
      timeout: 60_000,
    });
    page = await electronApp.firstWindow({ timeout: 60_000 });
    await page.waitForLoadState('domcontentloaded');
    return page.url();
  });
  assert(electronApp && page, 'no window');
  const app = electronApp as ElectronApplication;
  const win = page as Page;

  await check('the preload bridge answers (app.info over IPC)', async () => {
    const info = await win.evaluate(() => window.tallyConnect!.invoke('app.info', {}));
    assert(info.ok, `app.info failed: ${JSON.stringify(info)}`);
    assert(info.data.mode === 'electron', `mode is ${info.data.mode}`);
    return `version ${info.data.version}, data ${info.data.dataDir}`;
  });

  await check('the demo company loads and the dashboard shows its numbers', async () => {
    const loaded = await win.evaluate(() => window.tallyConnect!.invoke('demo.load', { vouchers: 3000 }));
    assert(loaded.ok, `demo.load failed: ${JSON.stringify(loaded)}`);
    await win.evaluate(() => {
      location.hash = '#/dashboard';
    });
    // A fresh start on the dashboard, as after launching with a company in the database.
    await win.reload();
    const sales = win.locator('[data-kpi="sales"] .kpi-value');
    await sales.waitFor({ timeout: 30_000 });
    const text = (await sales.textContent()) ?? '';
    assert(/^₹[\d,]+\.\d{2}$/.test(text), `sales KPI reads "${text}"`);
    mkdirSync(OUTPUT, { recursive: true });
    await win.screenshot({ path: join(OUTPUT, 'electron-smoke-dashboard.png') });
    return `sales ${text}`;
  });

  await check('the tray exists with its menu items', async () => {
    assert(await hooks((h) => h.trayExists()), 'no tray icon');
    const ids = (await hooks((h) => h.trayMenu())).map((i) => i.id);
    for (const id of [
      'open',
      'sync',
      'sync.all',
      'cache.clearAll',
      'cache.clearCompany',
      'cache.redetect',
      'quit',
    ])
      assert(ids.includes(id), `tray menu has no "${id}" (has ${ids.join(', ')})`);
    const tooltip = await hooks((h) => h.trayTooltip());
    assert(tooltip.startsWith('TallyConnect'), `tooltip "${tooltip}"`);
    return `${ids.length} items; tooltip "${tooltip.split('\n')[0]}"`;
  });

  await check('"Clear cache" from the tray clears the cache', async () => {
    const before = await win.evaluate(() => window.tallyConnect!.invoke('cache.status', {}));
    assert(before.ok && before.data.stats.keyCount > 0, `nothing cached before: ${JSON.stringify(before)}`);
    await win.evaluate(() => {
      const w = window as unknown as { __smokeCleared?: unknown };
      window.tallyConnect!.subscribe('cache.cleared', (payload) => {
        w.__smokeCleared = payload;
      });
    });
    assert(await hooks((h) => h.clickTray('cache.clearAll')), 'Clear cache is missing or disabled');
    await hooks((h) => h.settled());
    const cleared = await until('the cache.cleared event', () =>
      win.evaluate(
        () =>
          (window as unknown as { __smokeCleared?: { scope: string; deleted: number } }).__smokeCleared ??
          null,
      ),
    );
    assert(cleared.scope === 'all' && cleared.deleted >= before.data.stats.keyCount, JSON.stringify(cleared));
    return `${cleared.deleted} entries removed (had ${before.data.stats.keyCount})`;
  });

  await check('closing the window keeps TallyConnect running in the tray', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const state = await until('the window to hide', async () => {
      const s = await hooks((h) => h.windowState());
      return s.exists && !s.visible ? s : null;
    });
    assert(await hooks((h) => h.trayExists()), 'the tray went away');
    assert(app.process().exitCode === null, 'the app exited');
    return `window hidden (exists: ${state.exists}), tray present`;
  });

  await check('a second launch hands over to the first instance and shows its window', async () => {
    const second = spawn(target.executable, target.args, { env, cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the second instance did not exit')), 30_000);
      second.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    const state = await until('the first window to come back', async () => {
      const s = await hooks((h) => h.windowState());
      return s.visible ? s : null;
    });
    return `second instance exited (${code}); first window visible, focused: ${state.focused}`;
  });

  await check('Quit closes the database and exits with code 0', async () => {
    const exited = new Promise<number | null>((resolve) => app.process().once('exit', (c) => resolve(c)));
    // The app may be gone before Playwright hears back from this call.
    await app.evaluate(({ app: electronAppModule }) => electronAppModule.quit()).catch(() => undefined);
    const code = await Promise.race([exited, wait(30_000).then(() => 'timeout' as const)]);
    assert(code === 0, `exit code ${String(code)}`);
    const log = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
    assert(log.includes('TallyConnect stopped'), 'main.log has no "TallyConnect stopped"');
    electronApp = null;
    return 'exit 0; main.log says "TallyConnect stopped"';
  });
} finally {
  if (electronApp) await (electronApp as ElectronApplication).close().catch(() => undefined);
  const failed = results.filter((r) => !r.ok);
  const logFile = join(dataDir, 'logs', 'main.log');
  if (failed.length > 0 && existsSync(logFile)) {
    console.log('--- main.log ---');
    console.log(readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n'));
  }
  rmSync(dataDir, { recursive: true, force: true });
  const expected = 8;
  const passed = results.filter((r) => r.ok).length;
  if (failed.length === 0 && passed === expected)
    console.log(`Electron smoke test passed: ${passed} checks.`);
  else console.log(`Electron smoke test FAILED: ${passed} of ${expected} checks passed.`);
  process.exitCode = failed.length === 0 && passed === expected ? 0 : 1;
}
