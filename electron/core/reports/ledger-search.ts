import type { LedgerRef } from '../../../shared/types/reports';
import { ledgerRef } from './ledger-statement';
import type { Masters } from './masters';

/** Ledgers whose name contains the query, case-insensitively: exact match, then prefix, then the rest. */
export function ledgerSearch(masters: Masters, params: { query: string; limit: number }): LedgerRef[] {
  const query = params.query.trim().toLocaleLowerCase('en-IN');
  const scored: { rank: number; name: string; ref: LedgerRef }[] = [];
  for (const ledger of masters.ledgers.values()) {
    const name = ledger.name.toLocaleLowerCase('en-IN');
    const at = query === '' ? 0 : name.indexOf(query);
    if (at < 0) continue;
    const rank = name === query ? 0 : at === 0 ? 1 : 2;
    scored.push({ rank, name: ledger.name, ref: ledgerRef(ledger) });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, params.limit)
    .map((s) => s.ref);
}
