import type {
  Gstr1Answer,
  Gstr1DocumentSeries,
  Gstr1HsnRow,
  Gstr1SectionName,
  Gstr1SectionView,
  GstVoucherRef,
} from '../../../../../shared/types/gst';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { amountColumns, voucherRefColumns } from './columns';

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

interface Heading {
  company: string;
  gstin: string;
  /** "April 2025" */
  period: string;
}

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

/** One section's vouchers: each row its part of the section, the totals row the section's figure. */
export function sectionVouchersSheet(
  section: Gstr1SectionView,
  states: Record<string, string>,
  h: Heading,
  t: Translate,
): ExportSheet<GstVoucherRef> {
  return {
    // The code alone names the worksheet (Excel keeps 31 characters); the description is under the title.
    title: `GSTR-1 - ${sectionCode(section.section)}`,
    company: h.company,
    period: h.period,
    notes: [...notesOf(h, t), t(`gst.sections.${section.section}`)],
    columns: voucherRefColumns(t, states),
    rows: section.vouchers,
    totals: { label: t('common.total') },
  };
}

/**
 * GSTR-1 as a workbook: the sections' totals (the ones with amounts; their total is the month's outward
 * supplies), then a sheet per section with its vouchers, the HSN summary and the documents issued.
 */
export function gstr1Workbook(answer: Gstr1Answer, h: Heading, t: Translate): ExportSheet<Gstr1SectionView> {
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
      ...amounted
        .filter((s) => s.vouchers.length > 0)
        .map((s) => sectionVouchersSheet(s, view.states, h, t) as ExportSheet<unknown>),
      hsnSheet(view.hsn, h, t) as ExportSheet<unknown>,
      documentsSheet(view.documents, h, t) as ExportSheet<unknown>,
    ],
    print: { orientation: 'landscape' },
  };
}
