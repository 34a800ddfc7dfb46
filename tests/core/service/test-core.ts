import { createCore, type Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';

/**
 * A core for a test file: its own data folder, test mode, no Redis, and a fixed clock (11:30 in India on
 * 25 Nov 2026 unless `now` says otherwise), so cached answers and "today" do not depend on the day run.
 */
export function createTestCore(
  dataDir: string,
  now: () => Date = () => new Date('2026-11-25T06:00:00Z'),
): Promise<Core> {
  return createCore({ dataDir, mode: 'test', env: { REDIS_ENABLED: 'false' }, now });
}

/** Loads the demo company through the dispatcher; resolves with its GUID, rejects with the error. */
export async function loadDemo(
  core: Core,
  context: CallContext,
  input: { vouchers: number; seed: number },
): Promise<string> {
  const loaded = await core.dispatch('demo.load', input, context);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.data.guid;
}
