/**
 * A cache of up to `limit` results by key that starts over when full: a sync meets the same few hundred
 * dates (and date + credit-period pairs) hundreds of thousands of times, so each is worked out once.
 */
export function rememberUpTo<T>(limit: number): (key: string, compute: () => T) => T {
  const known = new Map<string, T>();
  return (key, compute) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute();
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
