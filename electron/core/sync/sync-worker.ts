import { parentPort, workerData } from 'node:worker_threads';
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
    store = openStore(input.dbPath);
    await executeSync(store, input.job, post, controller.signal, undefined, { allowParseWorker: true });
  } catch (error) {
    post({ type: 'failed', error: errorInfoOf(error) });
  } finally {
    store?.close();
    port.close();
  }
})();
