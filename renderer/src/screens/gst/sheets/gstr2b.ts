import type {
  GstAmounts,
  Gstr2bBucketName,
  Gstr2bDocumentView,
  Gstr2bRecoAnswer,
  Gstr2bRecoRow,
} from '../../../../../shared/types/gst';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import type { SheetHeading } from './columns';

export const BUCKETS: readonly Gstr2bBucketName[] = ['matched', 'mismatched', 'only-in-2b', 'only-in-books'];

/** The i18n key of a bucket ("only-in-2b" → "gst.reco.buckets.onlyIn2b"). */
export const bucketKey = (bucket: Gstr2bBucketName): string =>
  `gst.reco.buckets.${bucket.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;

const tax = (a: GstAmounts): number => a.igst + a.cgst + a.sgst + a.cess;

/** A document's amounts as they count in the totals: a credit note subtracts (as the core adds them). */
export function signed(d: Gstr2bDocumentView | null): GstAmounts {
  if (d === null) return { taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 };
  const s = d.kind === 'credit-note' ? -1 : 1;
  return { taxable: s * d.taxable, igst: s * d.igst, cgst: s * d.cgst, sgst: s * d.sgst, cess: s * d.cess };
}

interface Heading extends SheetHeading {
  fileName: string;
}

interface BucketRow {
  bucket: Gstr2bBucketName;
  count: number;
  portal: GstAmounts;
  books: GstAmounts;
}

export function bucketSheet(
  bucket: Gstr2bBucketName,
  rows: Gstr2bRecoRow[],
  h: Heading,
  t: Translate,
): ExportSheet<Gstr2bRecoRow> {
  const doc = (r: Gstr2bRecoRow) => r.portal ?? r.books!;
  return {
    title: `GSTR-2B - ${t(bucketKey(bucket))}`,
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin }), t('gst.reco.file', { name: h.fileName })],
    columns: [
      { header: t('gst.reco.supplierGstin'), kind: 'text', value: (r) => doc(r).supplierGstin },
      {
        header: t('gst.reco.supplier'),
        kind: 'text',
        value: (r) => r.books?.supplierName || r.portal?.supplierName || '',
      },
      { header: t('gst.reco.invoiceNo'), kind: 'text', value: (r) => doc(r).number },
      {
        header: `${t('common.date')} (${t('gst.reco.portal')})`,
        kind: 'date',
        value: (r) => r.portal?.date ?? null,
      },
      {
        header: `${t('common.date')} (${t('gst.reco.books')})`,
        kind: 'date',
        value: (r) => r.books?.date ?? null,
      },
      { header: t('gst.reco.portalTaxable'), kind: 'money', value: (r) => signed(r.portal).taxable },
      { header: t('gst.reco.portalTax'), kind: 'money', value: (r) => tax(signed(r.portal)) },
      { header: t('gst.reco.booksTaxable'), kind: 'money', value: (r) => signed(r.books).taxable },
      { header: t('gst.reco.booksTax'), kind: 'money', value: (r) => tax(signed(r.books)) },
      {
        header: t('gst.reco.differs'),
        kind: 'text',
        value: (r) => r.differences.map((f) => t(`gst.reco.fields.${f}`)).join(', '),
      },
    ],
    rows,
    totals: { label: t('common.total') },
  };
}

/**
 * The reconciliation as a workbook: the buckets with their counts and the 2B's and the books' amounts
 * (their totals are the 2B file's and the purchase register's), then one sheet per bucket.
 */
export function gstr2bWorkbook(answer: Gstr2bRecoAnswer, h: Heading, t: Translate): ExportSheet<BucketRow> {
  const rows: BucketRow[] = BUCKETS.map((bucket) => ({ bucket, ...answer.totals[bucket] }));
  return {
    title: t('nav.gstr2b'),
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin }), t('gst.reco.file', { name: h.fileName })],
    columns: [
      { header: t('gst.reco.bucket'), kind: 'text', value: (r) => t(bucketKey(r.bucket)) },
      { header: t('gst.vouchers'), kind: 'number', value: (r) => r.count, total: 'sum' },
      { header: t('gst.reco.portalTaxable'), kind: 'money', value: (r) => r.portal.taxable },
      { header: `${t('gst.igst')} (${t('gst.reco.portal')})`, kind: 'money', value: (r) => r.portal.igst },
      { header: `${t('gst.cgst')} (${t('gst.reco.portal')})`, kind: 'money', value: (r) => r.portal.cgst },
      { header: `${t('gst.sgst')} (${t('gst.reco.portal')})`, kind: 'money', value: (r) => r.portal.sgst },
      { header: `${t('gst.cess')} (${t('gst.reco.portal')})`, kind: 'money', value: (r) => r.portal.cess },
      { header: t('gst.reco.booksTaxable'), kind: 'money', value: (r) => r.books.taxable },
      { header: `${t('gst.igst')} (${t('gst.reco.books')})`, kind: 'money', value: (r) => r.books.igst },
      { header: `${t('gst.cgst')} (${t('gst.reco.books')})`, kind: 'money', value: (r) => r.books.cgst },
      { header: `${t('gst.sgst')} (${t('gst.reco.books')})`, kind: 'money', value: (r) => r.books.sgst },
      { header: `${t('gst.cess')} (${t('gst.reco.books')})`, kind: 'money', value: (r) => r.books.cess },
    ],
    rows,
    totals: { label: t('common.total') },
    more: BUCKETS.map(
      (bucket) =>
        bucketSheet(
          bucket,
          answer.rows.filter((r) => r.bucket === bucket),
          h,
          t,
        ) as ExportSheet<unknown>,
    ),
    print: { orientation: 'landscape' },
  };
}
