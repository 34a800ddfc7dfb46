import { GST_VOUCHERS_PAGE_LIMIT } from '../../../../../shared/contract/gst';
import type {
  GstAmounts,
  GstFigureRef,
  GstVoucherRef,
  GstVouchersAnswer,
} from '../../../../../shared/types/gst';

/**
 * The vouchers behind a figure for a workbook: `gst.vouchers` answers a page at a time (issue 26), so the
 * workbook's sheets are built from pages gathered here first, and the builders stay pure.
 */

/** One page of `gst.vouchers` for a figure (the screen passes the bridge call, the tests a fake). */
export type VouchersPage = (of: GstFigureRef, offset: number, limit: number) => Promise<GstVouchersAnswer>;

/**
 * Thrown when the pages gathered do not add up to the figure the core states (the books changed between
 * two pages, a sync in between): a workbook whose totals would not be its figures is not written.
 */
export class VouchersChanged extends Error {
  constructor(readonly of: GstFigureRef) {
    super(`The vouchers behind ${JSON.stringify(of)} changed while they were read`);
    this.name = 'VouchersChanged';
  }
}

const HEADS = ['taxable', 'igst', 'cgst', 'sgst', 'cess'] as const;

/** The amounts of some vouchers added up. */
export function sumOfVouchers(rows: readonly GstAmounts[]): GstAmounts {
  const sum: GstAmounts = { taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 };
  for (const row of rows) for (const head of HEADS) sum[head] += row[head];
  return sum;
}

/** Every voucher behind one figure, page by page (pages of `limit`, 5,000 by default: the most one holds). */
export async function gatherVouchers(
  page: VouchersPage,
  of: GstFigureRef,
  limit: number = GST_VOUCHERS_PAGE_LIMIT,
): Promise<GstVoucherRef[]> {
  const rows: GstVoucherRef[] = [];
  let last: GstVouchersAnswer;
  do {
    last = await page(of, rows.length, limit);
    rows.push(...last.rows);
  } while (last.rows.length > 0 && rows.length < last.total);
  // The sheet's totals row is the sum of its rows: it must be the figure, or the file would mislead.
  const sum = sumOfVouchers(rows);
  if (rows.length !== last.total || HEADS.some((h) => sum[h] !== last.sum[h])) throw new VouchersChanged(of);
  return rows;
}

/**
 * The vouchers of several figures, one figure after another (the core answers one request at a time anyway;
 * asking them all at once would only queue them), by the key the workbook looks them up with.
 */
export async function gatherFigures<Key>(
  page: VouchersPage,
  figures: readonly { key: Key; of: GstFigureRef }[],
  limit: number = GST_VOUCHERS_PAGE_LIMIT,
): Promise<Map<Key, GstVoucherRef[]>> {
  const out = new Map<Key, GstVoucherRef[]>();
  for (const f of figures) out.set(f.key, await gatherVouchers(page, f.of, limit));
  return out;
}
