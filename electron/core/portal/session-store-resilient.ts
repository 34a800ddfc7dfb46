import type { Logger } from '../logger';
import { createMemorySessionStore, type SessionRecord, type SessionStore } from './session-store';

/**
 * Redis is the shared truth (several instances see the same sessions, a sign-out anywhere counts
 * everywhere); a local memory mirror keeps this instance's users signed in while Redis is down.
 *
 * - Writes go to both; a write Redis missed is remembered and pushed again once Redis answers.
 * - A read Redis answers is authoritative: a miss means signed out or expired elsewhere.
 * - A read while Redis is down answers from the mirror.
 * - A sign-out while Redis is down is remembered and applied to Redis when it is back.
 */
export function createResilientSessionStore(
  primary: SessionStore,
  options: { now?: () => number; logger?: Logger } = {},
): SessionStore {
  const mirror = createMemorySessionStore(options.now);
  const unpushed = new Set<string>();
  const pendingDeletes = new Set<string>();
  let healthy = true;

  const markDown = (error: unknown): void => {
    if (healthy) options.logger?.warn('portal sessions: Redis unavailable, using local sessions', { error });
    healthy = false;
  };
  const markUp = async (): Promise<void> => {
    if (!healthy) options.logger?.info('portal sessions: Redis is back');
    healthy = true;
    for (const id of [...pendingDeletes]) {
      await primary.delete(id);
      pendingDeletes.delete(id);
    }
    for (const id of [...unpushed]) {
      const record = await mirror.get(id);
      if (record) await primary.put(id, record);
      unpushed.delete(id);
    }
  };

  return {
    kind: 'resilient',
    async put(id, record) {
      await mirror.put(id, record);
      pendingDeletes.delete(id);
      try {
        if (!healthy) await markUp();
        await primary.put(id, record);
        unpushed.delete(id);
      } catch (error) {
        unpushed.add(id);
        markDown(error);
      }
    },
    async get(id) {
      if (pendingDeletes.has(id)) return null;
      let remote: SessionRecord | null;
      try {
        if (!healthy) await markUp();
        remote = await primary.get(id);
      } catch (error) {
        markDown(error);
        return mirror.get(id);
      }
      if (remote) {
        await mirror.put(id, remote);
        return remote;
      }
      // markUp() has pushed sessions created during the outage; anything else missing is gone.
      await mirror.delete(id);
      return null;
    },
    async delete(id) {
      const local = await mirror.delete(id);
      unpushed.delete(id);
      try {
        const remote = await primary.delete(id);
        return local || remote;
      } catch (error) {
        pendingDeletes.add(id);
        markDown(error);
        return local;
      }
    },
    async list() {
      try {
        if (!healthy) await markUp();
        const remote = await primary.list();
        return remote.filter((s) => !pendingDeletes.has(s.id));
      } catch (error) {
        markDown(error);
        return mirror.list();
      }
    },
    async close() {
      await mirror.close();
      await primary.close();
    },
  };
}
