/** A language's messages flattened to dotted keys ("dashboard.overdueDays_one" → text). */
export function leaves(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === 'string') out[`${prefix}${key}`] = value;
    else Object.assign(out, leaves(value as object, `${prefix}${key}.`));
  }
  return out;
}
