import {
  CELL_PADDING_MM,
  isFixed,
  naturalMm,
  type PrintBlock,
  type PrintDocument,
  type PrintRow,
  type PrintTable,
} from './document';
import { paginate, paginateTables } from './paginate';

/** A4 in millimetres, and the margin every page keeps (the @page margin). */
export const A4 = { short: 210, long: 297, margin: 10 };
/** Height of the title block on every page (company, report, period, page number). */
export const HEAD_MM = 17;
/** Each letterhead line (the company's address, GSTIN) adds this to the title block. */
export const LETTERHEAD_LINE_MM = 3.5;

/** The title block's height: the usual one, and a line more for each letterhead line. */
export const headMmOf = (doc: PrintDocument): number =>
  HEAD_MM + (doc.letterhead?.length ?? 0) * LETTERHEAD_LINE_MM;
const PX_PER_MM = 96 / 25.4;

export interface PageGeometry {
  widthMm: number;
  heightMm: number;
}

export function geometryOf(doc: PrintDocument): PageGeometry {
  const portrait = doc.orientation === 'portrait';
  return {
    widthMm: (portrait ? A4.short : A4.long) - 2 * A4.margin,
    // Half a millimetre spare so rounding never pushes a sheet onto a second physical page.
    heightMm: (portrait ? A4.long : A4.short) - 2 * A4.margin - 0.5,
  };
}

export const pageCss = (doc: PrintDocument): string =>
  `@page { size: A4 ${doc.orientation}; margin: ${A4.margin}mm; }`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NUMERIC = new Set(['money', 'drcr', 'number']);

function rowHtml(doc: PrintTable, row: PrintRow, extraClass = ''): string {
  const span = row.span ?? 1;
  const cells = row.cells
    .map((text, i) => {
      if (i > 0 && i < span) return '';
      if (i === 0 && span > 1) return `<td class="text" colspan="${span}">${escapeHtml(text)}</td>`;
      const column = doc.columns[i];
      const kind = column?.kind ?? 'text';
      const base = NUMERIC.has(kind)
        ? 'num'
        : kind === 'date'
          ? 'date'
          : column?.nowrap
            ? 'text nowrap'
            : 'text';
      const cls = row.bold?.includes(i) ? `${base} pd-b` : base;
      const detail =
        row.detail !== undefined && i === doc.detailColumn
          ? // The narration runs on after the particulars: a second line only when it needs one.
            ` <span class="pd-detail">${escapeHtml(row.detail)}</span>`
          : '';
      return `<td class="${cls}">${escapeHtml(text)}${detail}</td>`;
    })
    .join('');
  return `<tr class="pd-${row.style}${extraClass ? ` ${extraClass}` : ''}">${cells}</tr>`;
}

/**
 * Column widths in millimetres: amounts, dates and codes as wide as their longest text, the wrapping
 * text columns (Particulars) share the rest; when even the fixed ones do not fit, all shrink alike.
 */
export function columnWidthsMm(doc: Pick<PrintTable, 'columns'>, widthMm: number): number[] {
  const fixed = doc.columns.map((c) => (isFixed(c) ? naturalMm(c) : 0));
  const flex = doc.columns.map((c) => (isFixed(c) ? 0 : Math.max(8, c.weight)));
  const flexShare = flex.reduce((s, w) => s + w, 0);
  const fixedTotal = fixed.reduce((s, w) => s + w, 0);
  // Each wrapping column keeps at least 28 mm (a name on two lines), shrinking the fixed ones if needed.
  const flexMin = flex.filter((w) => w > 0).length * 28;
  const scale = fixedTotal + flexMin > widthMm ? (widthMm - flexMin) / fixedTotal : 1;
  const rest = widthMm - fixedTotal * scale;
  return doc.columns.map((c, i) =>
    isFixed(c) ? fixed[i]! * scale : flexShare === 0 ? 0 : (rest * flex[i]!) / flexShare,
  );
}

function tableOpen(doc: PrintTable, widthMm: number): string {
  const widths = columnWidthsMm(doc, widthMm);
  const cols = widths.map((mm) => `<col style="width:${mm.toFixed(2)}mm">`).join('');
  const heads = doc.columns
    .map((c) => `<th${NUMERIC.has(c.kind) ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`)
    .join('');
  return `<table class="pd-table"><colgroup>${cols}</colgroup><thead><tr>${heads}</tr></thead><tbody>`;
}

/** The column a label goes in: the widest text column (Particulars), else the first. */
export function widestTextColumn(doc: Pick<PrintTable, 'columns'>): number {
  let best = 0;
  let weight = -1;
  doc.columns.forEach((c, i) => {
    if (c.kind === 'text' && c.weight > weight) {
      best = i;
      weight = c.weight;
    }
  });
  return best;
}

/** Every row in print order: leading (opening), the lines, trailing (totals, closing). */
export function unitsOf(doc: PrintTable): { row: PrintRow; line: number | null }[] {
  return [
    ...doc.leading.map((row) => ({ row, line: null })),
    ...doc.lines.map((row, line) => ({ row, line })),
    ...doc.trailing.map((row) => ({ row, line: null })),
  ];
}

/** A brought / carried forward row: running debit and credit of the lines so far, the balance after them. */
function carryRow(
  doc: PrintTable,
  label: string,
  upTo: number,
  format: (kind: 'money' | 'drcr', paise: number) => string,
): PrintRow {
  const carry = doc.carry!;
  let debit = 0;
  let credit = 0;
  for (let i = 0; i <= upTo; i += 1) {
    debit += carry.amounts[i]?.debit ?? 0;
    credit += carry.amounts[i]?.credit ?? 0;
  }
  const balance = upTo >= 0 ? (carry.amounts[upTo]?.balance ?? carry.opening) : carry.opening;
  // The label spans every column before the first carried amount, so it never wraps.
  const span = Math.max(1, Math.min(carry.debit, carry.credit, carry.balance));
  const cells = doc.columns.map((_, i) => {
    if (i === carry.debit) return format('money', debit);
    if (i === carry.credit) return format('money', credit);
    if (i === carry.balance) return format('drcr', balance);
    return i === 0 ? label : '';
  });
  return { cells, style: 'total', span };
}

/** A brought / carried forward row of running totals: each summed column over the lines up to `upTo`. */
function runningRow(
  doc: PrintTable,
  label: string,
  upTo: number,
  format: (kind: 'money' | 'drcr', paise: number) => string,
): PrintRow {
  const running = doc.running!;
  const sums = running.columns.map(() => 0);
  for (let i = 0; i <= upTo; i += 1) {
    const amounts = running.amounts[i];
    if (amounts) amounts.forEach((a, k) => (sums[k]! += a));
  }
  const span = Math.max(1, Math.min(...running.columns.map((c) => c.index)));
  const cells = doc.columns.map((_, i) => {
    const k = running.columns.findIndex((c) => c.index === i);
    if (k >= 0) return format(running.columns[k]!.kind, sums[k]!);
    return i === 0 ? label : '';
  });
  return { cells, style: 'total', span };
}

/** Heights (mm) of what a document prints, measured or estimated. */
export interface Heights {
  /** Every row in print order (of every table, the document's own first). */
  rows: number[];
  /** The document's own table's heading row. */
  head: number;
  /** A brought / carried forward row. */
  carry: number;
  /** A document with sections: each table's heading row and caption (the document's own first). */
  tables?: { head: number; caption: number }[];
  /** The blocks above the tables on the first page. */
  preamble?: number;
}

/** Whether the document has more than one table, a caption or blocks above it (laid out as a flow). */
const isComposite = (doc: PrintDocument): boolean =>
  (doc.sections?.length ?? 0) > 0 || (doc.preamble?.length ?? 0) > 0 || doc.caption !== undefined;

/** The document's tables in print order with their captions: its own first, then its sections. */
function tablesOf(doc: PrintDocument): { table: PrintTable; caption: string | undefined }[] {
  return [
    { table: doc, caption: doc.caption },
    ...(doc.sections ?? []).map((s) => ({ table: s as PrintTable, caption: s.caption })),
  ];
}

const carriesOf = (table: PrintTable): boolean => table.carry !== null || (table.running ?? null) !== null;

function preambleHtml(blocks: readonly PrintBlock[]): string {
  const html = blocks
    .map((b) => {
      const lines = b.lines
        .map((line, i) => `<div${i === 0 && b.strongFirst ? ' class="pd-b"' : ''}>${escapeHtml(line)}</div>`)
        .join('');
      const heading = b.heading ? `<div class="pd-block-head">${escapeHtml(b.heading)}</div>` : '';
      return `<div class="pd-block">${heading}${lines}</div>`;
    })
    .join('');
  return `<div class="pd-preamble">${html}</div>`;
}

const captionHtml = (caption: string): string => `<div class="pd-caption">${escapeHtml(caption)}</div>`;

/**
 * What a measuring pass reads, in document order: the preamble, then per table its caption, heading row
 * and rows. `heightsFromMeasured` turns the heights read (mm) back into Heights.
 */
export const MEASURED_SELECTOR = '.pd-preamble, .pd-caption, .pd-table > thead > tr, .pd-table > tbody > tr';

/** The measuring table(s): every row once, in the page's width, so their real heights can be read. */
export function measureHtml(doc: PrintDocument): string {
  const width = geometryOf(doc).widthMm;
  if (!isComposite(doc)) {
    const rows = unitsOf(doc)
      .map((u) => rowHtml(doc, u.row))
      .join('');
    return `${tableOpen(doc, width)}${rows}</tbody></table>`;
  }
  const parts = [doc.preamble?.length ? preambleHtml(doc.preamble) : ''];
  for (const { table, caption } of tablesOf(doc)) {
    const rows = unitsOf(table).map((u) => rowHtml(table, u.row));
    if (rows.length === 0) continue;
    parts.push(
      `${caption ? captionHtml(caption) : ''}${tableOpen(table, width)}${rows.join('')}</tbody></table>`,
    );
  }
  return parts.join('');
}

/**
 * Heights from what a measuring pass read (MEASURED_SELECTOR's elements in order, in mm); null when the
 * page had no layout (a zero height) or the list does not match the document.
 */
export function heightsFromMeasured(doc: PrintDocument, measured: readonly number[]): Heights | null {
  if (measured.some((h) => !(h > 0))) return null;
  let at = 0;
  const take = (): number | undefined => measured[at++];
  const preamble = isComposite(doc) && doc.preamble?.length ? take() : undefined;
  const rows: number[] = [];
  const tables: { head: number; caption: number }[] = [];
  for (const { table, caption } of isComposite(doc)
    ? tablesOf(doc)
    : [{ table: doc as PrintTable, caption: undefined }]) {
    const count = unitsOf(table).length;
    if (count === 0) {
      tables.push({ head: 0, caption: 0 });
      continue;
    }
    const captionMm = caption ? take() : 0;
    const head = take();
    const own = measured.slice(at, at + count);
    at += count;
    if (captionMm === undefined || head === undefined || own.length < count) return null;
    tables.push({ head, caption: captionMm });
    rows.push(...own);
  }
  if (at !== measured.length) return null;
  const head = tables[0]?.head || tables.find((t) => t.head > 0)?.head || 0;
  if (head === 0) return null;
  const single = Math.min(...rows, Number.POSITIVE_INFINITY);
  return {
    rows,
    head,
    carry: Number.isFinite(single) ? single : head,
    ...(isComposite(doc) ? { tables, ...(preamble !== undefined ? { preamble } : {}) } : {}),
  };
}

function headHtml(
  doc: PrintDocument,
  labels: { page: (page: number, pages: number) => string; printedOn?: string },
  page: number,
  pages: number,
): string {
  const notes = [doc.period, ...doc.notes].map(escapeHtml).join(' · ');
  const printedOn = labels.printedOn ? `<div class="pd-printed">${escapeHtml(labels.printedOn)}</div>` : '';
  const letterhead = doc.letterhead?.length
    ? `<div class="pd-letterhead">${doc.letterhead.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`
    : '';
  return `<header class="pd-head" style="height:${headMmOf(doc)}mm"><div class="pd-head-text"><div class="pd-company">${escapeHtml(doc.company)}</div>${letterhead}<div class="pd-title">${escapeHtml(doc.title)}</div><div class="pd-period">${notes}</div></div><div class="pd-pageno">${escapeHtml(labels.page(page, pages))}${printedOn}</div></header>`;
}

/** The brought / carried forward row of a table, after its line `upTo` (-1: before its first line). */
function forwardRow(
  table: PrintTable,
  label: 'broughtForward' | 'carriedForward',
  upTo: number,
  format: (kind: 'money' | 'drcr', paise: number) => string,
): PrintRow {
  return table.carry
    ? carryRow(table, table.carry.labels[label], upTo, format)
    : runningRow(table, table.running!.labels[label], upTo, format);
}

/** The last line of a table at or before one of its rows (-1 before the first line). */
function lastLineBefore(units: { line: number | null }[], index: number): number {
  for (let i = index; i >= 0; i -= 1) {
    const line = units[i]?.line;
    if (line !== null && line !== undefined) return line;
  }
  return -1;
}

/**
 * The whole document as HTML: A4 sheets of a fixed height, each with the title block, "Page X of Y"
 * and the column headings; statements with brought / carried forward rows at the page breaks. Row
 * heights (mm) come from measuring (`measureHtml`) or, where nothing can be measured, an estimate.
 */
export function renderDocument(
  doc: PrintDocument,
  heights: Heights,
  labels: { page: (page: number, pages: number) => string; printedOn?: string },
  format: (kind: 'money' | 'drcr', paise: number) => string,
): string {
  if (isComposite(doc)) return renderFlow(doc, heights, labels, format);
  const geometry = geometryOf(doc);
  const units = unitsOf(doc);
  const body = geometry.heightMm - headMmOf(doc) - heights.head;
  const carries = carriesOf(doc);
  const pages = paginate(heights.rows, { body, carryRow: heights.carry, carry: carries });
  const sheets = pages.map((indices, p) => {
    const parts: string[] = [];
    const first = indices[0] ?? 0;
    const last = indices[indices.length - 1] ?? 0;
    if (carries && p > 0) {
      parts.push(
        rowHtml(doc, forwardRow(doc, 'broughtForward', lastLineBefore(units, first - 1), format), 'pd-carry'),
      );
    }
    for (const i of indices) parts.push(rowHtml(doc, units[i]!.row));
    if (carries && p < pages.length - 1) {
      parts.push(
        rowHtml(doc, forwardRow(doc, 'carriedForward', lastLineBefore(units, last), format), 'pd-carry'),
      );
    }
    return `<section class="pd-page" style="width:${geometry.widthMm}mm;height:${geometry.heightMm}mm">
${headHtml(doc, labels, p + 1, pages.length)}
${tableOpen(doc, geometry.widthMm)}${parts.join('')}</tbody></table></section>`;
  });
  return sheets.join('\n');
}

/** A document of several tables (or with blocks above its table): the tables flow on, page after page. */
function renderFlow(
  doc: PrintDocument,
  heights: Heights,
  labels: { page: (page: number, pages: number) => string; printedOn?: string },
  format: (kind: 'money' | 'drcr', paise: number) => string,
): string {
  const geometry = geometryOf(doc);
  const tables = tablesOf(doc);
  let at = 0;
  const flow = tables.map(({ table, caption }, t) => {
    const count = unitsOf(table).length;
    const rows = heights.rows.slice(at, at + count);
    at += count;
    const measured = heights.tables?.[t];
    return {
      heights: rows,
      head: measured?.head || heights.head,
      caption: caption ? measured?.caption || 6 : 0,
      carry: carriesOf(table),
    };
  });
  const preamble = doc.preamble?.length ? (heights.preamble ?? 0) : 0;
  const pages = paginateTables(flow, {
    body: geometry.heightMm - headMmOf(doc),
    first: preamble,
    carryRow: heights.carry,
  });
  const units = tables.map(({ table }) => unitsOf(table));
  const sheets = pages.map((fragments, p) => {
    const parts: string[] = [p === 0 && doc.preamble?.length ? preambleHtml(doc.preamble) : ''];
    for (const { table: t, rows } of fragments) {
      const { table, caption } = tables[t]!;
      const own = units[t]!;
      const first = rows[0] ?? 0;
      const last = rows[rows.length - 1] ?? 0;
      const carries = carriesOf(table);
      const body: string[] = [];
      if (carries && first > 0) {
        body.push(
          rowHtml(
            table,
            forwardRow(table, 'broughtForward', lastLineBefore(own, first - 1), format),
            'pd-carry',
          ),
        );
      }
      for (const i of rows) body.push(rowHtml(table, own[i]!.row));
      if (carries && last < own.length - 1) {
        body.push(
          rowHtml(table, forwardRow(table, 'carriedForward', lastLineBefore(own, last), format), 'pd-carry'),
        );
      }
      parts.push(
        `${caption && first === 0 ? captionHtml(caption) : ''}${tableOpen(table, geometry.widthMm)}${body.join('')}</tbody></table>`,
      );
    }
    return `<section class="pd-page" style="width:${geometry.widthMm}mm;height:${geometry.heightMm}mm">
${headHtml(doc, labels, p + 1, pages.length)}
${parts.join('')}</section>`;
  });
  return sheets.join('\n');
}

/** Millimetres of a height in CSS pixels. */
export const pxToMm = (px: number): number => px / PX_PER_MM;

/** Row heights when nothing can be measured (tests without layout): one line each, wrapped text more. */
export function estimateHeights(doc: PrintDocument): Heights {
  const width = geometryOf(doc).widthMm;
  const rowsOf = (table: PrintTable): number[] => {
    const widths = columnWidthsMm(table, width);
    // About 1.8 mm per character at 8.5 pt; 4.6 mm per line with padding.
    const linesOf = (row: PrintRow) =>
      Math.max(
        1,
        ...row.cells.map((text, i) => {
          // The narration runs on in the same cell as the particulars.
          const length = text.length + (i === table.detailColumn && row.detail ? row.detail.length + 1 : 0);
          return Math.ceil((length * 1.8) / Math.max(1, (widths[i] ?? 0) - CELL_PADDING_MM));
        }),
      );
    return unitsOf(table).map((u) => 4.6 * linesOf(u.row));
  };
  if (!isComposite(doc)) return { rows: rowsOf(doc), head: 6, carry: 4.6 };
  const tables = tablesOf(doc);
  const lines = Math.max(0, ...(doc.preamble ?? []).map((b) => b.lines.length + (b.heading ? 1 : 0)));
  return {
    rows: tables.flatMap(({ table }) => rowsOf(table)),
    head: 6,
    carry: 4.6,
    tables: tables.map(({ caption }) => ({ head: 6, caption: caption ? 6 : 0 })),
    ...(doc.preamble?.length ? { preamble: lines * 3.8 + 4 } : {}),
  };
}

/**
 * Whether the document at these heights takes at most `share` of one page: then its real heights cannot
 * change how it is cut (one page, no carried-forward rows), and a caller may skip measuring it. The
 * estimate (estimateHeights) is on the generous side, the share leaves room for the rest.
 */
export function fitsOnePage(doc: PrintDocument, heights: Heights, share = 0.8): boolean {
  const room = (geometryOf(doc).heightMm - headMmOf(doc)) * share;
  const rows = heights.rows.reduce((s, h) => s + h, 0);
  if (!isComposite(doc)) return heights.head + rows <= room;
  const tables = (heights.tables ?? []).reduce((s, t) => s + t.head + t.caption, 0);
  return (heights.preamble ?? 0) + tables + rows <= room;
}
