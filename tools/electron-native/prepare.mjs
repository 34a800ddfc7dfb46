/**
 * `npm start` runs Electron from this checkout, but node_modules/better-sqlite3 is compiled for Node
 * (the tests need it that way). This puts a second copy, with the prebuilt binary for Electron's ABI,
 * in out/node_modules/ — which the built out/main/main.js finds first — so both work side by side.
 * Needs internet once per Electron / better-sqlite3 version. Packaged builds do not use it:
 * electron-builder rebuilds better-sqlite3 for Electron itself (and excludes out/node_modules).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readVersion = (pkg) =>
  JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const electron = readVersion('electron');
const sqlite = readVersion('better-sqlite3');
const target = join(root, 'out', 'node_modules', 'better-sqlite3');
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(root, 'out', 'node_modules', '.electron-native.json');
const stamp = JSON.stringify({
  electron,
  betterSqlite3: sqlite,
  platform: process.platform,
  arch: process.arch,
});

if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 ${sqlite} for Electron ${electron} is ready`);
  process.exit(0);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(dirname(target), { recursive: true });
const source = join(root, 'node_modules', 'better-sqlite3');
cpSync(source, target, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });

const run = (script, args) =>
  spawnSync(process.execPath, [join(root, 'node_modules', ...script), ...args], {
    cwd: target,
    stdio: 'inherit',
  });

console.log(
  `Fetching better-sqlite3 ${sqlite} built for Electron ${electron} (${process.platform}-${process.arch})…`,
);
run(['prebuild-install', 'bin.js'], ['--runtime', 'electron', '--target', electron, '--arch', process.arch]);
if (!existsSync(binary)) {
  // No prebuilt binary for this combination: compile against Electron's headers (needs a C++ toolchain).
  console.log('No prebuilt binary; compiling better-sqlite3 against Electron headers…');
  run(
    ['node-gyp', 'bin', 'node-gyp.js'],
    [
      'rebuild',
      '--release',
      `--target=${electron}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
  );
}
if (!existsSync(binary)) {
  console.error(
    `Could not get better-sqlite3 for Electron ${electron}: the download failed and compiling was not ` +
      'possible. Check the internet connection (and, without a prebuilt binary, install a C++ toolchain), ' +
      'then run `npm start` again.',
  );
  process.exit(1);
}
writeFileSync(stampFile, stamp);
console.log(`better-sqlite3 for Electron ${electron} is ready`);
