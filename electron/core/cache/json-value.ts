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
