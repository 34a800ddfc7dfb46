import type { PrintDocument } from './document';
import type { Letterhead } from './letterhead';

/**
 * A report as a table to export or print: its title rows, columns, rows and totals. Pure (no DOM), so the
 * renderer (Excel, CSV, print) and the main process (a statement of account sent as PDF) share it.
 */
export type ColumnKind = 'text' | 'money' | 'drcr' | 'date' | 'number';

export interface ExportColumn<Row> {
  header: string;
  kind: ColumnKind;
  // Method syntax on purpose: a sheet of any row type can be handed to the generic export menu.
  value(row: Row): string | number | null;
  /**
   * Whether the automatic totals row adds this column up: money columns do by default; balances (Dr/Cr),
   * quantities and counts do not (a running balance added up means nothing).
   */
  total?: 'sum' | 'none';
}

/**
 * The totals row of a sheet: added up from the rows (`label` in the first text column, every column
 * whose total is 'sum'), or a row the report computed itself (a trial balance's grand total).
 */
export type ExportTotals<Row> = { label: string } | { row: Row };

export interface ExportSheet<Row> {
  /** The report, e.g. "Ledger statement - Sharma Traders". */
  title: string;
  company: string;
  /**
   * The company as its title rows and printed pages show it: the name Tally prints (its mailing name) and
   * its address and GSTIN lines. Absent: the company's name alone. Set for every report in one place
   * (the export menu, from `company.profile`); a statement of account brings its own.
   */
  letterhead?: Letterhead;
  /** "01-04-2025 to 31-03-2026", "As on 31-03-2026": in the title rows and the file name. */
  period: string;
  /** More lines under the title (the ledger's group, how outstanding is aged ...). */
  notes?: string[];
  columns: ExportColumn<Row>[];
  /** Rows before the data (the opening balance): printed, never added to the totals. */
  leading?: Row[];
  rows: Row[];
  /** Null only for a sheet whose rows do not add up (the dashboard's figures). */
  totals: ExportTotals<Row> | null;
  /** Rows after the totals row (the closing balance): printed, never added to the totals. */
  trailing?: Row[];
  /**
   * More worksheets of the same workbook (Excel only): a statement's flat table, a trial balance's groups.
   * Each is a sheet of its own with its own title rows, header and totals.
   */
  more?: ExportSheet<unknown>[];
  /** How the printed document differs from the file (see lib/print). */
  print?: {
    /** Rows printed bold (groups, sub-totals). */
    strong?(row: Row): boolean;
    /** Cells printed bold (by column index) on a row that is not: a heading on one side of a statement. */
    strongCells?(row: Row): number[];
    /** A statement: these columns carry from page to page (brought / carried forward rows). */
    carry?: { debit: number; credit: number; balance: number };
    orientation?: 'portrait' | 'landscape';
    /** Columns left off paper (by index), e.g. a narration printed under the particulars instead. */
    omit?: number[];
    /** Smaller text run on after a column's own (the narration after the particulars), wrapping as needed. */
    detail?: { column: number; text(row: Row): string };
    /**
     * Running totals carried from page to page (a trial balance): these columns (by index) added up over
     * the rows `counted` says (its ledgers, not the groups that repeat them), printed at each page's foot
     * as carried forward and at the next page's head as brought forward.
     */
    running?: { columns: number[]; counted(row: Row): boolean };
    /** What is printed instead of this sheet (a statement on paper, its table in the file). */
    sheet?: ExportSheet<unknown>;
    /** A document laid out by its own builder (a statement of account), printed as it is. */
    document?: PrintDocument;
    /**
     * Tables printed one after another, each under its caption and across the whole page, instead of this
     * sheet's own when its columns do not fit across its page (a horizontal statement with many columns:
     * each side in full). They share their columns' widths, so that amounts stand under each other.
     */
    stacked?: { caption: string; sheet: ExportSheet<unknown> }[];
  };
}

export const isAmount = (kind: ColumnKind): boolean => kind === 'money' || kind === 'drcr';
const sums = (column: ExportColumn<unknown>): boolean =>
  column.total === 'sum' || (column.total === undefined && column.kind === 'money');

/** An amount cell's value: null where there is nothing (a zero amount prints blank, as in Tally). */
export function amountOf(value: string | number | null): number | null {
  return typeof value === 'number' && value !== 0 ? value : null;
}

/** The totals row as cell values, one per column (null: blank). */
export function totalsOf<Row>(sheet: ExportSheet<Row>): (string | number | null)[] | null {
  const { totals } = sheet;
  if (totals === null) return null;
  if ('row' in totals) return sheet.columns.map((c) => c.value(totals.row));
  const labelAt = Math.max(
    0,
    sheet.columns.findIndex((c) => c.kind === 'text'),
  );
  return sheet.columns.map((c, i) => {
    if (sums(c as ExportColumn<unknown>)) {
      return sheet.rows.reduce((s, row) => s + (amountOf(c.value(row)) ?? 0), 0);
    }
    return i === labelAt ? totals.label : null;
  });
}
