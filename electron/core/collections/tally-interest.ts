import { parseRupees } from '../../../shared/money';
import type { LedgerInterestRecord } from '../db/records';
import { ledgerInterestOf } from '../tally/contact-fields';
import type { XNode } from '../tally/node';
import {
  DEFAULT_INTEREST,
  INTEREST_STYLES,
  type InterestBalanceType,
  type InterestParameters,
  type InterestRounding,
  type InterestStyle,
  parseRate,
} from './interest';

/**
 * A ledger's interest parameters as Tally exports them (ISINTERESTON, INTERESTINCLDAYOF..., one
 * INTERESTCOLLECTION.LIST per slab). Sources and the unconfirmed parts: docs/TALLY.md, "Interest on
 * overdue bills".
 */
export type TallyInterest =
  | { kind: 'off' }
  | { kind: 'parameters'; parameters: InterestParameters; billWise: boolean }
  /** Set in Tally in a way we do not compute yet: the user sets parameters in TallyConnect instead. */
  | { kind: 'unsupported'; reason: string };

const BALANCES: Record<string, InterestBalanceType> = {
  '': 'All Balances',
  'All Balances': 'All Balances',
  'Debit Balances Only': 'Debit Balances Only',
  'Credit Balances Only': 'Credit Balances Only',
};
const ROUNDING: Record<string, InterestRounding> = {
  '': 'Not Applicable',
  'Not Applicable': 'Not Applicable',
  'Downward Rounding': 'Downward Rounding',
  'Normal Rounding': 'Normal Rounding',
  'Upward Rounding': 'Upward Rounding',
};

/** A ledger's interest parameters from its export (the raw facts: tally/contact-fields.ts). */
export function interestFromLedger(ledger: XNode): TallyInterest {
  return interestFromFacts(ledgerInterestOf(ledger));
}

/** The parameters of stored interest facts (ledgers.interest); null or absent: interest is off. */
export function interestFromFacts(facts: LedgerInterestRecord | null | undefined): TallyInterest {
  if (!facts) return { kind: 'off' };
  const slabs = facts.slabs;
  if (slabs.length === 0)
    return { kind: 'unsupported', reason: 'interest is on but no rate is set in Tally' };
  if (slabs.length > 1)
    return {
      kind: 'unsupported',
      reason: `Tally's advanced parameters with ${slabs.length} slabs are not computed yet`,
    };
  const slab = slabs[0]!;
  const style = slab.style;
  if (!(INTEREST_STYLES as readonly string[]).includes(style))
    return { kind: 'unsupported', reason: `interest style "${style}" is not one we know` };
  const balances = BALANCES[slab.balanceType];
  if (!balances)
    return { kind: 'unsupported', reason: `balance type "${slab.balanceType}" is not one we know` };
  const rounding = ROUNDING[slab.roundType];
  if (!rounding) return { kind: 'unsupported', reason: `rounding "${slab.roundType}" is not one we know` };
  if (slab.fromType === 'Date specified during entry')
    return { kind: 'unsupported', reason: 'interest from a date given in each voucher is not computed yet' };
  const ratePercent = slab.rate || '0';
  try {
    parseRate(ratePercent);
  } catch (error) {
    return { kind: 'unsupported', reason: (error as Error).message };
  }
  const graceDays = Number(slab.appliedFrom || '0');
  if (!Number.isInteger(graceDays) || graceDays < 0)
    return { kind: 'unsupported', reason: `"${slab.appliedFrom}" days is not a number of days` };
  const pastDue = slab.appliedOn === 'Past Due Date' || slab.fromType === 'Past Due Date';
  return {
    kind: 'parameters',
    billWise: facts.billWise,
    parameters: {
      ...DEFAULT_INTEREST,
      ratePercent,
      style: style as InterestStyle,
      balances,
      from: pastDue ? 'due' : 'bill',
      graceDays,
      rounding,
      roundingLimit: rounding === 'Not Applicable' ? 0 : Math.abs(parseRupees(slab.roundLimit || '0')),
      includeDayOfAddition: facts.includeDayOfAddition,
      includeDayOfDeduction: facts.includeDayOfDeduction,
      source: 'tally',
    },
  };
}

/**
 * The parameters a party's interest is computed with: the ledger's from Tally where Tally has them, else
 * the ones set in TallyConnect (for the party, else for the company); null when neither has any.
 */
export function effectiveInterest(
  fromTally: TallyInterest | undefined,
  setInTallyConnect: InterestParameters | null,
): { parameters: InterestParameters | null; note: string | null } {
  if (fromTally?.kind === 'parameters') return { parameters: fromTally.parameters, note: null };
  const note =
    fromTally?.kind === 'unsupported' ? `Tally's interest settings not used: ${fromTally.reason}` : null;
  return { parameters: setInTallyConnect ? { ...setInTallyConnect, source: 'tallyconnect' } : null, note };
}
