import type {
  CompanyRecord,
  InventoryEntryRecord,
  LedgerEntryRecord,
  VoucherRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { closingStockOf } from '../../../electron/core/inventory/movements';
import { companyStockAt } from '../../../electron/core/inventory/stock-totals';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import { loadMasters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { stockItemRegister } from '../../../electron/core/reports/stock-item';
import { stockSummary } from '../../../electron/core/reports/stock-summary';
import { ledger, tempDir } from '../db/fixtures';
import { voucherTypes } from '../db/books';

/**
 * Delivery / receipt notes and the invoices tracked to them move stock once (Tally help "Using Tracking
 * Numbers"; docs/TALLY.md "Which lines move stock"). A hand-worked company (paise; quantities in thousandths):
 *
 * Widget (Nos, Avg. Cost): opening 10 Nos at ₹100 = ₹1,000.
 * 05-Apr RN/1  Receipt Note, tracking RN/1:  +10 Nos at ₹110 = ₹1,100   moves (the note)
 * 08-Apr PI/1  Purchase tracked to RN/1:     +10 Nos at ₹120 = ₹1,200   no stock (its note moved it)
 * 10-Apr DN/1  Delivery Note, tracking DN/1: −5 Nos at ₹150               moves
 * 12-Apr SI/1  Sales tracked to DN/1:        −5 Nos at ₹150               no stock
 * 15-Apr SI/2  Sales, "Not Applicable":      −3 Nos at ₹150               moves
 * 20-Apr SI/3  Sales, new tracking number SI/3 (goods to be delivered later, no note yet): −2 Nos   no stock
 *
 * Closing 10 + 10 − 5 − 3 = 12 Nos; average cost (1,000 + 1,100) / 20 = ₹105 → ₹1,260.
 * (Counting every line would give 10 + 10 + 10 − 5 − 5 − 3 − 2 = 15 Nos at (1,000 + 1,100 + 1,200) / 30 =
 * ₹110 → ₹1,650.)
 * P&L Apr: sales 1,500 (SI/1 750 + SI/2 450 + SI/3 300), purchases 1,200; gross profit
 * 1,500 − 1,200 + 1,260 − 1,000 = ₹560.
 */

const GUID = 'track-co-0001';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Tracked Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};
const ledgers = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 10_000_00 }),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -11_000_00 }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-PURCH', 'Purchase', 'Purchase Accounts'),
];
const types = voucherTypes('tt', ['Sales', 'Purchase', 'Delivery Note', 'Receipt Note']);

const line = (quantity: number, rate: number, trackingNumber: string | null): InventoryEntryRecord => ({
  stockItemGuid: 'I-WIDGET',
  stockItemName: 'Widget',
  actualQuantity: quantity,
  billedQuantity: quantity,
  unit: 'Nos',
  rate,
  rateUnit: 'Nos',
  amount: Math.round((quantity * rate) / 1000),
  godown: 'Main Location',
  ...(trackingNumber !== null ? { trackingNumber } : {}),
});
const entry = (guid: string, name: string, amount: number): LedgerEntryRecord => ({
  ledgerGuid: guid,
  ledgerName: name,
  amount,
  bills: [],
});
let alterId = 10;
const v = (guid: string, date: string, voucherType: string, inv: InventoryEntryRecord): VoucherRecord => {
  const total = inv.amount;
  const accounting = voucherType === 'Sales' || voucherType === 'Purchase';
  return {
    guid,
    alterId: alterId++,
    masterId: null,
    date,
    voucherType,
    voucherNumber: guid,
    partyLedgerName: null,
    narration: '',
    reference: null,
    isCancelled: false,
    isOptional: false,
    // Notes post nothing (stored off the books); invoices balance through Cash.
    entries: !accounting
      ? []
      : total < 0
        ? [entry('L-CASH', 'Cash', -total), entry('L-SALES', 'Sales', total)]
        : [entry('L-PURCH', 'Purchase', total), entry('L-CASH', 'Cash', -total)],
    inventory: [inv],
  };
};

const vouchers = [
  v('RN/1', '2025-04-05', 'Receipt Note', line(10_000, 110_00, 'RN/1')),
  v('PI/1', '2025-04-08', 'Purchase', line(10_000, 120_00, 'RN/1')),
  v('DN/1', '2025-04-10', 'Delivery Note', line(-5_000, 150_00, 'DN/1')),
  v('SI/1', '2025-04-12', 'Sales', line(-5_000, 150_00, 'DN/1')),
  v('SI/2', '2025-04-15', 'Sales', line(-3_000, 150_00, null)),
  v('SI/3', '2025-04-20', 'Sales', line(-2_000, 150_00, 'SI/3')),
];

const dir = tempDir('tc-stock-tracking-');
let store: Store;
beforeAll(() => {
  store = openStore(dir.path('store.db'));
  const writer = store.beginCompanyWrite(COMPANY, 'replace');
  writer.putGroups(predefinedGroups((id) => `tg-${id}`, 1));
  writer.putVoucherTypes(types);
  writer.putLedgers(ledgers);
  writer.putStockGroups([]);
  writer.putUnits([
    {
      guid: 'U-NOS',
      name: 'Nos',
      formalName: null,
      decimalPlaces: 0,
      isSimple: true,
      baseUnits: null,
      additionalUnits: null,
      conversion: null,
      alterId: 4,
    },
  ]);
  writer.putGodowns([{ guid: 'GD-MAIN', name: 'Main Location', parent: null, alterId: 2 }]);
  writer.putStockItems([
    {
      guid: 'I-WIDGET',
      name: 'Widget',
      parent: null,
      unit: 'Nos',
      openingQuantity: 10_000,
      openingRate: 100_00,
      openingValue: 1_000_00,
      costingMethod: 'Avg. Cost',
      alterId: 5,
    },
  ]);
  writer.putVouchers(vouchers);
  writer.commit(COMPANY);
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const masters = () => loadMasters(store.db, store.requireCompany(GUID));
const APRIL = { from: '2025-04-01', to: '2025-04-30' };

describe('notes and the invoices tracked to them move stock once', () => {
  it('stores the tracking number of each line', () => {
    const rows = store.db
      .prepare(
        `SELECT v.voucher_number AS n, e.tracking_number AS t FROM inventory_entries e
         JOIN vouchers v ON v.id = e.voucher_id ORDER BY e.date`,
      )
      .all();
    expect(rows).toEqual([
      { n: 'RN/1', t: 'RN/1' },
      { n: 'PI/1', t: 'RN/1' },
      { n: 'DN/1', t: 'DN/1' },
      { n: 'SI/1', t: 'DN/1' },
      { n: 'SI/2', t: null },
      { n: 'SI/3', t: 'SI/3' },
    ]);
  });

  it('valuation: 12 Nos at the receipt note cost, ₹1,260', () => {
    const [widget] = closingStockOf(store.db, GUID, '2025-04-30');
    expect(widget?.closing).toEqual({ quantity: 12_000, value: 1_260_00 });
    expect(companyStockAt(store.db, masters().company.id, '2025-04-30').value).toBe(1_260_00);
  });

  it('stock summary: inwards only the note, outwards the delivery note and the plain invoice', () => {
    const s = stockSummary(store.db, masters(), APRIL);
    const widget = s.rows.find((r) => r.name === 'Widget');
    expect(widget).toMatchObject({
      opening: { quantity: 10_000, value: 1_000_00 },
      inwards: { quantity: 10_000, value: 1_100_00 },
      outwards: { quantity: 8_000 },
      closing: { quantity: 12_000, value: 1_260_00 },
    });
    expect(s.total.closing).toBe(1_260_00);
  });

  it('item register lists the vouchers that moved the item, with the running quantity', () => {
    const r = stockItemRegister(store.db, masters(), { itemGuid: 'I-WIDGET', ...APRIL });
    expect(r.lines.map((l) => [l.voucherNumber, l.inward, l.outward, l.runningQuantity])).toEqual([
      ['RN/1', 10_000, 0, 20_000],
      ['DN/1', 0, 5_000, 15_000],
      ['SI/2', 0, 3_000, 12_000],
    ]);
    expect(r.closing).toMatchObject({ quantity: 12_000, value: 1_260_00 });
  });

  it('P&L closing stock = stock summary closing = balance sheet stock; gross profit ₹560', () => {
    const pl = profitLoss(store.db, masters(), APRIL);
    expect(pl).toMatchObject({ openingStock: 1_000_00, closingStock: 1_260_00, stockComputed: true });
    expect(pl.grossProfit).toBe(560_00);
    const bs = balanceSheet(store.db, masters(), { asOn: '2025-04-30' });
    expect(bs.closingStock).toBe(1_260_00);
    expect(bs.totalAssets).toBe(bs.totalLiabilities);
  });
});
