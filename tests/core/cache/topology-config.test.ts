import { Redis } from 'ioredis';
import { buildConfig } from '../../../electron/core/config/config';
import { formatConfigError } from '../../../electron/core/config/parse';
import { groupBySlot, keySlot } from '../../../electron/core/cache/slots';
import { describeTarget } from '../../../electron/core/cache/topology';
import { useTopology } from '../../helpers/redis-topology';

const parse = (env: Record<string, string>) => {
  const { config, errors } = buildConfig('/nonexistent-tc-dir', env);
  return { cache: config.cache, errors: errors.map(formatConfigError) };
};

describe('Sentinel and Cluster settings', () => {
  it('reads a sentinel list, the master name and the sentinel password', () => {
    const { cache, errors } = parse({
      REDIS_SENTINELS: '10.0.0.5:26379, 10.0.0.6:26379,[::1]:26380',
      REDIS_SENTINEL_NAME: 'office',
      REDIS_SENTINEL_PASSWORD: 's3cret',
      REDIS_PASSWORD: 'p',
    });
    expect(errors).toEqual([]);
    expect(cache.topology).toEqual({
      kind: 'sentinel',
      name: 'office',
      sentinelPassword: 's3cret',
      sentinels: [
        { host: '10.0.0.5', port: 26379 },
        { host: '10.0.0.6', port: 26379 },
        { host: '::1', port: 26380 },
      ],
    });
    expect(cache.explicitAddress).toBe(true);
    expect(cache.address.password).toBe('p');
    expect(describeTarget(cache)).toBe('sentinel office via 10.0.0.5:26379, 10.0.0.6:26379, [::1]:26380');
  });

  it('reads cluster nodes', () => {
    const { cache, errors } = parse({ REDIS_CLUSTER_NODES: 'redis-a:7000 redis-b:7001' });
    expect(errors).toEqual([]);
    expect(cache.topology).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-a', port: 7000 },
        { host: 'redis-b', port: 7001 },
      ],
    });
    expect(describeTarget(cache)).toBe('cluster redis-a:7000, redis-b:7001');
  });

  it.each([
    [
      { REDIS_SENTINELS: '10.0.0.5', REDIS_SENTINEL_NAME: 'm' },
      'REDIS_SENTINELS="10.0.0.5" is not valid: "10.0.0.5" is not host:port',
    ],
    [{ REDIS_SENTINELS: '10.0.0.5:99999', REDIS_SENTINEL_NAME: 'm' }, '"10.0.0.5:99999" is not host:port'],
    [
      { REDIS_SENTINELS: 'http://x:1', REDIS_SENTINEL_NAME: 'm' },
      'REDIS_SENTINELS="http://x:1" is not valid',
    ],
    [
      { REDIS_SENTINELS: '10.0.0.5:26379' },
      'REDIS_SENTINEL_NAME="" is not valid: is needed with REDIS_SENTINELS',
    ],
    [
      { REDIS_SENTINELS: '10.0.0.5:26379', REDIS_SENTINEL_NAME: 'a b' },
      'REDIS_SENTINEL_NAME="a b" is not valid',
    ],
    [{ REDIS_SENTINEL_NAME: 'm' }, 'REDIS_SENTINEL_NAME="m" is not valid: is used only with REDIS_SENTINELS'],
    [{ REDIS_SENTINEL_PASSWORD: 'x' }, 'REDIS_SENTINEL_PASSWORD="***" is not valid'],
    [
      { REDIS_CLUSTER_NODES: 'a:7000', REDIS_DB: '3' },
      'REDIS_DB="3" is not valid: must be 0 with REDIS_CLUSTER_NODES',
    ],
    [
      { REDIS_CLUSTER_NODES: ' , ' },
      'REDIS_CLUSTER_NODES="," is not valid: must list at least one host:port',
    ],
    [
      { REDIS_CLUSTER_NODES: 'a:7000', REDIS_SENTINELS: 'b:26379', REDIS_SENTINEL_NAME: 'm' },
      'REDIS_CLUSTER_NODES="a:7000" is not valid: cannot be used together with REDIS_SENTINELS',
    ],
  ])('%j is refused, naming the variable and value; the app runs on memory', (env, message) => {
    const { cache, errors } = parse(env);
    expect(errors.join('\n')).toContain(message);
    expect(cache.addressInvalid).toBe(true);
    expect(cache.topology).toEqual({ kind: 'single' });
  });

  it('the sentinel password is never echoed', () => {
    const { errors } = parse({ REDIS_SENTINEL_PASSWORD: 'hunter2' });
    expect(errors.join('\n')).not.toContain('hunter2');
  });
});

describe('key slots (against a real cluster)', () => {
  const topology = useTopology('cluster');

  it('keySlot agrees with CLUSTER KEYSLOT, hash tags included', async () => {
    const keys = [
      'a',
      'tallyconnect:companies:all:synced',
      'tallyconnect:dashboard:{G-1}:4:2025-26',
      'tallyconnect:report:{G-1}:4:tb:x',
      '{}empty-tag',
      'no}close{',
      '{a}{b}',
      'अनुक्रमणिका',
      ...Array.from({ length: 50 }, (_, i) => `k:${i}:${'x'.repeat(i)}`),
    ];
    const node = new Redis(topology.cluster!.nodes[0]!.port, '127.0.0.1');
    try {
      for (const key of keys) expect(keySlot(key), key).toBe(await node.cluster('KEYSLOT', key));
    } finally {
      node.disconnect();
    }
    expect(keySlot('tallyconnect:dashboard:{G-1}:4:2025-26')).toBe(keySlot('tallyconnect:report:{G-1}:9:y'));
    expect(
      groupBySlot(['{a}1', '{b}1', '{a}2'])
        .map((g) => g.length)
        .sort(),
    ).toEqual([1, 2]);
  });
});
