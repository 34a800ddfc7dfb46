import type { GstAmounts, GstTaxHeads, GstVoucherRef } from '../../../../../shared/types/gst';
import type { ExportColumn, ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { monthsOf } from './period';

/**
 * Columns the GST screens and their workbooks share: amounts as numbers (paise, written in rupees), the
 * place of supply as the portal writes it ("27-Maharashtra").
 */

/** "27-Maharashtra" (the portal's way), or the code alone where its name is unknown. */
export const placeLabel = (code: string | null, states: Record<string, string>): string =>
  code === null || code === '' ? '' : states[code] ? `${code}-${states[code]}` : code;

/** Taxable value, IGST, CGST, SGST and cess; every one adds up in the totals row. */
export function amountColumns<Row>(t: Translate, pick: (row: Row) => GstAmounts): ExportColumn<Row>[] {
  return [
    { header: t('gst.taxable'), kind: 'money', value: (r) => pick(r).taxable },
    ...taxColumns<Row>(t, pick),
  ];
}

export function taxColumns<Row>(t: Translate, pick: (row: Row) => GstTaxHeads): ExportColumn<Row>[] {
  return [
    { header: t('gst.igst'), kind: 'money', value: (r) => pick(r).igst },
    { header: t('gst.cgst'), kind: 'money', value: (r) => pick(r).cgst },
    { header: t('gst.sgst'), kind: 'money', value: (r) => pick(r).sgst },
    { header: t('gst.cess'), kind: 'money', value: (r) => pick(r).cess },
  ];
}

/** A voucher behind a figure: date, number, type, party, GSTIN, place of supply, value, then its amounts. */
export function voucherRefColumns(
  t: Translate,
  states: Record<string, string>,
): ExportColumn<GstVoucherRef>[] {
  return [
    { header: t('common.date'), kind: 'date', value: (v) => v.date },
    { header: t('gst.voucherNo'), kind: 'text', value: (v) => v.number },
    { header: t('gst.voucherType'), kind: 'text', value: (v) => v.voucherType },
    { header: t('gst.party'), kind: 'text', value: (v) => v.partyName },
    { header: t('gst.partyGstin'), kind: 'text', value: (v) => v.partyGstin ?? '' },
    { header: t('gst.placeOfSupply'), kind: 'text', value: (v) => placeLabel(v.placeOfSupply, states) },
    { header: t('gst.value'), kind: 'money', value: (v) => v.value },
    ...amountColumns<GstVoucherRef>(t, (v) => v),
  ];
}

/**
 * The file a return's JSON is saved as: GSTR1_<GSTIN>_<MMYYYY>.json (the portal takes any name on upload;
 * this one says return, GSTIN and period, as Tally's own export names its files). MMYYYY is the portal's
 * `fp`: a quarter's return goes by its last month (2025-Q1 → 062025).
 */
export function returnFileName(form: 'GSTR1' | 'GSTR3B', gstin: string, period: string): string {
  const month = monthsOf(period).last;
  return `${form}_${gstin}_${month.slice(5, 7)}${month.slice(0, 4)}.json`;
}

/** What every GST sheet's title rows say: the company, its GSTIN and the return period ("April 2025"). */
export interface SheetHeading {
  company: string;
  gstin: string;
  period: string;
}

/**
 * The vouchers behind one figure as a sheet: each row its part of the figure, the totals row the figure;
 * `note` says which figure (under the title, as Excel keeps 31 characters of a worksheet's name).
 */
export function voucherListSheet(
  title: string,
  note: string | null,
  vouchers: GstVoucherRef[],
  states: Record<string, string>,
  h: SheetHeading,
  t: Translate,
): ExportSheet<GstVoucherRef> {
  return {
    title,
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin }), ...(note === null ? [] : [note])],
    columns: voucherRefColumns(t, states),
    rows: vouchers,
    totals: { label: t('common.total') },
  };
}
