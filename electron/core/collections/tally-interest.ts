import { parseRupees } from '../../../shared/money';
import { childrenNamed, childText, type XNode } from '../tally/node';
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

const yes = (text: string | undefined): boolean => text?.trim() === 'Yes';
const text = (node: XNode, name: string): string => (childText(node, name) ?? '').trim();

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

export function interestFromLedger(ledger: XNode): TallyInterest {
  if (!yes(childText(ledger, 'ISINTERESTON'))) return { kind: 'off' };
  const slabs = childrenNamed(ledger, 'INTERESTCOLLECTION.LIST').filter(
    (s) => text(s, 'INTERESTRATE') !== '' || text(s, 'INTERESTSTYLE') !== '',
  );
  if (slabs.length === 0)
    return { kind: 'unsupported', reason: 'interest is on but no rate is set in Tally' };
  if (slabs.length > 1)
    return {
      kind: 'unsupported',
      reason: `Tally's advanced parameters with ${slabs.length} slabs are not computed yet`,
    };
  const slab = slabs[0]!;
  const style = text(slab, 'INTERESTSTYLE');
  if (!(INTEREST_STYLES as readonly string[]).includes(style))
    return { kind: 'unsupported', reason: `interest style "${style}" is not one we know` };
  const balances = BALANCES[text(slab, 'INTERESTBALANCETYPE')];
  if (!balances)
    return {
      kind: 'unsupported',
      reason: `balance type "${text(slab, 'INTERESTBALANCETYPE')}" is not one we know`,
    };
  const rounding = ROUNDING[text(slab, 'ROUNDTYPE')];
  if (!rounding)
    return { kind: 'unsupported', reason: `rounding "${text(slab, 'ROUNDTYPE')}" is not one we know` };
  const fromType = text(slab, 'INTERESTFROMTYPE');
  if (fromType === 'Date specified during entry')
    return { kind: 'unsupported', reason: 'interest from a date given in each voucher is not computed yet' };
  const ratePercent = text(slab, 'INTERESTRATE') || '0';
  try {
    parseRate(ratePercent);
  } catch (error) {
    return { kind: 'unsupported', reason: (error as Error).message };
  }
  const graceDays = Number(text(slab, 'INTERESTAPPLFROM') || '0');
  if (!Number.isInteger(graceDays) || graceDays < 0)
    return {
      kind: 'unsupported',
      reason: `"${text(slab, 'INTERESTAPPLFROM')}" days is not a number of days`,
    };
  const pastDue = text(slab, 'INTERESTAPPLON') === 'Past Due Date' || fromType === 'Past Due Date';
  return {
    kind: 'parameters',
    billWise: yes(childText(ledger, 'INTERESTONBILLWISE')),
    parameters: {
      ...DEFAULT_INTEREST,
      ratePercent,
      style: style as InterestStyle,
      balances,
      from: pastDue ? 'due' : 'bill',
      graceDays,
      rounding,
      roundingLimit:
        rounding === 'Not Applicable' ? 0 : Math.abs(parseRupees(text(slab, 'ROUNDLIMIT') || '0')),
      includeDayOfAddition: yes(childText(ledger, 'INTERESTINCLDAYOFADDITION')),
      includeDayOfDeduction: yes(childText(ledger, 'INTERESTINCLDAYOFDEDUCTION')),
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
