import { openStore, type Store } from '../../../electron/core/db/store';
import { readGstBooks } from '../../../electron/core/gst/documents';
import { buildGstr1 } from '../../../electron/core/gst/gstr1';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { ledger, TINY, voucher } from '../db/fixtures';
import { goaBuyer, ledgerGst } from './builders';

/** The books' inward documents read back from the store (gst/documents.ts), hand-checked. */
let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

it('a purchase of capital goods (Fixed Assets ledger with GST details) is an inward supply with its tax', () => {
  const writer = store.beginCompanyWrite(TINY, 'replace');
  writer.putGroups(predefinedGroups((id) => `g-${id}`, 1));
  writer.putVoucherTypes([
    { guid: 'vt-p', name: 'Purchase', parent: 'Purchase', autoNumbered: false, alterId: 1 },
  ]);
  writer.putLedgers([
    ledger('L-SUP', 'Infotech Traders', 'Sundry Creditors', {
      gstin: '29AACCB4321M1ZM',
      state: 'Karnataka',
      gst: ledgerGst({ registration: 'regular' }),
    }),
    ledger('L-COMP', 'Computers', 'Fixed Assets', {
      gst: ledgerGst({ taxability: 'taxable', rate: 1800, hsn: '8471' }),
    }),
    ledger('L-IGST', 'Input IGST', 'Duties & Taxes', { gst: ledgerGst({ dutyHead: 'igst' }) }),
  ]);
  writer.putVouchers([
    voucher(
      'V-CAP',
      '2025-04-18',
      'Purchase',
      'P/7',
      [
        { ledgerGuid: 'L-COMP', ledgerName: 'Computers', amount: 1_00_000_00, bills: [] },
        { ledgerGuid: 'L-IGST', ledgerName: 'Input IGST', amount: 18_000_00, bills: [] },
        { ledgerGuid: 'L-SUP', ledgerName: 'Infotech Traders', amount: -1_18_000_00, bills: [] },
      ],
      {
        partyLedgerName: 'Infotech Traders',
        reference: 'IT/2025/118',
        gst: {
          companyGstin: '27AAHFS1234K1Z4',
          partyGstin: null,
          registration: null,
          placeOfSupply: null,
          partyState: null,
          reverseCharge: false,
          referenceDate: '2025-04-16',
        },
      },
    ),
  ]);
  writer.commit(TINY);

  const books = readGstBooks(store.db, store.requireCompany(TINY.guid), {
    from: '2025-04-01',
    to: '2025-04-30',
  });
  expect(books.company).toEqual({ gstin: '27AAHFS1234K1Z4', stateCode: '27' });
  expect(books.outward).toEqual([]);
  expect(books.inwardSupplies).toEqual([
    expect.objectContaining({
      kind: 'invoice',
      interState: true,
      taxable: 1_00_000_00,
      igst: 18_000_00,
      cgst: 0,
    }),
  ]);
  // The supplier's GSTIN and state come from its ledger where the voucher has none.
  expect(books.inwardDocuments).toEqual([
    expect.objectContaining({
      supplierGstin: '29AACCB4321M1ZM',
      number: 'IT/2025/118',
      date: '2025-04-16',
      value: 1_18_000_00,
      placeOfSupply: '29',
      taxable: 1_00_000_00,
      igst: 18_000_00,
    }),
  ]);
});

it("a credit note to an unregistered buyer in another state carries its invoice's value, so it goes to CDNUR when the invoice was B2CL", () => {
  const writer = store.beginCompanyWrite(TINY, 'replace');
  goaBuyer.masters(writer);
  writer.putVouchers([
    // ₹2,00,000 + IGST ₹36,000 = ₹2,36,000: above the B2CL limit (₹1,00,000 from August 2024).
    goaBuyer.invoice(2_00_000_00),
    // A return of ₹10,000 + ₹1,800: on its own below the limit, but its invoice was B2CL.
    goaBuyer.creditNote('2025-04-20'),
  ]);
  writer.commit(TINY);

  const period = { from: '2025-04-01', to: '2025-04-30' };
  const books = readGstBooks(store.db, store.requireCompany(TINY.guid), period);
  expect(books.outward.map((d) => [d.number, d.kind, d.value, d.originalInvoiceValue])).toEqual([
    ['S/50', 'invoice', 2_36_000_00, null],
    ['CN/5', 'credit-note', 11_800_00, 2_36_000_00],
  ]);
  const gstr1 = buildGstr1(books.company, period, books.outward);
  expect(gstr1.b2cl.map((i) => i.number)).toEqual(['S/50']);
  expect(gstr1.cdnur.map((n) => [n.number, n.unregisteredType])).toEqual([['CN/5', 'B2CL']]);
  expect(gstr1.b2cs).toEqual([]);
});
