import { AppError } from '../../../shared/errors';

/**
 * Cache values are JSON. Anything JSON cannot carry exactly is refused at set time, in every backend,
 * by this one walk: otherwise the memory backend would hand back a Date while Redis hands back a string.
 *
 * The walk also makes the stored copy: a deep-frozen clone, built once per set. Every get hands out that
 * frozen value (no copy per hit, which keeps a memory hit as cheap as a bare lru-cache hit); a caller who
 * tries to mutate it gets a TypeError instead of silently corrupting what the next caller reads.
 */
export interface PreparedValue {
  /** Deep-frozen clone of the input. */
  readonly value: unknown;
  /** Rough heap footprint in bytes, for the memory backend's byte bound. */
  readonly bytes: number;
}

function refuse(key: string, path: string, what: string): never {
  throw new AppError(
    'CACHE',
    `Cannot cache "${key}": the value at ${path} is ${what}; cache values must be plain JSON ` +
      '(objects, arrays, strings, finite numbers, booleans, null)',
    { key, path },
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return 'a BigInt';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return 'a Date (store date.toISOString() instead)';
  const name = (value as object).constructor?.name;
  return `a ${name || 'non-plain'} object`;
}

function pathOf(parent: string, prop: string | number): string {
  if (typeof prop === 'number') return `${parent}[${prop}]`;
  return /^[A-Za-z_$][\w$]*$/.test(prop) ? `${parent}.${prop}` : `${parent}[${JSON.stringify(prop)}]`;
}

export function prepareValue(key: string, input: unknown): PreparedValue {
  let bytes = 0;
  const onPath = new Set<object>();

  const walk = (value: unknown, path: string): unknown => {
    switch (typeof value) {
      case 'string':
        bytes += 16 + value.length * 2;
        return value;
      case 'boolean':
        bytes += 4;
        return value;
      case 'number':
        if (!Number.isFinite(value)) refuse(key, path, describe(value));
        bytes += 8;
        // JSON writes -0 as 0; normalise so every backend returns the same number.
        return value === 0 ? 0 : value;
      case 'object':
        break;
      default:
        refuse(key, path, describe(value));
    }
    if (value === null) {
      bytes += 4;
      return null;
    }
    if (onPath.has(value)) refuse(key, path, 'a reference back to one of its parents (a cycle)');
    onPath.add(value);
    let out: unknown;
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array(value.length);
      bytes += 32 + value.length * 8;
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) refuse(key, pathOf(path, i), 'a hole in a sparse array');
        copy[i] = walk(value[i], pathOf(path, i));
      }
      out = copy;
    } else {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) refuse(key, path, describe(value));
      if (Object.getOwnPropertySymbols(value).length > 0) refuse(key, path, 'an object with symbol keys');
      const copy: Record<string, unknown> = {};
      bytes += 32;
      for (const prop of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[prop];
        const childPath = pathOf(path, prop);
        if (child === undefined) refuse(key, childPath, 'undefined (omit the field or use null)');
        bytes += 16 + prop.length * 2;
        const cloned = walk(child, childPath);
        // A "__proto__" key from JSON.parse is an own property; plain assignment would set the prototype.
        if (prop === '__proto__') {
          Object.defineProperty(copy, prop, {
            value: cloned,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else copy[prop] = cloned;
      }
      out = copy;
    }
    onPath.delete(value);
    return Object.freeze(out);
  };

  const value = walk(input, '$');
  return { value, bytes };
}

/** Deep-freezes a freshly parsed JSON value (from Redis); it is already exact, so no checks or copies. */
export function deepFreezeJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (const item of value) deepFreezeJson(item);
  } else {
    for (const prop in value) deepFreezeJson((value as Record<string, unknown>)[prop]);
  }
  return Object.freeze(value);
}

// ---- What is written to Redis ------------------------------------------------------------------------

/**
 * Version of the stored value format. Bump it when the envelope or the shape of any cached report
 * changes: values written by a TallyConnect with another format are then misses (recomputed), never served.
 */
export const CACHE_FORMAT = 1;

/**
 * Largest value (bytes of its stored JSON) written to or read from Redis. Reads fetch at most this many
 * bytes plus one (GETRANGE), so a huge value planted under our prefix costs one bounded read and is
 * dropped; the app never writes a value it would refuse to read back.
 */
export const MAX_REDIS_VALUE_BYTES = 8 * 1024 * 1024;

/**
 * The envelope every Redis value is written in: `{"tc":<format>,"k":<unprefixed key>,"v":<value>}`.
 * `tc` marks it as TallyConnect's (and which format), `k` binds it to its key, so a valid value copied
 * (or replayed) under another key — another company, another report — is refused too.
 */
export function encodeEnvelope(key: string, value: unknown): string {
  return `{"tc":${CACHE_FORMAT},"k":${JSON.stringify(key)},"v":${JSON.stringify(value)}}`;
}

export type DecodedEnvelope = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Reads a value from Redis. Never throws: anything that is not exactly the envelope this version writes
 * for this key is `{ ok: false, reason }`, which the backend treats as a miss (and deletes the key).
 * A good value comes back deep-frozen, like every cache hit.
 */
export function decodeEnvelope(key: string, raw: string): DecodedEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      reason: `not an envelope object (${Array.isArray(parsed) ? 'an array' : typeof parsed})`,
    };
  }
  const env = parsed as Record<string, unknown>;
  const fields = Object.keys(env);
  if (
    fields.length !== 3 ||
    !Object.hasOwn(env, 'tc') ||
    !Object.hasOwn(env, 'k') ||
    !Object.hasOwn(env, 'v')
  ) {
    return { ok: false, reason: 'not an envelope (fields other than tc, k, v)' };
  }
  if (env['tc'] !== CACHE_FORMAT) return { ok: false, reason: 'written in another format version' };
  if (env['k'] !== key) return { ok: false, reason: 'written for another key' };
  return { ok: true, value: deepFreezeJson(env['v']) };
}
