import type { RedisMemoryInfo } from '../../../shared/types/cache';

/** Parses the text of Redis/Memurai INFO ("key:value" lines, "# Section" headers). */
export function parseInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return out;
}

/** Memurai reports memurai_version / memurai_edition alongside (or instead of) redis_version. */
export function identifyServer(info: Record<string, string>): {
  kind: 'redis' | 'memurai';
  version: string | null;
  edition: string | null;
} {
  const memurai = info['memurai_version'];
  if (memurai !== undefined || info['memurai_edition'] !== undefined) {
    return {
      kind: 'memurai',
      version: memurai ?? info['redis_version'] ?? null,
      edition: info['memurai_edition'] ?? null,
    };
  }
  return { kind: 'redis', version: info['redis_version'] ?? null, edition: null };
}

export function toMemoryInfo(info: Record<string, string>): RedisMemoryInfo {
  const maxmemory = Number(info['maxmemory'] ?? 0);
  return {
    usedMemoryHuman: info['used_memory_human'] ?? 'unknown',
    maxmemory: Number.isFinite(maxmemory) ? maxmemory : 0,
    maxmemoryHuman: info['maxmemory_human'] ?? (maxmemory === 0 ? 'unlimited' : String(maxmemory)),
    maxmemoryPolicy: info['maxmemory_policy'] ?? 'unknown',
  };
}
