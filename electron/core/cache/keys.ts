/**
 * The cache key scheme of the product's design note: {resource}:{identifier}:{filter}, with the
 * company GUID in braces (a Redis Cluster hash tag): dashboard:{GUID}:alterid:fy:to:asOn.
 * Every company key carries the company's data version (its AlterID, bumped locally on changes that do
 * not move the AlterID), so even a missed invalidation cannot serve data older than the last sync.
 * Keys here are unprefixed; backends add the namespace prefix (default "tallyconnect:").
 */
import type { CacheResource } from '../config/cache-settings';

// Resources, TTLs and their variables are configuration (config/cache-settings.ts).
export { DEFAULT_TTLS, TTL_ENV_VARS, type CacheResource } from '../config/cache-settings';

export const KEY_PATTERNS: Record<CacheResource, string> = {
  companies: 'companies:all:synced',
  dashboard: 'dashboard:{guid}:{alterid}:{fy}:{to}:{as_on}',
  ledger: 'ledger:{guid}:{alterid}:{ledger}:{from}:{to}',
  outstanding: 'outstanding:{guid}:{alterid}:{kind}:{as_on}:{buckets}',
  report: 'report:{guid}:{alterid}:{name}:{params}',
};

/** Escapes Redis glob metacharacters so a GUID can never widen a pattern. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/** Key segments must not contain ':' ambiguity-wise; GUIDs and ISO dates never do, names are encoded. */
const segment = (text: string): string => encodeURIComponent(text);

/**
 * The company segment is a Redis Cluster hash tag ("{GUID}"): every key of one company lands in one
 * slot (one node), whatever the resource, so a company's keys are cleared together on one node. The
 * GUID is URI-encoded first, so it can never contain a brace of its own.
 */
const company = (guid: string): string => `{${segment(guid)}}`;

export const cacheKeys = {
  companies: (): string => 'companies:all:synced',
  /**
   * A dashboard shows its year up to the period's end (`to`) with balances as on `asOn` (today while the
   * period runs), so both are in its key: a new period or a new day is never answered from an old entry.
   */
  dashboard: (guid: string, version: number, fy: string, to?: string, asOn?: string): string =>
    `dashboard:${company(guid)}:${version}:${fy}${to === undefined ? '' : `:${to}`}${asOn === undefined ? '' : `:${asOn}`}`,
  ledger: (guid: string, version: number, ledgerGuid: string, from: string, to: string): string =>
    `ledger:${company(guid)}:${version}:${segment(ledgerGuid)}:${from}:${to}`,
  outstanding: (
    guid: string,
    version: number,
    kind: string,
    asOn: string,
    buckets: readonly number[],
    ageBy: 'due' | 'bill' = 'due',
  ): string =>
    `outstanding:${company(guid)}:${version}:${kind}:${asOn}:${buckets.join('-')}${ageBy === 'bill' ? ':bill' : ''}`,
  report: (guid: string, version: number, name: string, params: readonly (string | number)[]): string =>
    `report:${company(guid)}:${version}:${name}:${params.map((p) => segment(String(p))).join(':')}`,
};

/** The company list: it carries each company's sync status, so it is not keyed by a data version. */
export const COMPANY_LIST_PATTERN = 'companies:*';

/** Glob patterns that cover everything cached for one company (all versions), plus the company list. */
export function companyPatterns(guid: string): string[] {
  const g = escapeGlob(company(guid));
  return [`dashboard:${g}:*`, `ledger:${g}:*`, `outstanding:${g}:*`, `report:${g}:*`, COMPANY_LIST_PATTERN];
}
