import { createCore, type Core } from '../../../electron/core/app';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import type { CallContext } from '../../../electron/core/service/types';
import { tempDir, writeTiny, TINY_GUID } from '../db/fixtures';

export const OWNER: CallContext = { caller: 'test', user: null };
export { TINY_GUID };

/**
 * A data folder with the demo trader (two financial years, 2024-25 and 2025-26) and the tiny company:
 * assistants are given the demo only, so the tiny company stands for books they must not see.
 */
export async function openBooks(prefix: string): Promise<{
  core: Core;
  dataDir: string;
  demoGuid: string;
  demoName: string;
  cleanup(): Promise<void>;
}> {
  const dir = tempDir(prefix);
  const dataDir = dir.path('data');
  const core = await createCore({
    dataDir,
    mode: 'test',
    env: { REDIS_ENABLED: 'false' },
    now: () => new Date('2026-05-10T06:00:00Z'),
  });
  const demo = loadDemoCompany(core.store, { vouchers: 1500, seed: 11, until: '2026-03-31', years: 2 });
  writeTiny(core.store);
  const listed = await core.dispatch('companies.list', {}, OWNER);
  if (!listed.ok) throw new Error(listed.error.message);
  const demoName = listed.data.data.find((c) => c.guid === demo.companyGuid)!.name;
  return {
    core,
    dataDir,
    demoGuid: demo.companyGuid,
    demoName,
    async cleanup() {
      await core.close();
      dir.cleanup();
    },
  };
}
