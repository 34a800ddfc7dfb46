import type {
  Gstr1Answer,
  Gstr1DocumentSeries,
  Gstr1HsnRow,
  Gstr1SectionName,
  Gstr1SectionView,
  GstFigureRef,
  GstVoucherRef,
} from '../../../../../shared/types/gst';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { amountColumns, voucherListSheet, type SheetHeading } from './columns';
import { gatherFigures, type VouchersPage } from './vouchers';

/** The sections that carry amounts (the HSN summary repeats them; documents issued have none). */
export const AMOUNT_SECTIONS: readonly Gstr1SectionName[] = [
  'b2b',
  'b2cl',
  'b2cs',
  'cdnr',
  'cdnur',
  'exp',
  'nil',
];

export const sectionCode = (section: Gstr1SectionName): string =>
  section === 'docs' ? 'DOCS' : section === 'nil' ? 'EXEMP' : section.toUpperCase();

type Heading = SheetHeading;

const notesOf = (h: Heading, t: Translate): string[] => [t('gst.gstin', { gstin: h.gstin })];

export function hsnSheet(rows: Gstr1HsnRow[], h: Heading, t: Translate): ExportSheet<Gstr1HsnRow> {
  return {
    title: `GSTR-1 - ${t('gst.sections.hsn')}`,
    company: h.company,
    period: h.period,
    notes: notesOf(h, t),
    columns: [
      {
        header: t('gst.hsnTable'),
        kind: 'text',
        value: (r) => (r.table === 'all' ? '' : r.table.toUpperCase()),
      },
      { header: t('gst.hsn'), kind: 'text', value: (r) => r.hsn },
      { header: t('gst.description'), kind: 'text', value: (r) => r.description },
      { header: t('gst.uqc'), kind: 'text', value: (r) => r.uqc },
      { header: t('gst.quantity'), kind: 'number', value: (r) => r.quantityMilli / 1000, total: 'none' },
      { header: t('gst.rate'), kind: 'number', value: (r) => r.rate / 100, total: 'none' },
      ...amountColumns<Gstr1HsnRow>(t, (r) => r),
    ],
    rows,
    totals: { label: t('common.total') },
  };
}

export function documentsSheet(
  rows: Gstr1DocumentSeries[],
  h: Heading,
  t: Translate,
): ExportSheet<Gstr1DocumentSeries> {
  return {
    title: `GSTR-1 - ${t('gst.sections.docs')}`,
    company: h.company,
    period: h.period,
    notes: notesOf(h, t),
    columns: [
      { header: t('gst.nature'), kind: 'text', value: (r) => t(`gst.natures.n${r.nature}`) },
      { header: t('gst.voucherType'), kind: 'text', value: (r) => r.voucherType },
      { header: t('gst.from'), kind: 'text', value: (r) => r.from },
      { header: t('gst.to'), kind: 'text', value: (r) => r.to },
      { header: t('gst.totalIssued'), kind: 'number', value: (r) => r.total, total: 'sum' },
      { header: t('gst.cancelled'), kind: 'number', value: (r) => r.cancelled, total: 'sum' },
      { header: t('gst.netIssued'), kind: 'number', value: (r) => r.total - r.cancelled, total: 'sum' },
    ],
    rows,
    totals: { label: t('common.total') },
  };
}

/** The sections whose vouchers `gst.vouchers` lists (the HSN summary and documents issued have rows of their own). */
export type VoucherSection = Extract<GstFigureRef, { return: 'gstr1' }>['section'];

/** The figure of `gst.vouchers` a section is. */
export const sectionFigure = (section: VoucherSection): GstFigureRef => ({ return: 'gstr1', section });

/** The figure of `gst.vouchers` an HSN summary row is: its table, HSN, UQC and rate. */
export const hsnFigure = (row: Gstr1HsnRow): GstFigureRef => ({
  return: 'gstr1-hsn',
  table: row.table,
  hsn: row.hsn,
  uqc: row.uqc,
  rate: row.rate,
});

/** The vouchers behind each section of the workbook, by section. */
export type Gstr1Vouchers = ReadonlyMap<VoucherSection, GstVoucherRef[]>;

/** The sections with amounts and vouchers: each has a sheet of its vouchers in the workbook. */
export function voucherSections(answer: Gstr1Answer): VoucherSection[] {
  return answer.view.sections
    .filter((s) => AMOUNT_SECTIONS.includes(s.section) && s.count > 0)
    .map((s) => s.section as VoucherSection);
}

/** The vouchers of every section the workbook lists, page by page: the async step before the pure builder. */
export const gatherGstr1Vouchers = (page: VouchersPage, answer: Gstr1Answer): Promise<Gstr1Vouchers> =>
  gatherFigures(
    page,
    voucherSections(answer).map((section) => ({ key: section, of: sectionFigure(section) })),
  );

/** One section's vouchers: each row its part of the section, the totals row the section's figure. */
export const sectionVouchersSheet = (
  section: Gstr1SectionView,
  vouchers: GstVoucherRef[],
  states: Record<string, string>,
  h: Heading,
  t: Translate,
): ExportSheet<GstVoucherRef> =>
  // The code alone names the worksheet (Excel keeps 31 characters); the description is under the title.
  voucherListSheet(
    `GSTR-1 - ${sectionCode(section.section)}`,
    t(`gst.sections.${section.section}`),
    vouchers,
    states,
    h,
    t,
  );

/** An HSN summary row's vouchers, each with its part of the row; the totals row is the row's figure. */
export const hsnRowVouchersSheet = (
  row: Gstr1HsnRow,
  vouchers: GstVoucherRef[],
  states: Record<string, string>,
  h: Heading,
  t: Translate,
): ExportSheet<GstVoucherRef> =>
  voucherListSheet(
    `GSTR-1 - HSN ${row.hsn} ${row.rate / 100}%`,
    t('gst.hsnRowVouchers', { hsn: row.hsn, rate: row.rate / 100 }),
    vouchers,
    states,
    h,
    t,
  );

/**
 * GSTR-1 as a workbook: the sections' totals (the ones with amounts; their total is the month's outward
 * supplies), then a sheet per section with its vouchers (gathered first: `gatherGstr1Vouchers`), the HSN
 * summary and the documents issued. A section left out of `vouchers` has no sheet (a print needs none).
 */
export function gstr1Workbook(
  answer: Gstr1Answer,
  vouchers: Gstr1Vouchers,
  h: Heading,
  t: Translate,
): ExportSheet<Gstr1SectionView> {
  const { view } = answer;
  const amounted = view.sections.filter((s) => AMOUNT_SECTIONS.includes(s.section));
  return {
    title: 'GSTR-1',
    company: h.company,
    period: h.period,
    notes: [
      ...notesOf(h, t),
      t('gst.counts', {
        included: answer.counts.included,
        cancelled: answer.counts.cancelled,
        uncertain: answer.counts.uncertain,
      }),
    ],
    columns: [
      { header: t('gst.section'), kind: 'text', value: (s) => sectionCode(s.section) },
      { header: t('gst.description'), kind: 'text', value: (s) => t(`gst.sections.${s.section}`) },
      { header: t('gst.vouchers'), kind: 'number', value: (s) => s.count, total: 'sum' },
      ...amountColumns<Gstr1SectionView>(t, (s) => s),
    ],
    rows: amounted,
    totals: { label: t('common.total') },
    more: [
      ...amounted.flatMap((s) => {
        const rows = vouchers.get(s.section as VoucherSection);
        return rows && rows.length > 0
          ? [sectionVouchersSheet(s, rows, view.states, h, t) as ExportSheet<unknown>]
          : [];
      }),
      hsnSheet(view.hsn, h, t) as ExportSheet<unknown>,
      documentsSheet(view.documents, h, t) as ExportSheet<unknown>,
    ],
    print: { orientation: 'landscape' },
  };
}
