import type { Cluster, Redis } from 'ioredis';
import { keySlot } from './slots';

export interface PubSubHandlers {
  /** Subscribed (again): messages from now on arrive. */
  up(): void;
  /** The subscription is gone or uncertain: messages may be missed until up() is called again. */
  down(): void;
  message(text: string): void;
}

/** The invalidation channel: a subscription that says honestly when it may have missed messages. */
export interface PubSubLink {
  start(handlers: PubSubHandlers): void;
  publish(text: string): Promise<unknown>;
  close(): Promise<void>;
}

async function quit(client: Redis): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/**
 * Plain pub/sub on one server (or a Sentinel master: the subscriber is a Sentinel-aware connection
 * too, which the failover disconnects and which then resubscribes on the new master).
 */
export function channelLink(publisher: Redis, subscriber: Redis, channel: string): PubSubLink {
  return {
    start(handlers) {
      subscriber.on('error', () => undefined);
      subscriber.on('ready', () => {
        subscriber.subscribe(channel).then(
          () => handlers.up(),
          () => undefined,
        );
      });
      subscriber.on('close', () => handlers.down());
      subscriber.on('message', (from: string, text: string) => {
        if (from === channel) handlers.message(text);
      });
      subscriber.connect().catch(() => undefined);
    },
    publish: (text) => publisher.publish(channel, text),
    close: () => quit(subscriber),
  };
}

/**
 * Pub/sub in a Redis Cluster. With `sharded` (Redis 7+): SSUBSCRIBE/SPUBLISH, the channel living on the
 * master that owns its slot, so messages do not cross the whole cluster bus. Otherwise plain
 * SUBSCRIBE on that same master and PUBLISH anywhere (the cluster bus carries it to every node).
 *
 * The subscriber is our own connection to that master rather than ioredis's cluster subscriber, which
 * moves to another node by itself after a failure without telling us that messages were missed: here
 * any drop of that connection is a down() (the first tier is emptied), and a MOVED answer (the slot
 * changed hands) makes the link look the owner up again.
 */
export function clusterLink(
  cluster: Cluster,
  channel: string,
  options: { sharded: boolean; connect: (host: string, port: number) => Redis; retryMs?: number },
): PubSubLink {
  const slot = keySlot(channel);
  let subscriber: Redis | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const owner = (): { host: string; port: number } | null => {
    const key = cluster.slots[slot]?.[0];
    if (!key) return null;
    const colon = key.lastIndexOf(':');
    return { host: key.slice(0, colon), port: Number(key.slice(colon + 1)) };
  };

  const attach = (handlers: PubSubHandlers): void => {
    if (closed || subscriber) return;
    const where = owner();
    if (!where) {
      schedule(handlers);
      return;
    }
    const sub = options.connect(where.host, where.port);
    subscriber = sub;
    sub.on('error', () => undefined);
    sub.on('ready', () => {
      const subscribe = options.sharded ? sub.ssubscribe(channel) : sub.subscribe(channel);
      subscribe.then(
        () => handlers.up(),
        () => {
          // MOVED (the slot has a new owner) or anything else: look again on a fresh connection.
          handlers.down();
          void cluster.cluster('SLOTS').catch(() => undefined);
          detach();
          schedule(handlers);
        },
      );
    });
    sub.on('close', () => handlers.down());
    const onMessage = (from: string, text: string): void => {
      if (from === channel) handlers.message(text);
    };
    sub.on(options.sharded ? 'smessage' : 'message', onMessage);
    sub.connect().catch(() => undefined);
  };

  const detach = (): void => {
    const sub = subscriber;
    subscriber = null;
    if (sub) void quit(sub);
  };

  const schedule = (handlers: PubSubHandlers): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      attach(handlers);
    }, options.retryMs ?? 250);
    retry.unref();
  };

  return {
    start(handlers) {
      if (cluster.status === 'ready') attach(handlers);
      cluster.on('ready', () => attach(handlers));
    },
    publish: (text) => (options.sharded ? cluster.spublish(channel, text) : cluster.publish(channel, text)),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const sub = subscriber;
      subscriber = null;
      if (sub) await quit(sub);
    },
  };
}
