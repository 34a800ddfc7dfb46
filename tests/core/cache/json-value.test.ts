import { AppError } from '../../../shared/errors';
import { deepFreezeJson, prepareValue } from '../../../electron/core/cache/json-value';

function sparse(): unknown[] {
  const holes: unknown[] = [1];
  holes[2] = 3; // index 1 is a hole
  return holes;
}

function refusal(value: unknown): AppError {
  try {
    prepareValue('k', value);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('prepareValue', () => {
  it('clones and deep-freezes plain JSON', () => {
    const input = { a: [1, { b: 'x' }], c: null, d: true };
    const { value, bytes } = prepareValue('k', input);
    expect(value).toEqual(input);
    expect(value).not.toBe(input);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen((value as { a: unknown[] }).a[1])).toBe(true);
    expect(bytes).toBeGreaterThan(0);
    input.a.push(2);
    expect((value as { a: unknown[] }).a).toHaveLength(2);
  });

  it.each([
    ['undefined', { a: undefined }, '$.a'],
    ['BigInt', { n: 10n }, '$.n'],
    ['Date', { rows: [{ date: new Date(0) }] }, '$.rows[0].date'],
    ['NaN', { x: NaN }, '$.x'],
    ['Infinity', { x: [Infinity] }, '$.x[0]'],
    ['Map', { m: new Map() }, '$.m'],
    ['function', { f: () => 1 }, '$.f'],
    ['sparse', sparse(), '$[1]'],
    ['symbol', { 'odd key': Symbol('s') }, '$["odd key"]'],
  ])('refuses a value with %s (at %s)', (what, value, path) => {
    const error = refusal(value);
    expect(error.code).toBe('CACHE');
    expect(error.details).toEqual({ key: 'k', path });
    expect(error.message).toContain(what);
  });

  it('refuses cycles but accepts shared (acyclic) references', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    expect(refusal(a).message).toContain('cycle');
    const shared = { x: 1 };
    expect(prepareValue('k', { p: shared, q: shared }).value).toEqual({ p: { x: 1 }, q: { x: 1 } });
  });

  it('normalises -0 to 0 as JSON would, and keeps an own "__proto__" key as data', () => {
    expect(Object.is(prepareValue('k', -0).value, 0)).toBe(true);
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const { value } = prepareValue('k', parsed);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true}}');
  });

  it('deepFreezeJson freezes a parsed value in place', () => {
    const v = deepFreezeJson(JSON.parse('{"a":[{"b":1}]}') as { a: { b: number }[] });
    expect(() => {
      (v.a[0] as { b: number }).b = 2;
    }).toThrow(TypeError);
  });
});
