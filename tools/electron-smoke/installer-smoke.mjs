/**
 * Windows CI only: installs the built NSIS installer silently (per user, no administrator), checks the
 * files, Start-menu entry and update metadata, starts the installed — fully fused — TallyConnect.exe
 * until its log says it is ready, then uninstalls silently and checks that the data folder stayed.
 *   node tools/electron-smoke/installer-smoke.mjs [dist]
 * Playwright cannot drive this build (its fuses forbid --inspect); npm run test:electron drives the
 * smoke build (build/electron-builder.smoke.yml) instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.platform !== 'win32') {
  console.log('Installer smoke test not run: it installs a Windows installer and needs Windows.');
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = join(root, process.argv[2] ?? 'dist');
const { version, productName } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const installer = join(distDir, `${productName}-Setup-${version}-x64.exe`);
const installDir = join(process.env.LOCALAPPDATA, 'Programs', productName);
const exe = join(installDir, `${productName}.exe`);
const uninstaller = join(installDir, `Uninstall ${productName}.exe`);
const startMenuLink = join(
  process.env.APPDATA,
  'Microsoft',
  'Windows',
  'Start Menu',
  'Programs',
  `${productName}.lnk`,
);
const userData = join(process.env.APPDATA, productName);

let failures = 0;
async function check(name, run) {
  try {
    const detail = (await run()) ?? '';
    console.log(`  ✓ ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    failures++;
    console.log(`  ✗ ${name} — ${error instanceof Error ? error.message : String(error)}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(500);
  }
}

console.log(`Installer smoke test: ${installer}`);

await check(
  'latest.yml names this version and the installer’s real sha512 (what the updater verifies)',
  () => {
    const latest = readFileSync(join(distDir, 'latest.yml'), 'utf8');
    const sha512 = createHash('sha512').update(readFileSync(installer)).digest('base64');
    assert(new RegExp(`^version: ${version.replace(/\./g, '\\.')}$`, 'm').test(latest), 'wrong version');
    assert(latest.includes(`sha512: ${sha512}`), 'sha512 differs from the installer');
    return `version ${version}`;
  },
);

await check('installs silently, per user, without administrator rights', () => {
  const result = spawnSync(installer, ['/S'], { stdio: 'inherit', timeout: 180_000 });
  assert(result.status === 0, `installer exit code ${result.status}`);
  assert(existsSync(exe), `${exe} missing`);
  assert(existsSync(uninstaller), `${uninstaller} missing`);
  return installDir;
});

await check('adds a Start-menu entry', () => {
  assert(existsSync(startMenuLink), `${startMenuLink} missing`);
});

await check('ships app-update.yml for electron-updater, and better-sqlite3 outside the asar', () => {
  assert(existsSync(join(installDir, 'resources', 'app-update.yml')), 'resources/app-update.yml missing');
  assert(
    existsSync(
      join(
        installDir,
        'resources',
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    ),
    'better_sqlite3.node is not unpacked',
  );
});

await check('the installed TallyConnect.exe starts: database, cache, window and tray ready', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tallyconnect-installed-'));
  const log = join(dataDir, 'logs', 'main.log');
  const child = spawn(exe, [], {
    env: { ...process.env, TALLYCONNECT_DATA_DIR: dataDir, REDIS_ENABLED: 'false' },
    stdio: 'ignore',
  });
  try {
    await until(
      '"TallyConnect ready" in main.log',
      () => existsSync(log) && readFileSync(log, 'utf8').includes('TallyConnect ready'),
    );
    const text = readFileSync(log, 'utf8');
    assert(!/core failed to start|startup failed/.test(text), 'startup errors in main.log');
    return `pid ${child.pid}`;
  } finally {
    // A forced stop: the clean Quit path is checked by npm run test:electron.
    spawnSync('taskkill', ['/PID', String(child.pid), '/T', '/F']);
    await wait(2000);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

await check('uninstalls silently and keeps the data folder', async () => {
  mkdirSync(userData, { recursive: true });
  const marker = join(userData, 'installer-smoke-marker.txt');
  writeFileSync(marker, 'kept\n');
  spawnSync(uninstaller, ['/S'], { stdio: 'inherit', timeout: 180_000 });
  // The uninstaller copies itself to %TEMP% and returns at once: wait for the files to go.
  await until('the program files to be removed', () => !existsSync(exe));
  assert(!existsSync(startMenuLink), 'the Start-menu entry is still there');
  assert(existsSync(marker), 'the data folder was removed');
  rmSync(marker);
  return `${userData} kept`;
});

console.log(
  failures === 0 ? 'Installer smoke test passed.' : `Installer smoke test FAILED: ${failures} check(s).`,
);
process.exitCode = failures === 0 ? 0 : 1;
