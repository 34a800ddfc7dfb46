import type { CompanySummary } from '../../../shared/types/reports';

export const COMPUTED_BY = 'TallyConnect, from its local copy of the Tally books (read only)';
export const AMOUNTS_NOTE = 'Rupees with 2 decimals; balances end in Dr or Cr';

/** A list in an answer that may be cut to keep the answer short. */
export interface AnswerList {
  /** The key in `data` holding the list. */
  field: string;
  items: unknown[];
  /** Position of the first item among all (for asking for the rest). */
  offset: number;
  /** How many items there are in all. */
  total: number;
}

/** What a tool answers before it is wrapped and sized. */
export interface ToolAnswer {
  company?: CompanySummary;
  /** The period or date the figures are for, as the tool resolved it. */
  period?: Record<string, string>;
  data: Record<string, unknown>;
  list?: AnswerList;
}

/** Where the figures come from and how fresh they are: the last sync or import and Tally's AlterIDs. */
export function dataAsOf(company: CompanySummary): Record<string, unknown> {
  return {
    lastSyncOrImport: company.lastSyncAt,
    source: company.source,
    tallyMasterAlterId: company.masterAlterId,
    tallyVoucherAlterId: company.voucherAlterId,
    lastVoucherDate: company.lastVoucherDate,
  };
}

function envelopeOf(
  answer: ToolAnswer,
  items: unknown[] | null,
  truncated: unknown,
): Record<string, unknown> {
  const data = answer.list && items !== null ? { ...answer.data, [answer.list.field]: items } : answer.data;
  return {
    ...(answer.company ? { company: { name: answer.company.name, guid: answer.company.guid } } : {}),
    ...(answer.period ? { period: answer.period } : {}),
    ...(answer.company ? { dataAsOf: dataAsOf(answer.company) } : {}),
    computedBy: COMPUTED_BY,
    amounts: AMOUNTS_NOTE,
    data,
    truncated,
  };
}

/**
 * The compact JSON an assistant reads: the envelope (company, period, data as of, who computed it)
 * and the data, its list cut to fit `maxChars`, with `truncated` saying how to ask for the rest.
 */
export function renderAnswer(answer: ToolAnswer, maxChars: number): string {
  const list = answer.list;
  const truncatedFor = (count: number): unknown => {
    if (!list) return false;
    const end = list.offset + count;
    if (end >= list.total) return false;
    return {
      shown: `${list.field} ${list.offset + 1}–${end} of ${list.total}`,
      next: `call again with the same arguments and offset=${end}`,
    };
  };
  const full = JSON.stringify(envelopeOf(answer, list?.items ?? null, truncatedFor(list?.items.length ?? 0)));
  if (full.length <= maxChars || !list || list.items.length === 0) return full;
  // Sized from each item's own length (one pass), then checked: at least one item is always shown.
  const render = (count: number) =>
    JSON.stringify(envelopeOf(answer, list.items.slice(0, count), truncatedFor(count)));
  const emptyLength = render(0).length;
  let count = 0;
  let length = emptyLength;
  for (const item of list.items) {
    const next = length + JSON.stringify(item).length + 1;
    if (next > maxChars) break;
    length = next;
    count++;
  }
  count = Math.max(1, count);
  let text = render(count);
  while (text.length > maxChars && count > 1) text = render(--count);
  return text;
}
