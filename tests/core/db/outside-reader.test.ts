import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { createSyncManager, type SyncManager } from '../../../electron/core/sync/manager';
import { workerRunner } from '../../../electron/core/sync/runner';

/*
 * An outside program (python's sqlite3, or a separate node process with better-sqlite3 when python is
 * missing) reads tallyconnect.db while the app has it open and imports into it through the real sync
 * worker. The app's connections must keep their SQLite locks the whole time: before the fix, the
 * worker's openStore read the header with node:fs, and closing that descriptor dropped every fcntl lock
 * of the process on the file; the outside reader then checkpointed and deleted the WAL under the app and
 * the next import failed with SQLITE_CORRUPT (and crashed the process from the after-commit step).
 */

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/tally/${name}`, import.meta.url)), 'utf8');

/** The python interpreter itself (a version-manager shim such as pyenv's costs a second per start). */
const PYTHON = ((): string | null => {
  const found = spawnSync('python3', ['-c', 'import sqlite3, sys; print(sys.executable)'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : null;
})();

type Op = 'count' | 'integrity' | 'probe-exclusive' | 'reader-loop';

/** One op in python's sqlite3: a different SQLite build in a different process, as a user's tool is. */
const PY = String.raw`
import json, os, sqlite3, sys, time
op, path = sys.argv[1], sys.argv[2]
def connect(timeout=5.0):
    return sqlite3.connect(path, timeout=timeout, isolation_level=None)
if op == 'count':
    c = connect(); print(json.dumps(c.execute('SELECT count(*) FROM vouchers').fetchone()[0])); c.close()
elif op == 'integrity':
    c = connect(); print(json.dumps(c.execute('PRAGMA integrity_check').fetchone()[0])); c.close()
elif op == 'probe-exclusive':
    c = connect(0)
    try:
        c.execute('PRAGMA locking_mode = EXCLUSIVE'); c.execute('SELECT count(*) FROM sqlite_master').fetchone()
        c.execute('BEGIN EXCLUSIVE'); c.execute('ROLLBACK'); print(json.dumps('acquired'))
    except sqlite3.OperationalError as e:
        print(json.dumps('locked' if 'locked' in str(e) else str(e)))
    c.close()
elif op == 'reader-loop':
    stop, deadline, reads, errors = sys.argv[3], time.time() + 20, 0, []
    while time.time() < deadline and not (os.path.exists(stop) and reads > 0):
        try:
            c = connect(); c.execute('SELECT count(*) FROM vouchers').fetchone(); c.close(); reads += 1
        except Exception as e:
            errors.append(str(e))
        time.sleep(0.005)
    print(json.dumps({'reads': reads, 'errors': errors}))
`;

/** The same ops in a separate node process with better-sqlite3 (its own process, so its own locks). */
const NODE = String.raw`
const Database = require('better-sqlite3');
const fs = require('node:fs');
const [op, path, stop] = process.argv.slice(1);
const connect = (timeout = 5000) => new Database(path, { timeout, fileMustExist: true });
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
let out;
if (op === 'count') { const c = connect(); out = c.prepare('SELECT count(*) FROM vouchers').pluck().get(); c.close(); }
else if (op === 'integrity') { const c = connect(); out = c.pragma('integrity_check', { simple: true }); c.close(); }
else if (op === 'probe-exclusive') {
  const c = connect(0);
  try {
    c.pragma('locking_mode = EXCLUSIVE'); c.prepare('SELECT count(*) FROM sqlite_master').get();
    c.exec('BEGIN EXCLUSIVE'); c.exec('ROLLBACK'); out = 'acquired';
  } catch (e) { out = /locked/.test(e.message) ? 'locked' : e.message; }
  c.close();
} else if (op === 'reader-loop') {
  const deadline = Date.now() + 20000; let reads = 0; const errors = [];
  while (Date.now() < deadline && !(fs.existsSync(stop) && reads > 0)) {
    try { const c = connect(); c.prepare('SELECT count(*) FROM vouchers').get(); c.close(); reads++; }
    catch (e) { errors.push(e.message); }
    sleep(5);
  }
  out = { reads, errors };
}
console.log(JSON.stringify(out));
`;

async function outside<T>(op: Op, path: string, ...extra: string[]): Promise<T> {
  const { stdout } = PYTHON
    ? await run(PYTHON, ['-c', PY, op, path, ...extra], { timeout: 30_000 })
    : await run(process.execPath, ['-e', NODE, op, path, ...extra], { cwd: REPO, timeout: 30_000 });
  return JSON.parse(stdout.trim()) as T;
}

/**
 * This process's POSIX locks on a file as "READ 1073741826 1073742335" (type and byte range; Linux
 * /proc/locks), or null where that is not available.
 */
function locksOf(path: string): string[] | null {
  if (!existsSync('/proc/locks')) return null;
  const inode = statSync(path).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(
      // "1: POSIX  ADVISORY  READ 5594 fe:00:2146578 1073741826 1073742335"
      (fields) =>
        fields[1] === 'POSIX' && fields[4] === String(process.pid) && fields[5]?.endsWith(`:${inode}`),
    )
    .map((fields) => [fields[3], fields[6], fields[7]].join(' '))
    .sort();
}

let dir: string;
let store: Store;
let manager: SyncManager;
let paths: string[];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-outside-'));
  paths = [join(dir, 'Masters.xml'), join(dir, 'DayBook.xml')];
  writeFileSync(paths[0]!, fixture('masters.xml'));
  writeFileSync(paths[1]!, fixture('daybook.xml'));
  // The app's main connection, as in createCore; the import runs in the real sync worker.
  store = openStore(join(dir, 'tallyconnect.db'));
  manager = createSyncManager({
    store,
    events: createEventBus(),
    runner: workerRunner(store.path),
    tally: () => ({ host: '127.0.0.1', port: 9 }),
    invalidateCompany: async () => undefined,
    logger: { warn: () => undefined, error: () => undefined },
  });
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});

afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await manager.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const vouchers = (): number => store.db.prepare('SELECT count(*) FROM vouchers').pluck().get() as number;

describe(`an outside program reading the database while the app runs (${PYTHON ? 'python3 sqlite3' : 'node better-sqlite3'})`, () => {
  it('keeps the app holding its SQLite locks after the sync worker opened and closed its connection', async () => {
    expect(vouchers()).toBe(0);
    const before = locksOf(store.path);
    await manager.importFiles(paths);
    // The worker's connection has come and gone; the main connection's SHARED lock must still be there.
    const after = locksOf(store.path);
    if (before !== null && after !== null) {
      expect(before.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    }
    // Portable check of the same: an outside program cannot take the file for itself.
    expect(await outside<string>('probe-exclusive', store.path)).toBe('locked');
  }, 90_000);

  it('reads while the app imports, without deleting the WAL; both keep working and the file stays sound', async () => {
    const first = await manager.importFiles(paths);
    expect(first.kind).not.toBe('unchanged');
    const stored = vouchers();
    expect(stored).toBeGreaterThan(0);
    const shm = statSync(`${store.path}-shm`).ino;

    // A plain outside read, like `sqlite3 tallyconnect.db 'select count(*) from vouchers'`.
    expect(await outside<number>('count', store.path)).toBe(stored);
    // Before the fix this read, finding no lock of the app, checkpointed and deleted -wal and -shm.
    expect(existsSync(`${store.path}-wal`)).toBe(true);
    expect(statSync(`${store.path}-shm`).ino).toBe(shm);
    expect(vouchers()).toBe(stored);

    // An outside reader running during the next import (bounded: it stops when told, or after 20 s).
    const stop = join(dir, 'stop');
    const reader = outside<{ reads: number; errors: string[] }>('reader-loop', store.path, stop);
    const second = await manager.importFiles(paths);
    writeFileSync(stop, '');
    const loop = await reader;
    expect(second.companyGuid).toBe(first.companyGuid);
    expect(loop.errors).toEqual([]);
    expect(loop.reads).toBeGreaterThan(0);

    expect(vouchers()).toBe(stored);
    expect(existsSync(`${store.path}-wal`)).toBe(true);
    expect(statSync(`${store.path}-shm`).ino).toBe(shm);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await outside<string>('integrity', store.path)).toBe('ok');
    expect(await outside<number>('count', store.path)).toBe(stored);
    expect(unhandled).toEqual([]);
  }, 120_000);

  it('refuses to import the database file itself (reading it would drop the locks)', async () => {
    await manager.importFiles(paths);
    await expect(manager.importFiles([store.path])).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    expect(await outside<string>('probe-exclusive', store.path)).toBe('locked');
  }, 90_000);
});
