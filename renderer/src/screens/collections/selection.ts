import { partySelection } from '../../../../shared/contract/collections';
import type { CollectionParty, PartySelectionInput } from '../../../../shared/types/collections';
import { parseRupees, type Paise } from '../../../../shared/money';

/** How the list chooses parties: overdue above an amount, a group, or ticked by hand. */
export type ChooseMode = 'overdue' | 'group' | 'hand';

export interface ListState {
  mode: ChooseMode;
  /** The amount as typed, in rupees. */
  amount: string;
  group: string;
  ticked: ReadonlySet<string>;
  /** Only the parties without an e-mail. */
  withoutEmail: boolean;
}

export const INITIAL_LIST: ListState = {
  mode: 'overdue',
  amount: '0',
  group: '',
  ticked: new Set(),
  withoutEmail: false,
};

/** "5000", "2,500.50" → paise; null when it is not an amount of zero or more. */
export function amountOf(text: string): Paise | null {
  try {
    const paise = parseRupees(text.replace(/[,₹\s]/g, ''));
    return paise >= 0 ? paise : null;
  } catch {
    return null;
  }
}

/** The parties the list's choice covers, in the list's order (a group: that group's own parties). */
export function chosenParties(parties: readonly CollectionParty[], state: ListState): CollectionParty[] {
  switch (state.mode) {
    case 'overdue': {
      const amount = amountOf(state.amount);
      return amount === null ? [] : parties.filter((p) => p.overdue > amount);
    }
    case 'group':
      return state.group === '' ? [] : parties.filter((p) => p.group === state.group);
    case 'hand':
      return parties.filter((p) => state.ticked.has(p.ledgerGuid));
  }
}

/** The selection the core previews and sends: the list's choice as the contract carries it. */
export function selectionOf(
  parties: readonly CollectionParty[],
  state: ListState,
): PartySelectionInput | null {
  if (state.mode === 'overdue') {
    const amount = amountOf(state.amount);
    return amount === null ? null : { kind: 'overdue-above', amount };
  }
  if (state.mode === 'group') return state.group === '' ? null : { kind: 'groups', groups: [state.group] };
  const ledgerGuids = chosenParties(parties, state).map((p) => p.ledgerGuid);
  return ledgerGuids.length === 0 ? null : { kind: 'parties', ledgerGuids };
}

/** The selection as a route parameter (so Back returns to the same preview). */
export const encodeSelection = (selection: PartySelectionInput): string => JSON.stringify(selection);

/** The route parameter back to a selection; null when it is not one (a hand-edited address). */
export function decodeSelection(text: string | undefined): PartySelectionInput | null {
  if (!text) return null;
  try {
    const parsed = partySelection.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Each visit's list keeps its choice while the user previews and comes back (Esc). */
const remembered = new Map<string, ListState>();

export function rememberList(entry: string, state: ListState): void {
  remembered.set(entry, state);
  if (remembered.size > 50) {
    const oldest = remembered.keys().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
}

export const rememberedList = (entry: string): ListState | undefined => remembered.get(entry);
