import type {
  Gstr3bAnswer,
  Gstr3bFigure,
  Gstr3bFigureId,
  Gstr3bInterStateRow,
  GstAmounts,
  GstFigureRef,
  GstVoucherRef,
} from '../../../../../shared/types/gst';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { amountColumns, placeLabel, voucherListSheet, type SheetHeading } from './columns';
import { gatherFigures, type VouchersPage } from './vouchers';

/** The form's tables in the portal's order, each with its figures. */
export const GSTR3B_TABLES: readonly {
  table: 't31' | 't4A' | 't4B' | 't4C' | 't4D';
  figures: Gstr3bFigureId[];
}[] = [
  { table: 't31', figures: ['3.1a', '3.1b', '3.1c', '3.1d', '3.1e'] },
  { table: 't4A', figures: ['4A1', '4A2', '4A3', '4A4', '4A5'] },
  { table: 't4B', figures: ['4B1', '4B2'] },
  { table: 't4C', figures: ['4C'] },
  { table: 't4D', figures: ['4D1', '4D2'] },
];

/** The i18n key of a figure ("3.1a" → "gst.figures.f31a"). */
export const figureKey = (id: Gstr3bFigureId): string => `gst.figures.f${id.replace('.', '')}`;

/** The form's number of a figure: "3.1(a)", "4(A)(1)", "4(C)", "5". */
export function figureNumber(id: Gstr3bFigureId): string {
  if (id.startsWith('3.1')) return `3.1(${id.slice(3)})`;
  if (id === '4C') return '4(C)';
  if (id.startsWith('4')) return `4(${id[1]})(${id.slice(2)})`;
  return '5';
}

/** The figure of `gst.vouchers` a 3B figure is. */
export const figureRef = (figure: Gstr3bFigureId): GstFigureRef => ({ return: 'gstr3b', figure });

/** The figure of `gst.vouchers` a row of table 3.2 (a place of supply) is. */
export const stateRef = (placeOfSupply: string): GstFigureRef => ({ return: 'gstr3b-state', placeOfSupply });

/** The vouchers behind each figure of the workbook, by figure. */
export type Gstr3bVouchers = ReadonlyMap<Gstr3bFigureId, GstVoucherRef[]>;

/** The vouchers of every figure that has any, page by page: the async step before the pure builder. */
export const gatherGstr3bVouchers = (page: VouchersPage, answer: Gstr3bAnswer): Promise<Gstr3bVouchers> =>
  gatherFigures(
    page,
    answer.view.figures.filter((f) => f.count > 0).map((f) => ({ key: f.id, of: figureRef(f.id) })),
  );

type Heading = SheetHeading;

interface FormRow extends GstAmounts {
  number: string;
  label: string;
}

export const figureVouchersSheet = (
  title: string,
  vouchers: GstVoucherRef[],
  states: Record<string, string>,
  h: Heading,
  t: Translate,
): ExportSheet<GstVoucherRef> => voucherListSheet(`GSTR-3B - ${title}`, null, vouchers, states, h, t);

/**
 * GSTR-3B as a workbook: the form (its figures do not add up across tables, so it has no totals row),
 * table 3.2 by place of supply with its total, and a sheet per figure with the vouchers behind it (gathered
 * first: `gatherGstr3bVouchers`), whose totals row is the figure. A figure left out of `vouchers` has no
 * sheet (a print needs none).
 */
export function gstr3bWorkbook(
  answer: Gstr3bAnswer,
  vouchers: Gstr3bVouchers,
  h: Heading,
  t: Translate,
): ExportSheet<FormRow> {
  const { view } = answer;
  const byId = new Map(view.figures.map((f) => [f.id, f]));
  const row = (f: Gstr3bFigure): FormRow => ({
    number: figureNumber(f.id),
    label: t(figureKey(f.id)),
    taxable: f.taxable,
    igst: f.igst,
    cgst: f.cgst,
    sgst: f.sgst,
    cess: f.cess,
  });
  const rows: FormRow[] = [
    ...GSTR3B_TABLES.flatMap((g) => g.figures.map((id) => row(byId.get(id)!))),
    ...(['5gstInter', '5gstIntra', '5nongstInter', '5nongstIntra'] as const).map((id) => row(byId.get(id)!)),
    {
      number: t('gst.liability'),
      label: t('gst.liability'),
      taxable: 0,
      ...view.liability,
    },
    { number: t('gst.paidByCredit'), label: t('gst.paidByCredit'), taxable: 0, ...view.paidByCredit },
    { number: t('gst.paidInCash'), label: t('gst.paidInCash'), taxable: 0, ...view.paidInCash },
  ];
  const interState: ExportSheet<Gstr3bInterStateRow> = {
    title: `GSTR-3B - ${t('gst.tables.t32')}`,
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin })],
    columns: [
      {
        header: t('gst.placeOfSupply'),
        kind: 'text',
        value: (r) => placeLabel(r.placeOfSupply, view.states),
      },
      { header: t('gst.taxable'), kind: 'money', value: (r) => r.taxable },
      { header: t('gst.igst'), kind: 'money', value: (r) => r.igst },
    ],
    rows: view.interState,
    totals: { label: t('common.total') },
  };
  return {
    title: 'GSTR-3B',
    company: h.company,
    period: h.period,
    notes: [t('gst.gstin', { gstin: h.gstin }), t('gst.blockedNote')],
    columns: [
      { header: t('gst.table'), kind: 'text', value: (r) => r.number },
      { header: t('gst.description'), kind: 'text', value: (r) => r.label },
      ...amountColumns<FormRow>(t, (r) => r),
    ],
    rows,
    totals: null,
    more: [
      interState as ExportSheet<unknown>,
      ...view.figures.flatMap((f) => {
        const rows = vouchers.get(f.id);
        return rows && rows.length > 0
          ? [
              figureVouchersSheet(
                figureNumber(f.id) === '5' ? t(figureKey(f.id)) : figureNumber(f.id),
                rows,
                view.states,
                h,
                t,
              ) as ExportSheet<unknown>,
            ]
          : [];
      }),
    ],
    print: { orientation: 'landscape' },
  };
}
