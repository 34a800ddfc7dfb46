import { parentPort, workerData } from 'node:worker_threads';
import { databaseError, sqliteCode } from '../db/sqlite-errors';
import { openStore } from '../db/store';
import { errorInfoOf } from './error-info';
import { executeSync, type SyncJob, type SyncMessage } from './execute';

/**
 * The sync worker thread: its own store connection on the same database file (SQLite WAL lets the main
 * thread keep reading), its own Tally client. The main thread stays free for the window and the tray.
 */
interface WorkerInput {
  dbPath: string;
  job: SyncJob;
}

const port = parentPort;
if (port === null) throw new Error('sync-worker must run as a worker thread');
const input = workerData as WorkerInput;
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});
const post = (message: SyncMessage): void => port.postMessage(message);

void (async () => {
  let store: ReturnType<typeof openStore> | null = null;
  try {
    // openStore never touches the file with node:fs (that would drop the main thread's SQLite locks).
    store = openStore(input.dbPath);
    await executeSync(store, input.job, post, controller.signal, undefined, { allowParseWorker: true });
  } catch (error) {
    const failure = sqliteCode(error) !== null ? databaseError(input.dbPath, error) : error;
    post({ type: 'failed', error: errorInfoOf(failure) });
  } finally {
    try {
      store?.close();
    } catch {
      // Closing after a failed run: SQLite rolls back whatever was open; the outcome was posted.
    }
    port.close();
  }
})().catch((error: unknown) => {
  // Only a failing post can get here; the runner then reports the worker's exit without an outcome.
  console.error('TallyConnect sync worker:', error);
});
