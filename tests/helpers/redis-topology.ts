import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import type { RedisAddress } from '../../electron/core/cache/redis-options';
import type { RedisClient, RedisTarget } from '../../electron/core/cache/topology';
import { freePort, startTestRedis, waitForPort, type TestRedis } from './redis-server';

/**
 * Real multi-server topologies on loopback free ports, built from the Debian redis-server (never
 * 6379): a Sentinel set (one master, one replica, three sentinels) and a three-master Cluster. Start
 * one per test file (beforeAll) and stop it after: startup costs about a second.
 */
const run = promisify(execFile);

interface Proc {
  readonly port: number;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function redisProcess(port: number, dir: string, args: string[], configFile?: string): Proc {
  let child: ChildProcess | null = null;
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  };
  return {
    port,
    async start() {
      const base = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...args];
      child = spawn('redis-server', configFile ? [configFile, ...base] : base, { stdio: 'ignore' });
      child.on('error', (error) => {
        throw new Error(`Could not start redis-server (is it on PATH?): ${error.message}`);
      });
      await waitForPort(port, 10_000);
    },
    kill: () => kill('SIGKILL'),
    stop: () => kill('SIGTERM'),
  };
}

const NO_DISK = ['--save', '', '--appendonly', 'no'];

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function ask<T>(port: number, question: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await question(client);
  } finally {
    client.disconnect();
  }
}

export interface TestSentinel {
  readonly name: string;
  readonly sentinels: { host: string; port: number }[];
  /** Port of the server that is master right now (asks the sentinels). */
  masterPort(): Promise<number>;
  /** A plain client to the current master (for assertions and setup). */
  rawMaster(): Promise<Redis>;
  /** SENTINEL FAILOVER, then waits until the sentinels name the new master and it accepts writes. */
  failover(): Promise<number>;
  /** Kills the current master (SIGKILL); the sentinels elect the replica. Resolves once they have. */
  killMaster(): Promise<{ oldPort: number; newPort: number }>;
  /** Starts a killed server again (it rejoins as a replica of the new master). */
  revive(port: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestSentinel(
  name = 'tcmaster',
  options: { failover?: boolean } = {},
): Promise<TestSentinel> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-sentinel-'));
  const [masterPort, replicaPort, ...sentinelPorts] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const servers = new Map<number, Proc>();
  const master = redisProcess(masterPort as number, dir, [...NO_DISK]);
  const replica = redisProcess(replicaPort as number, dir, [
    ...NO_DISK,
    '--replicaof',
    '127.0.0.1',
    String(masterPort),
  ]);
  servers.set(master.port, master);
  servers.set(replica.port, replica);
  await Promise.all([master.start(), replica.start()]);
  await until('the replica to sync', async () =>
    ask(replica.port, async (c) => (await c.info('replication')).includes('master_link_status:up')),
  );
  const sentinels = sentinelPorts.map((port) => {
    const file = join(dir, `sentinel-${port}.conf`);
    writeFileSync(
      file,
      [
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 2`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 10000`,
        `sentinel parallel-syncs ${name} 1`,
        '',
      ].join('\n'),
    );
    return redisProcess(port, dir, ['--sentinel'], file);
  });
  await Promise.all(sentinels.map((s) => s.start()));
  // Failover needs every sentinel to know the replica and the other sentinels (hello messages take a
  // few seconds); a client only needs one sentinel naming the master.
  if (options.failover !== false)
    await until('the sentinels to discover each other and the replica', async () => {
      const views = await Promise.all(
        sentinels.map((s) =>
          ask(s.port, async (c) => {
            const others = (await c.call('SENTINEL', 'SENTINELS', name)) as unknown[];
            const replicas = (await c.call('SENTINEL', 'REPLICAS', name)) as unknown[];
            return others.length === 2 && replicas.length === 1;
          }),
        ),
      );
      return views.every(Boolean);
    });

  const currentMaster = async (): Promise<number> => {
    const [, port] = (await ask(sentinels[0]!.port, (c) =>
      c.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name),
    )) as [string, string];
    return Number(port);
  };
  const acceptsWrites = async (port: number): Promise<boolean> =>
    ask(port, async (c) => (await c.info('replication')).includes('role:master'));
  const agreedOn = async (port: number): Promise<void> => {
    await until('every sentinel to name the new master', async () => {
      const seen = await Promise.all(
        sentinels.map((s) =>
          ask(s.port, (c) => c.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name) as Promise<string[]>),
        ),
      );
      return seen.every((addr) => Number(addr[1]) === port) && (await acceptsWrites(port));
    });
  };

  return {
    name,
    sentinels: sentinels.map((s) => ({ host: '127.0.0.1', port: s.port })),
    masterPort: currentMaster,
    async rawMaster() {
      const client = new Redis(await currentMaster(), '127.0.0.1');
      client.on('error', () => undefined);
      return client;
    },
    async failover() {
      const before = await currentMaster();
      await ask(sentinels[0]!.port, (c) => c.call('SENTINEL', 'FAILOVER', name));
      let after = before;
      await until('the failover', async () => {
        after = await currentMaster();
        return after !== before;
      });
      await agreedOn(after);
      return after;
    },
    async killMaster() {
      const oldPort = await currentMaster();
      await servers.get(oldPort)!.kill();
      let newPort = oldPort;
      await until('the sentinels to promote the replica', async () => {
        newPort = await currentMaster();
        return newPort !== oldPort;
      });
      await agreedOn(newPort);
      return { oldPort, newPort };
    },
    async revive(port) {
      await servers.get(port)!.start();
    },
    async stop() {
      await Promise.all([...sentinels, ...servers.values()].map((p) => p.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestCluster {
  readonly nodes: { host: string; port: number }[];
  /** A plain ioredis Cluster client (for assertions and setup). */
  raw(): Cluster;
  /** FLUSHDB on every master: the private test cluster only. */
  flushAll(): Promise<void>;
  /** Keys on one node (KEYS is fine on a private test server). */
  keysOn(port: number, pattern?: string): Promise<string[]>;
  /** SIGKILL one node; its slots are lost until it is revived. */
  kill(port: number): Promise<void>;
  /** Starts a killed node again with its cluster identity (nodes.conf) but no data; waits for cluster_state:ok. */
  revive(port: number): Promise<void>;
  stop(): Promise<void>;
}

async function clusterOk(ports: number[]): Promise<boolean> {
  const states = await Promise.all(
    ports.map((port) => ask(port, async (c) => (await c.call('CLUSTER', 'INFO')) as string)),
  );
  return states.every((s) => s.includes('cluster_state:ok'));
}

export async function startTestCluster(masters = 3): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-cluster-'));
  const ports = await Promise.all(Array.from({ length: masters }, () => freePort()));
  const procs = new Map<number, Proc>();
  for (const port of ports) {
    procs.set(
      port,
      redisProcess(port, dir, [
        ...NO_DISK,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--cluster-node-timeout',
        '1000',
      ]),
    );
  }
  await Promise.all([...procs.values()].map((p) => p.start()));
  await run('redis-cli', [
    '--cluster',
    'create',
    ...ports.map((p) => `127.0.0.1:${p}`),
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  await until('cluster_state:ok', () => clusterOk(ports));
  const raw = new Cluster(
    ports.map((port) => ({ host: '127.0.0.1', port })),
    { enableReadyCheck: true },
  );
  raw.on('error', () => undefined);
  return {
    nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
    raw: () => raw,
    async flushAll() {
      await Promise.all(ports.map((port) => ask(port, (c) => c.flushdb())));
    },
    keysOn: (port, pattern = '*') => ask(port, (c) => c.keys(pattern)),
    async kill(port) {
      await procs.get(port)!.kill();
    },
    async revive(port) {
      await procs.get(port)!.start();
      await until('cluster_state:ok after the node returned', () => clusterOk(ports));
    },
    async stop() {
      raw.disconnect();
      await Promise.all([...procs.values()].map((p) => p.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- one fixture for every topology, so a suite runs unchanged against each ----------------------

export type TopologyKind = 'single' | 'sentinel' | 'cluster';
export const TOPOLOGIES: readonly TopologyKind[] = ['single', 'sentinel', 'cluster'];

export interface TopologyFixture {
  readonly kind: TopologyKind;
  /** Where the app's client goes (cache layer's RedisTarget). */
  target(): RedisTarget;
  /** A plain client for setup and assertions (a Cluster client, or Sentinel-aware for Sentinel). */
  raw(): RedisClient;
  /** FLUSHDB on every master: the private test servers only. */
  flush(): Promise<void>;
  /** Keys on each master, by node port (one entry for single/Sentinel). */
  keysPerNode(pattern?: string): Promise<Map<number, string[]>>;
  readonly sentinel: TestSentinel | null;
  readonly cluster: TestCluster | null;
  readonly single: TestRedis | null;
}

const address = (port: number): RedisAddress => ({
  host: '127.0.0.1',
  port,
  db: 0,
  username: null,
  password: null,
  tls: false,
});

/**
 * Starts the topology before the enclosing describe's tests (beforeAll) and stops it after. For
 * Sentinel, `failover: true` also waits until the sentinels know each other (needed to elect a new
 * master; adds a few seconds).
 */
export function useTopology(kind: TopologyKind, options: { failover?: boolean } = {}): TopologyFixture {
  let single: TestRedis | null = null;
  let sentinel: TestSentinel | null = null;
  let cluster: TestCluster | null = null;
  let raw: RedisClient | null = null;
  beforeAll(async () => {
    if (kind === 'single') {
      single = await startTestRedis();
      raw = new Redis(single.port, '127.0.0.1');
    } else if (kind === 'sentinel') {
      sentinel = await startTestSentinel('tcmaster', { failover: options.failover ?? false });
      raw = new Redis({ sentinels: sentinel.sentinels, name: sentinel.name });
    } else {
      cluster = await startTestCluster();
      raw = cluster.raw();
    }
    raw.on('error', () => undefined);
  }, 60_000);
  afterAll(async () => {
    if (kind !== 'cluster') raw?.disconnect();
    await single?.stop();
    await sentinel?.stop();
    await cluster?.stop();
  });
  const masterPorts = async (): Promise<number[]> => {
    if (single) return [single.port];
    if (sentinel) return [await sentinel.masterPort()];
    return (cluster as TestCluster).nodes.map((n) => n.port);
  };
  return {
    kind,
    target(): RedisTarget {
      if (single) return { address: address(single.port), topology: { kind: 'single' } };
      if (sentinel) {
        return {
          address: address(0),
          topology: {
            kind: 'sentinel',
            sentinels: sentinel.sentinels,
            name: sentinel.name,
            sentinelPassword: null,
          },
        };
      }
      const c = cluster as TestCluster;
      return { address: address(0), topology: { kind: 'cluster', nodes: c.nodes } };
    },
    raw: () => raw as RedisClient,
    async flush() {
      await Promise.all((await masterPorts()).map((port) => ask(port, (c) => c.flushdb())));
    },
    async keysPerNode(pattern = '*') {
      const ports = await masterPorts();
      const keys = await Promise.all(ports.map((port) => ask(port, (c) => c.keys(pattern))));
      return new Map(ports.map((port, i) => [port, keys[i] ?? []]));
    },
    get sentinel() {
      return sentinel;
    },
    get cluster() {
      return cluster;
    },
    get single() {
      return single;
    },
  };
}
