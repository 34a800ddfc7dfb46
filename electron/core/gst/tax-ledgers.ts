import type { IsoDate } from '../../../shared/dates';
import type { GstTaxHeads, GstTaxLedgerReco, GstTaxLedgerVoucher } from '../../../shared/types/gst';
import type { GstBooks, TaxLedgerEntry } from './documents';
import type { Gstr1 } from './gstr1';
import { itcEntries, type InwardSupply, type ItcAdjustment } from './gstr3b';
import type { GstDocument } from './model';

/** localeCompare's order, one collator for the whole sort. */
const byText = new Intl.Collator().compare;

/**
 * The GST tax ledgers' movements of a period against the tax the returns carry, voucher by voucher, as
 * Tally's GST reports list the vouchers whose tax does not reach the return. Both credit-positive: output
 * tax charged (GSTR-1, 3.1) is positive, input tax credit taken (3B table 4) negative; a credit note turns
 * the sign. For each voucher:
 * - in the books: its entries in ledgers with a GST duty head (any voucher type: a journal moving tax is
 *   listed too);
 * - in the returns: an outward document in GSTR-1 its lines' tax; an inward supply or an adjustment journal
 *   its credit in 4(A) (−) less what 4(B) reverses (+), plus a purchase's tax as a reverse-charge liability
 *   (+); anything else (a document left out as uncertain, another journal) nothing. 4(D) is shown only.
 * A voucher is listed when the two differ; the listed differences add up to the total difference.
 */
const HEADS = ['igst', 'cgst', 'sgst', 'cess'] as const;
const none = (): GstTaxHeads => ({ igst: 0, cgst: 0, sgst: 0, cess: 0 });

/** The tax each voucher carries into the returns, credit-positive, by voucher GUID. */
export function returnsTaxByVoucher(
  gstr1: Gstr1,
  outward: readonly GstDocument[],
  inward: readonly InwardSupply[],
  adjustments: readonly ItcAdjustment[] = [],
): Map<string, GstTaxHeads> {
  const out = new Map<string, GstTaxHeads>();
  const add = (guid: string, heads: GstTaxHeads, sign: number): void => {
    const into = out.get(guid) ?? none();
    for (const h of HEADS) into[h] += sign * heads[h];
    out.set(guid, into);
  };
  const excluded = new Set(gstr1.exceptions.filter((e) => e.excluded).map((e) => e.voucherGuid));
  for (const doc of outward) {
    if (doc.cancelled || excluded.has(doc.voucherGuid)) continue;
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    for (const line of doc.lines) if (line.taxability === 'taxable') add(doc.voucherGuid, line, sign);
  }
  for (const entry of itcEntries(inward, adjustments)) {
    if (entry.figure.startsWith('4A')) add(entry.voucherGuid, entry, -1);
    else if (entry.figure.startsWith('4B')) add(entry.voucherGuid, entry, 1);
  }
  for (const doc of inward) {
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    if (doc.reverseCharge) add(doc.voucherGuid, doc, sign);
  }
  return out;
}

export function reconcileTaxLedgers(
  entries: readonly TaxLedgerEntry[],
  returns: ReadonlyMap<string, GstTaxHeads>,
  describe: (guid: string) => Pick<GstTaxLedgerVoucher, 'voucherType' | 'number' | 'date' | 'partyName'>,
): GstTaxLedgerReco {
  const books = new Map<string, { heads: GstTaxHeads; entry: TaxLedgerEntry }>();
  for (const e of entries) {
    const row = books.get(e.guid) ?? { heads: none(), entry: e };
    row.heads[e.head] += e.amount;
    books.set(e.guid, row);
  }
  const total = { ledgers: none(), returns: none(), difference: none() };
  const vouchers: GstTaxLedgerVoucher[] = [];
  for (const guid of new Set([...books.keys(), ...returns.keys()])) {
    const ledgers = books.get(guid)?.heads ?? none();
    const returned = returns.get(guid) ?? none();
    const difference = none();
    for (const h of HEADS) {
      difference[h] = ledgers[h] - returned[h];
      total.ledgers[h] += ledgers[h];
      total.returns[h] += returned[h];
      total.difference[h] += difference[h];
    }
    if (HEADS.every((h) => difference[h] === 0)) continue;
    const entry = books.get(guid)?.entry;
    const about = entry
      ? { voucherType: entry.voucherType, number: entry.number, date: entry.date, partyName: entry.partyName }
      : describe(guid);
    vouchers.push({ voucherGuid: guid, ...about, ledgers, returns: returned, difference });
  }
  vouchers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byText(a.number, b.number)));
  return { ...total, vouchers };
}

/**
 * The period's GST tax ledgers against the tax its returns carry, for books read whole (readGstBooks with
 * every document): a voucher the ledgers do not name is described from its document.
 */
export function reconcileBooksTaxLedgers(books: GstBooks, gstr1: Gstr1, from: IsoDate): GstTaxLedgerReco {
  const outwardByGuid = new Map(books.outward.map((d) => [d.voucherGuid, d]));
  const inwardByGuid = new Map(books.inwardSupplies.map((d) => [d.voucherGuid, d]));
  return reconcileTaxLedgers(
    books.taxLedgerEntries,
    returnsTaxByVoucher(gstr1, books.outward, books.inwardSupplies, books.adjustments),
    (guid) => {
      const doc = outwardByGuid.get(guid);
      const ref = books.inwardRefs.get(guid);
      return {
        voucherType: doc?.voucherType ?? ref?.voucherType ?? '',
        number: doc?.number ?? ref?.number ?? '',
        date: doc?.date ?? inwardByGuid.get(guid)?.date ?? from,
        partyName: doc?.partyName ?? ref?.partyName ?? '',
      };
    },
  );
}
