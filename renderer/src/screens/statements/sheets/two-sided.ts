import type { Paise } from '../../../../../shared/money';
import type { ExportSheet } from '../../../lib/export';

/**
 * One side's entry on a line of a horizontal statement: a group (its total in the outer column, its
 * ledgers beneath with theirs in the inner column), a ledger, or a line of its own (Opening Stock, Gross
 * Profit c/o ...) with its amount in the outer column.
 */
export interface SideEntry {
  label: string;
  /** A ledger's amount (detailed view), printed in the inner column. */
  inner: Paise | null;
  /** A group's or a line's amount, printed in the outer column (the one the side's total adds up). */
  outer: Paise | null;
  /** Groups and lines of their own are headings; their ledgers are not. */
  heading: boolean;
}

/** A line of a horizontal statement: the left side's entry beside the right's; a side total row. */
export interface TwoSidedRow {
  left: SideEntry | null;
  right: SideEntry | null;
  total: boolean;
}

/** A side's block of entries (one account part: the trading account, the profit & loss account ...). */
export type SideBlock = SideEntry[];

export const heading = (label: string, outer: Paise): SideEntry => ({
  label,
  inner: null,
  outer,
  heading: true,
});

export const detailLine = (label: string, inner: Paise): SideEntry => ({
  label: `  ${label}`,
  inner,
  outer: null,
  heading: false,
});

/** The two sides laid beside each other, line for line, the shorter one padded with blank lines. */
export function pairUp(left: SideBlock, right: SideBlock): TwoSidedRow[] {
  const rows: TwoSidedRow[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    rows.push({ left: left[i] ?? null, right: right[i] ?? null, total: false });
  }
  return rows;
}

/** A side's total: what its outer column adds up to. */
export const outerTotal = (block: SideBlock): Paise => block.reduce((s, e) => s + (e.outer ?? 0), 0);

/** The total row under a part: each side's total in its outer column, labelled "Total" on both sides. */
export function totalRow(label: string, left: Paise, right: Paise): TwoSidedRow {
  return {
    left: { label, inner: null, outer: left, heading: true },
    right: { label, inner: null, outer: right, heading: true },
    total: true,
  };
}

/**
 * A horizontal statement as a sheet of six columns (left particulars, inner and outer amount, right
 * particulars, inner and outer amount), the last total row as its totals row; printed landscape.
 */
export function twoSidedSheet(options: {
  title: string;
  company: string;
  period: string;
  notes?: string[];
  headers: { left: string; right: string };
  rows: TwoSidedRow[];
}): ExportSheet<TwoSidedRow> {
  const { rows } = options;
  const last = rows[rows.length - 1];
  const body = last?.total ? rows.slice(0, -1) : rows;
  return {
    title: options.title,
    company: options.company,
    period: options.period,
    notes: options.notes,
    columns: [
      { header: options.headers.left, kind: 'text', value: (r) => r.left?.label ?? '' },
      { header: '', kind: 'money', value: (r) => r.left?.inner ?? null, total: 'none' },
      { header: '', kind: 'money', value: (r) => r.left?.outer ?? null, total: 'none' },
      { header: options.headers.right, kind: 'text', value: (r) => r.right?.label ?? '' },
      { header: '', kind: 'money', value: (r) => r.right?.inner ?? null, total: 'none' },
      { header: '', kind: 'money', value: (r) => r.right?.outer ?? null, total: 'none' },
    ],
    rows: body,
    totals: last?.total ? { row: last } : null,
    print: {
      // A part's total prints bold; elsewhere each side's headings (groups, Gross Profit c/o ...).
      strong: (r) => r.total,
      strongCells: (r) => [...(r.left?.heading ? [0, 1, 2] : []), ...(r.right?.heading ? [3, 4, 5] : [])],
      orientation: 'landscape',
    },
  };
}
