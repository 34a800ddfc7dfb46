import type { ColumnKind, ExportSheet } from './sheet';
import { totalsOf } from './sheet';

export type Orientation = 'portrait' | 'landscape';

export interface PrintColumn {
  header: string;
  kind: ColumnKind;
  /** Characters of its longest text (header, lines, totals), text capped: what its width is made from. */
  weight: number;
  /** Short codes (voucher numbers, types) are never broken across lines. */
  nowrap: boolean;
}

export interface PrintRow {
  cells: string[];
  style: 'line' | 'pinned' | 'total' | 'strong';
  /** Smaller text after the detail column's own (the narration), wrapping onto a second line only when it must. */
  detail?: string;
  /** Cells (by printed column) in bold on a row that is not: a heading on one side of a statement. */
  bold?: number[];
  /** The first cell spans this many columns (a brought / carried forward label); the ones it covers are skipped. */
  span?: number;
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

/**
 * Running totals carried from page to page (a trial balance): the sum of some columns over the lines
 * counted so far (its ledgers), printed as carried forward at a page's foot and brought forward at the next.
 */
export interface PrintRunning {
  /** The printed columns added up, with how each prints (a net opening prints Dr/Cr). */
  columns: { index: number; kind: 'money' | 'drcr' }[];
  /** Per line (same order as `lines`): its amounts in those columns, zero for a line not counted. */
  amounts: number[][];
  labels: { broughtForward: string; carriedForward: string };
}

/** One table of a document: its columns and rows, and what carries from page to page. */
export interface PrintTable {
  columns: PrintColumn[];
  /** The column the rows' detail lines go under (-1 for none). */
  detailColumn: number;
  /** Opening rows, printed once at the top of the table. */
  leading: PrintRow[];
  lines: PrintRow[];
  /** Totals and closing rows, printed once after the last line. */
  trailing: PrintRow[];
  carry: PrintCarry | null;
  running?: PrintRunning | null;
}

/** A further table after the document's own, flowing on below it (a statement of account's ledger). */
export interface PrintSection extends PrintTable {
  /** Its heading, printed once above it. */
  caption: string;
}

/** A block of lines printed once on the first page above the tables (the addressee, a summary). */
export interface PrintBlock {
  heading: string;
  lines: string[];
  /** The first line in bold (a name). */
  strongFirst?: boolean;
}

/** A report laid out for paper: title block, columns and rows; paginated when printed. */
export interface PrintDocument extends PrintTable {
  company: string;
  title: string;
  period: string;
  notes: string[];
  orientation: Orientation;
  /** Lines under the company's name on every page: its address, GSTIN. */
  letterhead?: string[];
  /** Blocks side by side on the first page above the tables. */
  preamble?: PrintBlock[];
  /** The heading of the document's own table, when it has one (a document with sections). */
  caption?: string;
  /** More tables after the document's own, in order, each with its heading. */
  sections?: PrintSection[];
}

/** The longest text of a column (its header included), in characters. */
function longestOf(header: string, texts: string[]): number {
  let longest = header.length;
  for (const text of texts) if (text.length > longest) longest = text.length;
  return longest;
}

/** Text this short is kept on one line (a voucher number, a voucher type). */
const SHORT_TEXT = 18;

/**
 * A column's weight: its longest text in characters (wrapping text capped; it wraps beyond). Bold text
 * (headings, totals, carried-forward rows) is about a tenth wider than the lines'.
 */
function weightOf(kind: ColumnKind, header: string, texts: string[], bold: string[]): number {
  if (kind === 'date') return 11;
  const longest = Math.max(longestOf('', texts), Math.ceil(longestOf(header, bold) * 1.1));
  return kind === 'text' ? Math.min(60, Math.max(6, longest + 1)) : longest + 1;
}

/** Millimetres per character at the print size (8.5 pt, bold totals included), and a cell's padding. */
export const MM_PER_CHAR = 1.6;
export const CELL_PADDING_MM = 2.5;

/** The width a column needs on one line, in millimetres. */
export const naturalMm = (column: PrintColumn): number => column.weight * MM_PER_CHAR + CELL_PADDING_MM;

/** Columns that never wrap (amounts, dates, numbers, short codes) get exactly the width they need. */
export const isFixed = (column: PrintColumn): boolean => column.kind !== 'text' || column.nowrap;

/** Reports with many columns, or wider than an A4 portrait page, print on landscape pages. */
export function orientationFor(columns: readonly PrintColumn[]): Orientation {
  const needed = columns.reduce((s, c) => s + (isFixed(c) ? naturalMm(c) : Math.min(60, naturalMm(c))), 0);
  return columns.length > 7 || needed > 190 ? 'landscape' : 'portrait';
}

/** The width a page prints across (A4 less its 10 mm margins), in millimetres. */
export const PAGE_WIDTH_MM: Record<Orientation, number> = { portrait: 190, landscape: 277 };

/** The least a wrapping column (a name) is given when judging whether columns fit: a name on two lines. */
const READABLE_TEXT_MM = 40;

/**
 * Whether the columns fit across a page of this orientation: those that never wrap at the width they need,
 * a wrapping one at its own width or at least READABLE_TEXT_MM.
 */
export function fitsAcross(columns: readonly PrintColumn[], orientation: Orientation): boolean {
  const needed = columns.reduce(
    (s, c) => s + (isFixed(c) ? naturalMm(c) : Math.min(naturalMm(c), READABLE_TEXT_MM)),
    0,
  );
  return needed <= PAGE_WIDTH_MM[orientation];
}

/**
 * The printed columns of a table, each as wide as its contents need (from the first 3,000 lines, the
 * leading and trailing rows, bold text a little wider).
 */
export function printColumnsOf(
  specs: readonly { header: string; kind: ColumnKind }[],
  rows: Pick<PrintTable, 'leading' | 'lines' | 'trailing'>,
): PrintColumn[] {
  const { leading, lines, trailing } = rows;
  return specs.map((c, i) => {
    const sample = lines.slice(0, 3000);
    const texts = sample.filter((l) => l.style === 'line').map((l) => l.cells[i] ?? '');
    const bold = [...leading, ...sample.filter((l) => l.style !== 'line'), ...trailing].map(
      (l) => l.cells[i] ?? '',
    );
    return {
      header: c.header,
      kind: c.kind,
      weight: weightOf(c.kind, c.header, texts, bold),
      nowrap: c.kind === 'text' && longestOf('', [...texts, ...bold]) <= SHORT_TEXT,
    };
  });
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
    running?: {
      columns: number[];
      counted: (row: Row) => boolean;
      labels: PrintRunning['labels'];
    } | null;
  } = {},
): PrintDocument {
  const omit = new Set(sheet.print?.omit ?? []);
  // The columns on paper, by their index in the sheet; carry and detail columns are renumbered to them.
  const kept = sheet.columns.map((_, i) => i).filter((i) => !omit.has(i));
  const printed = kept.map((i) => sheet.columns[i]!);
  const position = (index: number) => kept.indexOf(index);
  const cellsOf = (values: (string | number | null)[]) =>
    kept.map((i) => {
      const value = values[i] ?? null;
      const kind = sheet.columns[i]!.kind;
      // Nil amounts print blank, as in Tally.
      if ((kind === 'money' || kind === 'drcr') && value === 0) return '';
      return value === '' ? '' : format(kind, value);
    });
  const valuesOf = (row: Row) => sheet.columns.map((c) => c.value(row));
  const detail = sheet.print?.detail;
  const lines: PrintRow[] = sheet.rows.map((row) => {
    const text = detail?.text(row) ?? '';
    const bold =
      sheet.print
        ?.strongCells?.(row)
        .map(position)
        .filter((i) => i >= 0) ?? [];
    return {
      cells: cellsOf(valuesOf(row)),
      style: options.strong?.(row) ? 'strong' : 'line',
      ...(text !== '' ? { detail: text } : {}),
      ...(bold.length > 0 ? { bold } : {}),
    };
  });
  const totals = totalsOf(sheet);
  const leading: PrintRow[] = (sheet.leading ?? []).map((row) => ({
    cells: cellsOf(valuesOf(row)),
    style: 'pinned',
  }));
  const trailing: PrintRow[] = [
    ...(totals === null ? [] : [{ cells: cellsOf(totals), style: 'total' as const }]),
    ...(sheet.trailing ?? []).map((row): PrintRow => ({ cells: cellsOf(valuesOf(row)), style: 'total' })),
  ];
  const columns = printColumnsOf(printed, { leading, lines, trailing });
  const orientation = options.orientation ?? orientationFor(columns);
  const stacked = sheet.print?.stacked ?? [];
  if (stacked.length > 0 && !fitsAcross(columns, orientation)) {
    return stackedDocument(sheet as ExportSheet<unknown>, stacked, format);
  }
  let carry: PrintCarry | null = null;
  if (options.carry) {
    const { debit, credit, balance } = options.carry;
    const num = (v: string | number | null) => (typeof v === 'number' ? v : 0);
    const first = sheet.leading?.[0];
    carry = {
      debit: position(debit),
      credit: position(credit),
      balance: position(balance),
      opening: first ? num(sheet.columns[balance]!.value(first)) : 0,
      amounts: sheet.rows.map((row) => ({
        debit: num(sheet.columns[debit]!.value(row)),
        credit: num(sheet.columns[credit]!.value(row)),
        balance: num(sheet.columns[balance]!.value(row)),
      })),
      labels: options.carry.labels,
    };
  }
  let running: PrintRunning | null = null;
  if (options.running) {
    const { columns: summed, counted } = options.running;
    const num = (v: string | number | null) => (typeof v === 'number' ? v : 0);
    running = {
      columns: summed.map((index) => ({
        index: position(index),
        kind: sheet.columns[index]!.kind === 'drcr' ? 'drcr' : 'money',
      })),
      amounts: sheet.rows.map((row) =>
        counted(row) ? summed.map((index) => num(sheet.columns[index]!.value(row))) : summed.map(() => 0),
      ),
      labels: options.running.labels,
    };
  }
  const letterhead = sheet.letterhead?.lines ?? [];
  return {
    company: sheet.letterhead?.name ?? sheet.company,
    ...(letterhead.length > 0 ? { letterhead } : {}),
    title: sheet.title,
    period: sheet.period,
    notes: sheet.notes ?? [],
    orientation,
    columns,
    detailColumn: detail ? position(detail.column) : -1,
    leading,
    lines,
    trailing,
    carry,
    running,
  };
}

/**
 * A sheet printed as its stacked tables (print.stacked): its title block, then each table under its caption,
 * flowing on page after page. Tables of the same columns share each column's width (the widest), so the
 * amounts of one stand under those of the one before; the page turns landscape only when they need it.
 */
function stackedDocument(
  sheet: ExportSheet<unknown>,
  stacked: readonly { caption: string; sheet: ExportSheet<unknown> }[],
  format: (kind: ColumnKind, value: string | number | null) => string,
): PrintDocument {
  const docs = stacked.map(({ caption, sheet: table }) => ({
    caption,
    doc: documentFromSheet(table, format, { strong: table.print?.strong }),
  }));
  const count = docs[0]!.doc.columns.length;
  const shared = docs.every(({ doc }) => doc.columns.length === count);
  const columnsOf = (own: PrintColumn[]): PrintColumn[] =>
    shared
      ? own.map((c, i) => ({
          ...c,
          weight: Math.max(...docs.map(({ doc }) => doc.columns[i]!.weight)),
          nowrap: docs.every(({ doc }) => doc.columns[i]!.nowrap),
        }))
      : own;
  const tableOf = (doc: PrintDocument): PrintTable => ({
    columns: columnsOf(doc.columns),
    detailColumn: doc.detailColumn,
    leading: doc.leading,
    lines: doc.lines,
    trailing: doc.trailing,
    carry: doc.carry,
    running: doc.running ?? null,
  });
  const tables = docs.map(({ caption, doc }) => ({ caption, ...tableOf(doc) }));
  const [first, ...rest] = tables;
  const letterhead = sheet.letterhead?.lines ?? [];
  return {
    company: sheet.letterhead?.name ?? sheet.company,
    ...(letterhead.length > 0 ? { letterhead } : {}),
    title: sheet.title,
    period: sheet.period,
    notes: sheet.notes ?? [],
    orientation: tables.some((t) => orientationFor(t.columns) === 'landscape') ? 'landscape' : 'portrait',
    ...first!,
    sections: rest,
  };
}
