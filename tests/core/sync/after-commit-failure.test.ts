import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { createSyncManager } from '../../../electron/core/sync/manager';
import type { SyncRunner } from '../../../electron/core/sync/runner';
import type { AppEventName } from '../../../shared/contract';
import type { SyncResult } from '../../../shared/types/sync';

/*
 * The after-commit step (cache invalidation, reading the company, 'books.changed') runs while the worker
 * may still be running, outside any caller's await. Before the fix a failure there (SQLITE_CORRUPT from
 * findCompany, seen in the field) was an unhandled rejection, which ends a Node process.
 */

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const GUID = 'guid-after-commit';

const corrupt = (): Error =>
  Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });

const RESULT: SyncResult = {
  runId: 'run-1',
  companyGuid: GUID,
  companyName: 'After Commit Traders',
  kind: 'import',
  vouchersWritten: 3,
  vouchersDeleted: 0,
  mastersWritten: 5,
  tookMs: 1,
};

/** Like the worker runner: the company commits, and the run finishes a little later. */
const slowRunner: SyncRunner = {
  run(job, onMessage) {
    const done = (async () => {
      onMessage({
        type: 'progress',
        progress: {
          runId: job.runId,
          companyGuid: GUID,
          companyName: RESULT.companyName,
          phase: 'storing',
          done: 1,
          total: 1,
          rate: null,
          etaSeconds: null,
          message: 'Storing',
        },
      });
      onMessage({ type: 'companyDone', result: RESULT });
      await new Promise((resolve) => setTimeout(resolve, 50));
      onMessage({ type: 'finished', results: [RESULT] });
    })();
    return { done, cancel: () => undefined };
  },
};

let dir: string;
let store: Store;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-after-commit-'));
  store = openStore(join(dir, 'tallyconnect.db'));
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a failure after the commit', () => {
  it('is reported, never an unhandled rejection, and the run still succeeds', async () => {
    const reported: { message: string; fields?: Record<string, unknown> }[] = [];
    // A listener that throws is reported by the bus itself; the other listeners still get the event.
    const events = createEventBus((error, event) =>
      reported.push({ message: `announcing ${event} failed`, fields: { error } }),
    );
    // Every after-commit step fails: the cache, the read of the company, a listener of the event.
    events.onAny((event) => {
      if (event === 'books.changed' || event === 'sync.progress') throw new Error('window closed');
    });
    const seen: AppEventName[] = [];
    events.onAny((event) => seen.push(event));
    const manager = createSyncManager({
      store: {
        db: store.db,
        markSyncStatus: (...args) => store.markSyncStatus(...args),
        findCompany: () => {
          throw corrupt();
        },
      },
      events,
      runner: slowRunner,
      tally: () => ({ host: '127.0.0.1', port: 9 }),
      invalidateCompany: () => Promise.reject(new Error('Redis went away')),
      logger: {
        warn: (message, fields) => reported.push({ message, fields }),
        error: (message, fields) => reported.push({ message, fields }),
      },
      newRunId: () => 'run-1',
    });

    await expect(manager.importFiles(['/nowhere/DayBook.xml'])).resolves.toEqual(RESULT);
    // Let any stray rejection surface before looking.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
    expect(seen).toEqual(['sync.progress', 'books.changed', 'sync.finished']);
    const messages = reported.map((r) => r.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'announcing sync.progress failed',
        'cache invalidation after sync failed',
        'reading the committed company after sync failed',
        'announcing books.changed failed',
      ]),
    );
    // The SQLite failure is reported with what really happened: the file checks sound.
    const read = reported.find((r) => r.message === 'reading the committed company after sync failed');
    expect(String((read?.fields?.error as Error).message)).toMatch(
      /found no damage: another program may be using it/,
    );
    expect(manager.status().running).toBe(false);
  });

  it('does not end the process when it fails after a real worker import (child process)', async () => {
    const fixture = (name: string): string =>
      readFileSync(fileURLToPath(new URL(`../../fixtures/tally/${name}`, import.meta.url)), 'utf8');
    writeFileSync(join(dir, 'Masters.xml'), fixture('masters.xml'));
    writeFileSync(join(dir, 'DayBook.xml'), fixture('daybook.xml'));
    const module = (path: string): string => JSON.stringify(pathToFileURL(join(REPO, path)).href);
    const script = join(dir, 'app.mts');
    // A process with Node's default (throwing) unhandled-rejection mode, as the app and `serve` run.
    writeFileSync(
      script,
      `import { openStore } from ${module('electron/core/db/store.ts')};
import { createEventBus } from ${module('electron/core/events/bus.ts')};
import { createSyncManager } from ${module('electron/core/sync/manager.ts')};
import { workerRunner } from ${module('electron/core/sync/runner.ts')};
const dir = ${JSON.stringify(dir)};
const store = openStore(dir + '/child.db');
let failing = true;
const manager = createSyncManager({
  store: {
    db: store.db,
    markSyncStatus: (...args) => store.markSyncStatus(...args),
    findCompany: (guid) => {
      if (failing) throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
      return store.findCompany(guid);
    },
  },
  events: createEventBus(),
  runner: workerRunner(store.path),
  tally: () => ({ host: '127.0.0.1', port: 9 }),
  invalidateCompany: async () => undefined,
  logger: { warn: () => undefined, error: (message) => console.log('REPORTED ' + message) },
});
const paths = [dir + '/Masters.xml', dir + '/DayBook.xml'];
const first = await manager.importFiles(paths);
failing = false;
const second = await manager.importFiles(paths);
console.log('ALIVE ' + first.kind + ' ' + second.kind + ' ' + (first.companyGuid === second.companyGuid));
store.close();
`,
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO,
      timeout: 80_000,
    });
    expect(stdout).toContain('REPORTED reading the committed company after sync failed');
    expect(stdout).toMatch(/ALIVE import import true/);
  }, 90_000);
});
