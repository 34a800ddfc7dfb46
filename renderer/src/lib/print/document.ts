import type { ColumnKind, ExportSheet } from '../export';
import { totalsOf } from '../export';

export type Orientation = 'portrait' | 'landscape';

export interface PrintColumn {
  header: string;
  kind: ColumnKind;
  /** Share of the page width (relative to the other columns). */
  weight: number;
}

export interface PrintRow {
  cells: string[];
  style: 'line' | 'pinned' | 'total' | 'strong';
}

/** What carries from page to page in a statement: running debit and credit totals and the balance. */
export interface PrintCarry {
  debit: number;
  credit: number;
  balance: number;
  /** The balance before the first line (the opening). */
  opening: number;
  /** Per line (same order as `lines`): its debit, credit and balance after it, in paise. */
  amounts: { debit: number; credit: number; balance: number }[];
  labels: { broughtForward: string; carriedForward: string };
}

/** A report laid out for paper: title block, columns and rows; paginated when printed. */
export interface PrintDocument {
  company: string;
  title: string;
  period: string;
  notes: string[];
  orientation: Orientation;
  columns: PrintColumn[];
  /** Opening rows, printed once at the top of the first page. */
  leading: PrintRow[];
  lines: PrintRow[];
  /** Totals and closing rows, printed once after the last line. */
  trailing: PrintRow[];
  carry: PrintCarry | null;
}

/** Column weights: amounts and dates fixed, text by its longest value so Particulars gets the room. */
function weightOf(kind: ColumnKind, header: string, texts: string[]): number {
  if (kind === 'money' || kind === 'drcr') return 15;
  if (kind === 'date') return 11;
  if (kind === 'number') return 10;
  let longest = header.length;
  for (const text of texts) if (text.length > longest) longest = text.length;
  return Math.min(48, Math.max(8, longest));
}

/** Reports with many columns, or very wide ones, print on landscape pages. */
export function orientationFor(columns: PrintColumn[]): Orientation {
  const weight = columns.reduce((s, c) => s + c.weight, 0);
  return columns.length > 7 || weight > 120 ? 'landscape' : 'portrait';
}

/**
 * The print document of an export sheet: the same columns and rows, cells formatted for reading
 * (amounts with Indian grouping, blank where nil), the totals row, and a carry for statements.
 */
export function documentFromSheet<Row>(
  sheet: ExportSheet<Row>,
  format: (kind: ColumnKind, value: string | number | null) => string,
  options: {
    strong?: (row: Row) => boolean;
    carry?: { debit: number; credit: number; balance: number; labels: PrintCarry['labels'] } | null;
    orientation?: Orientation;
  } = {},
): PrintDocument {
  const cellsOf = (values: (string | number | null)[]) =>
    sheet.columns.map((c, i) => format(c.kind, values[i] ?? null));
  const valuesOf = (row: Row) => sheet.columns.map((c) => c.value(row));
  const lines: PrintRow[] = sheet.rows.map((row) => ({
    cells: cellsOf(valuesOf(row)),
    style: options.strong?.(row) ? 'strong' : 'line',
  }));
  const columns: PrintColumn[] = sheet.columns.map((c, i) => ({
    header: c.header,
    kind: c.kind,
    weight: weightOf(
      c.kind,
      c.header,
      lines.slice(0, 2000).map((l) => l.cells[i] ?? ''),
    ),
  }));
  const totals = totalsOf(sheet);
  let carry: PrintCarry | null = null;
  if (options.carry) {
    const { debit, credit, balance } = options.carry;
    const num = (v: string | number | null) => (typeof v === 'number' ? v : 0);
    const first = sheet.leading?.[0];
    carry = {
      debit,
      credit,
      balance,
      opening: first ? num(sheet.columns[balance]!.value(first)) : 0,
      amounts: sheet.rows.map((row) => ({
        debit: num(sheet.columns[debit]!.value(row)),
        credit: num(sheet.columns[credit]!.value(row)),
        balance: num(sheet.columns[balance]!.value(row)),
      })),
      labels: options.carry.labels,
    };
  }
  return {
    company: sheet.company,
    title: sheet.title,
    period: sheet.period,
    notes: sheet.notes ?? [],
    orientation: options.orientation ?? orientationFor(columns),
    columns,
    leading: (sheet.leading ?? []).map((row) => ({ cells: cellsOf(valuesOf(row)), style: 'pinned' })),
    lines,
    trailing: [
      ...(totals === null ? [] : [{ cells: cellsOf(totals), style: 'total' as const }]),
      ...(sheet.trailing ?? []).map((row): PrintRow => ({ cells: cellsOf(valuesOf(row)), style: 'total' })),
    ],
    carry,
  };
}
