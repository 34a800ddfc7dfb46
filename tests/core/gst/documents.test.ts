import type { LedgerGstRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { readGstBooks } from '../../../electron/core/gst/documents';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { ledger, TINY, voucher } from '../db/fixtures';

/** The books' inward documents read back from the store (gst/documents.ts), hand-checked. */
let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const gst = (extra: Partial<LedgerGstRecord>): LedgerGstRecord => ({
  registration: null,
  dutyHead: null,
  hsn: null,
  taxability: null,
  rate: null,
  reverseCharge: false,
  ...extra,
});

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
      gst: gst({ registration: 'regular' }),
    }),
    ledger('L-COMP', 'Computers', 'Fixed Assets', {
      gst: gst({ taxability: 'taxable', rate: 1800, hsn: '8471' }),
    }),
    ledger('L-IGST', 'Input IGST', 'Duties & Taxes', { gst: gst({ dutyHead: 'igst' }) }),
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
