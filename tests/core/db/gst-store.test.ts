import type { LedgerRecord, VoucherRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { ledger, TINY, tinyLedgers, tinyVouchers, voucher, writeTiny } from './fixtures';

/**
 * Schema v14's rows follow their vouchers and masters: written only for what carries GST, replaced with a
 * voucher in a merge, removed with it, cleared when a master loses its GST details.
 */
let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const count = (table: string): number =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const OUTPUT_IGST = ledger('L-IGST', 'Output IGST', 'Duties & Taxes', {
  gst: {
    registration: null,
    dutyHead: 'igst',
    taxability: null,
    rate: null,
    hsn: null,
    reverseCharge: false,
  },
});
const SALES_18: LedgerRecord = {
  ...tinyLedgers.find((l) => l.guid === 'L-SALES')!,
  gst: {
    registration: null,
    dutyHead: null,
    taxability: 'taxable',
    rate: 1800,
    hsn: '9403',
    reverseCharge: false,
  },
};

const gstSale = (number: string, pos: string): VoucherRecord =>
  voucher(
    'V-GST',
    '2025-04-07',
    'Sales',
    number,
    [
      { ledgerGuid: 'L-A', ledgerName: 'Asha Stores', amount: 1_180_00, bills: [] },
      {
        ledgerGuid: 'L-SALES',
        ledgerName: 'Sales',
        amount: -1_000_00,
        bills: [],
        gst: { hsn: null, taxability: 'taxable', rate: 1800 },
      },
      { ledgerGuid: 'L-IGST', ledgerName: 'Output IGST', amount: -180_00, bills: [] },
    ],
    {
      partyLedgerName: 'Asha Stores',
      gst: {
        companyGstin: '27AAHFS1234K1Z4',
        partyGstin: '29AACCB4321M1ZM',
        registration: 'regular',
        placeOfSupply: pos,
        partyState: pos,
        reverseCharge: false,
        referenceDate: null,
      },
    },
  );

function merge(put: (w: ReturnType<Store['beginCompanyWrite']>) => void): void {
  const writer = store.beginCompanyWrite(TINY, 'merge');
  put(writer);
  writer.commit(TINY);
}

it('stores nothing more for books without GST', () => {
  writeTiny(store);
  expect(count('voucher_gst')).toBe(0);
  expect(count('gst_line_details')).toBe(0);
  expect(store.db.prepare('SELECT count(*) FROM ledgers WHERE gst_duty_head IS NOT NULL').pluck().get()).toBe(
    0,
  );
});

it("writes a voucher's GST header and line, replaces them with the voucher and removes them with it", () => {
  writeTiny(store);
  merge((w) => {
    w.putLedgers([OUTPUT_IGST, SALES_18]);
    w.putVouchers([gstSale('S9', 'Karnataka')]);
  });
  const header = () =>
    store.db.prepare('SELECT place_of_supply AS pos, party_gstin AS gstin FROM voucher_gst').all();
  expect(header()).toEqual([{ pos: 'Karnataka', gstin: '29AACCB4321M1ZM' }]);
  // The line detail points at the Sales entry of that voucher.
  expect(
    store.db
      .prepare(
        `SELECT l.name, d.rate FROM gst_line_details d JOIN entries e ON e.id = d.entry_id
         JOIN ledgers l ON l.id = e.ledger_id`,
      )
      .all(),
  ).toEqual([{ name: 'Sales', rate: 1800 }]);
  expect(store.db.prepare("SELECT gst_duty_head AS head FROM ledgers WHERE guid = 'L-IGST'").get()).toEqual({
    head: 'igst',
  });

  merge((w) => w.putVouchers([gstSale('S9', 'Goa')]));
  expect(header()).toEqual([{ pos: 'Goa', gstin: '29AACCB4321M1ZM' }]);
  expect(count('gst_line_details')).toBe(1);

  merge((w) => w.deleteVouchers(['V-GST']));
  expect(count('voucher_gst')).toBe(0);
  expect(count('gst_line_details')).toBe(0);
});

it('clears a ledger’s GST columns when it comes back without GST details, and a replace write starts clean', () => {
  writeTiny(store);
  merge((w) => w.putLedgers([SALES_18]));
  const sales = () =>
    store.db.prepare("SELECT gst_rate AS rate, hsn FROM ledgers WHERE guid = 'L-SALES'").get();
  expect(sales()).toEqual({ rate: 1800, hsn: '9403' });
  merge((w) => w.putLedgers([tinyLedgers.find((l) => l.guid === 'L-SALES')!]));
  expect(sales()).toEqual({ rate: null, hsn: null });

  merge((w) => {
    w.putLedgers([OUTPUT_IGST, SALES_18]);
    w.putVouchers([gstSale('S9', 'Karnataka')]);
  });
  writeTiny(store, tinyVouchers);
  expect(count('voucher_gst')).toBe(0);
  expect(count('gst_line_details')).toBe(0);
});
