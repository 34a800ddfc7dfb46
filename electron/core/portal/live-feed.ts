import type { RedisClient } from '../cache/topology';
import { APP_EVENT_NAMES, type AppEventName, type AppEvents } from '../../../shared/contract';
import type { EventBus, Unsubscribe } from '../events/bus';
import type { Logger } from '../logger';

export type LiveListener = <E extends AppEventName>(event: E, payload: AppEvents[E]) => void;

/**
 * What every connected browser receives: this instance's events, plus — when Redis is in use — the
 * sync and books events of every other instance sharing that Redis (published on one channel).
 * Remote events go to browsers only, never onto the local bus, so they cannot echo back and forth.
 */
export interface LiveFeed {
  readonly mode: 'redis' | 'local';
  subscribe(listener: LiveListener): Unsubscribe;
  close(): Promise<void>;
}

/** Events worth sharing between instances; cache status and the like are per instance. */
export const RELAYED_EVENTS: ReadonlySet<AppEventName> = new Set<AppEventName>([
  'sync.progress',
  'sync.finished',
  'sync.failed',
  'books.changed',
]);

interface Wire {
  origin: string;
  event: AppEventName;
  payload: unknown;
}

function parseWire(text: string): Wire | null {
  try {
    const v = JSON.parse(text) as Partial<Wire>;
    if (
      typeof v.origin === 'string' &&
      typeof v.event === 'string' &&
      (APP_EVENT_NAMES as readonly string[]).includes(v.event) &&
      RELAYED_EVENTS.has(v.event) &&
      typeof v.payload === 'object' &&
      v.payload !== null
    ) {
      return { origin: v.origin, event: v.event, payload: v.payload };
    }
  } catch {
    // ignore foreign or corrupt messages on the channel
  }
  return null;
}

export function createLiveFeed(options: {
  bus: EventBus;
  instanceId: string;
  redis?: { publisher: RedisClient; subscriber: RedisClient; channel: string } | null;
  logger?: Logger;
}): LiveFeed {
  const listeners = new Set<LiveListener>();
  const deliver = <E extends AppEventName>(event: E, payload: AppEvents[E]): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event, payload);
      } catch (error) {
        options.logger?.warn('live feed listener failed', { event, error });
      }
    }
  };
  const redis = options.redis ?? null;
  let publishFailing = false;

  const offBus = options.bus.onAny((event, payload) => {
    deliver(event, payload);
    if (!redis || !RELAYED_EVENTS.has(event)) return;
    const message = JSON.stringify({ origin: options.instanceId, event, payload } satisfies Wire);
    redis.publisher.publish(redis.channel, message).then(
      () => {
        if (publishFailing) options.logger?.info('live feed: publishing to Redis again');
        publishFailing = false;
      },
      (error: unknown) => {
        // Local browsers already have the event; only other instances miss it while Redis is down.
        if (!publishFailing) options.logger?.warn('live feed: Redis publish failed', { error });
        publishFailing = true;
      },
    );
  });

  const onMessage = (channel: string, text: string): void => {
    if (!redis || channel !== redis.channel) return;
    const wire = parseWire(text);
    if (!wire || wire.origin === options.instanceId) return;
    deliver(wire.event, wire.payload as AppEvents[typeof wire.event]);
  };
  if (redis) {
    redis.subscriber.on('message', onMessage);
    redis.subscriber.subscribe(redis.channel).catch((error: unknown) => {
      options.logger?.warn('live feed: Redis subscribe failed; it is retried on reconnect', { error });
    });
  }

  return {
    mode: redis ? 'redis' : 'local',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      offBus();
      listeners.clear();
      if (redis) {
        redis.subscriber.off('message', onMessage);
        // While Redis is down the command would wait in the subscriber's queue; the owner disconnects it.
        if (redis.subscriber.status === 'ready') {
          await redis.subscriber.unsubscribe(redis.channel).catch(() => undefined);
        }
      }
    },
  };
}
