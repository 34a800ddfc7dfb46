import { CELL_PADDING_MM, isFixed, naturalMm, type PrintDocument, type PrintRow } from './document';
import { paginate } from './paginate';

/** A4 in millimetres, and the margin every page keeps (the @page margin). */
export const A4 = { short: 210, long: 297, margin: 10 };
/** Height of the title block on every page (company, report, period, page number). */
export const HEAD_MM = 17;
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

function rowHtml(doc: PrintDocument, row: PrintRow, extraClass = ''): string {
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
export function columnWidthsMm(doc: PrintDocument, widthMm: number): number[] {
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

function tableOpen(doc: PrintDocument): string {
  const widths = columnWidthsMm(doc, geometryOf(doc).widthMm);
  const cols = widths.map((mm) => `<col style="width:${mm.toFixed(2)}mm">`).join('');
  const heads = doc.columns
    .map((c) => `<th${NUMERIC.has(c.kind) ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`)
    .join('');
  return `<table class="pd-table"><colgroup>${cols}</colgroup><thead><tr>${heads}</tr></thead><tbody>`;
}

/** The column a label goes in: the widest text column (Particulars), else the first. */
export function widestTextColumn(doc: PrintDocument): number {
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
export function unitsOf(doc: PrintDocument): { row: PrintRow; line: number | null }[] {
  return [
    ...doc.leading.map((row) => ({ row, line: null })),
    ...doc.lines.map((row, line) => ({ row, line })),
    ...doc.trailing.map((row) => ({ row, line: null })),
  ];
}

/** A brought / carried forward row: running debit and credit of the lines so far, the balance after them. */
function carryRow(
  doc: PrintDocument,
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
  doc: PrintDocument,
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

/** The measuring table: every row once, in the page's width, so their real heights can be read. */
export function measureHtml(doc: PrintDocument): string {
  const units = unitsOf(doc);
  const rows = units.map((u) => rowHtml(doc, u.row)).join('');
  return `${tableOpen(doc)}${rows}</tbody></table>`;
}

/**
 * The whole document as HTML: A4 sheets of a fixed height, each with the title block, "Page X of Y"
 * and the column headings; statements with brought / carried forward rows at the page breaks. Row
 * heights (mm) come from measuring (`measureHtml`) or, where nothing can be measured, an estimate.
 */
export function renderDocument(
  doc: PrintDocument,
  heights: { rows: number[]; head: number; carry: number },
  labels: { page: (page: number, pages: number) => string; printedOn?: string },
  format: (kind: 'money' | 'drcr', paise: number) => string,
): string {
  const geometry = geometryOf(doc);
  const units = unitsOf(doc);
  const body = geometry.heightMm - HEAD_MM - heights.head;
  const carries = doc.carry !== null || (doc.running ?? null) !== null;
  const pages = paginate(heights.rows, { body, carryRow: heights.carry, carry: carries });
  const forward = (label: 'broughtForward' | 'carriedForward', upTo: number): PrintRow =>
    doc.carry
      ? carryRow(doc, doc.carry.labels[label], upTo, format)
      : runningRow(doc, doc.running!.labels[label], upTo, format);
  const lastLineBefore = (index: number): number => {
    // The last statement line at or before this row (-1 before the first line).
    for (let i = index; i >= 0; i -= 1) {
      const line = units[i]?.line;
      if (line !== null && line !== undefined) return line;
    }
    return -1;
  };
  const sheets = pages.map((indices, p) => {
    const parts: string[] = [];
    const first = indices[0] ?? 0;
    const last = indices[indices.length - 1] ?? 0;
    if (carries && p > 0) {
      parts.push(rowHtml(doc, forward('broughtForward', lastLineBefore(first - 1)), 'pd-carry'));
    }
    for (const i of indices) parts.push(rowHtml(doc, units[i]!.row));
    if (carries && p < pages.length - 1) {
      parts.push(rowHtml(doc, forward('carriedForward', lastLineBefore(last)), 'pd-carry'));
    }
    const notes = [doc.period, ...doc.notes].map(escapeHtml).join(' · ');
    const printedOn = labels.printedOn ? `<div class="pd-printed">${escapeHtml(labels.printedOn)}</div>` : '';
    return `<section class="pd-page" style="width:${geometry.widthMm}mm;height:${geometry.heightMm}mm">
<header class="pd-head" style="height:${HEAD_MM}mm"><div class="pd-head-text"><div class="pd-company">${escapeHtml(doc.company)}</div><div class="pd-title">${escapeHtml(doc.title)}</div><div class="pd-period">${notes}</div></div><div class="pd-pageno">${escapeHtml(labels.page(p + 1, pages.length))}${printedOn}</div></header>
${tableOpen(doc)}${parts.join('')}</tbody></table></section>`;
  });
  return sheets.join('\n');
}

/** Millimetres of a height in CSS pixels. */
export const pxToMm = (px: number): number => px / PX_PER_MM;

/** Row heights when nothing can be measured (tests without layout): one line each, wrapped text more. */
export function estimateHeights(doc: PrintDocument): { rows: number[]; head: number; carry: number } {
  const widths = columnWidthsMm(doc, geometryOf(doc).widthMm);
  // About 1.8 mm per character at 8.5 pt; 4.6 mm per line with padding.
  const linesOf = (row: PrintRow) =>
    Math.max(
      1,
      ...row.cells.map((text, i) => {
        // The narration runs on in the same cell as the particulars.
        const length = text.length + (i === doc.detailColumn && row.detail ? row.detail.length + 1 : 0);
        return Math.ceil((length * 1.8) / Math.max(1, (widths[i] ?? 0) - CELL_PADDING_MM));
      }),
    );
  return { rows: unitsOf(doc).map((u) => 4.6 * linesOf(u.row)), head: 6, carry: 4.6 };
}
