import type { DispatchFn } from './ipc';

export interface ShutdownStep {
  name: string;
  run(): Promise<unknown> | unknown;
  /** A step that hangs (a stuck Redis connection) must not keep the app from quitting. */
  timeoutMs?: number;
}

interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

const DEFAULT_TIMEOUT_MS = 5_000;

function withTimeout(work: Promise<unknown>, ms: number, name: string): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the shutdown steps in order, once: later calls get the same promise. A failing or slow step is
 * logged and the next one still runs, so the database is closed even if cancelling the sync fails.
 */
export function createShutdown(steps: ShutdownStep[], logger: Log): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => {
    running ??= (async () => {
      for (const step of steps) {
        try {
          await withTimeout(
            Promise.resolve().then(() => step.run()),
            step.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            step.name,
          );
          logger.info('shutdown step done', { step: step.name });
        } catch (error) {
          logger.warn('shutdown step failed', { step: step.name, error });
        }
      }
    })();
    return running;
  };
}

/**
 * Asks a running sync to stop and waits until it has rolled back, so the database is never closed in
 * the middle of a write transaction.
 */
export async function cancelSyncAndWait(
  dispatch: DispatchFn,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<boolean> {
  const context = { caller: 'ipc', user: null } as const;
  const status = await dispatch('sync.status', {}, context);
  if (!status.ok || !(status.data as { running: boolean }).running) return false;
  await dispatch('sync.cancel', {}, context);
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    const now = await dispatch('sync.status', {}, context);
    if (!now.ok || !(now.data as { running: boolean }).running) return true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  return true;
}
