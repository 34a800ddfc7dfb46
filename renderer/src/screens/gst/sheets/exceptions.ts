import type {
  GstReturnException,
  GstReturnProblem,
  GstTaxLedgerReco,
  GstTaxLedgerVoucher,
} from '../../../../../shared/types/gst';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import type { SheetHeading } from './columns';

/** The i18n key of a problem ("no-place-of-supply" → "gst.exceptions.problems.noPlaceOfSupply"). */
export const problemKey = (problem: GstReturnProblem): string =>
  `gst.exceptions.problems.${problem.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;

type Heading = SheetHeading;

export function taxLedgerSheet(
  reco: GstTaxLedgerReco,
  h: Heading,
  t: Translate,
): ExportSheet<GstTaxLedgerVoucher> {
  const heads = ['igst', 'cgst', 'sgst', 'cess'] as const;
  return {
    title: t('gst.exceptions.taxLedgers'),
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin }), t('gst.exceptions.taxLedgersIntro')],
    columns: [
      { header: t('common.date'), kind: 'date', value: (v) => v.date },
      { header: t('gst.voucherNo'), kind: 'text', value: (v) => v.number },
      { header: t('gst.voucherType'), kind: 'text', value: (v) => v.voucherType },
      { header: t('gst.party'), kind: 'text', value: (v) => v.partyName },
      ...heads.map((head) => ({
        header: t('gst.exceptions.differenceIn', { head: t(`gst.${head}`) }),
        kind: 'money' as const,
        value: (v: GstTaxLedgerVoucher) => v.difference[head],
      })),
    ],
    rows: reco.vouchers,
    totals: { label: t('common.total') },
  };
}

/** The exceptions to correct in Tally (no amounts), with the tax-ledger differences as a second sheet. */
export function exceptionsWorkbook(
  exceptions: GstReturnException[],
  reco: GstTaxLedgerReco | null,
  h: Heading,
  t: Translate,
): ExportSheet<GstReturnException> {
  return {
    title: t('nav.gstExceptions'),
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin })],
    columns: [
      { header: t('common.date'), kind: 'date', value: (e) => e.date },
      { header: t('gst.voucherNo'), kind: 'text', value: (e) => e.number },
      { header: t('gst.party'), kind: 'text', value: (e) => e.partyName },
      { header: t('gst.exceptions.problem'), kind: 'text', value: (e) => t(problemKey(e.problem)) },
      { header: t('gst.description'), kind: 'text', value: (e) => e.message },
      {
        header: t('gst.exceptions.inReturn'),
        kind: 'text',
        value: (e) => t(e.excluded ? 'gst.exceptions.leftOut' : 'gst.exceptions.kept'),
      },
    ],
    rows: exceptions,
    totals: null,
    more: reco ? [taxLedgerSheet(reco, h, t) as ExportSheet<unknown>] : [],
    print: { orientation: 'landscape' },
  };
}
