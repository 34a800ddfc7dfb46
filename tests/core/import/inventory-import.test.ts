import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../electron/core/db/store';
import { importFiles } from '../../../electron/core/import/file-import';
import { closingStockOf } from '../../../electron/core/inventory/movements';
import { createProgressTracker } from '../../../electron/core/sync/progress';

/**
 * A small trading company with stock, exported from Tally the way real exports look (UTF-16LE with BOM,
 * CRLF, `<PARENT/>` for primary groups, `&#4; Not Applicable`, empty .LIST elements, quantities as
 * " 10.250 Kgs", rates as "140.00/Kgs", Tally-signed amounts: debit negative). Written by hand; every
 * figure below is worked out from it.
 */
const C = 'c0ffee00-0000-4000-8000-00000000570c';
const g = (n: number): string => `${C}-${n.toString(16).padStart(8, '0')}`;
const head = (report: string): string =>
  `<ENVELOPE>\n <HEADER>\n  <TALLYREQUEST>Import Data</TALLYREQUEST>\n </HEADER>\n <BODY>\n  <IMPORTDATA>\n   <REQUESTDESC>\n` +
  `    <REPORTNAME>${report}</REPORTNAME>\n    <STATICVARIABLES>\n     <SVCURRENTCOMPANY>Anand Kirana &amp; Co</SVCURRENTCOMPANY>\n` +
  `    </STATICVARIABLES>\n   </REQUESTDESC>\n   <REQUESTDATA>\n`;
const tail = `   </REQUESTDATA>\n  </IMPORTDATA>\n </BODY>\n</ENVELOPE>\n`;
const msg = (inner: string): string =>
  `    <TALLYMESSAGE xmlns:UDF="TallyUDF">\n${inner}\n    </TALLYMESSAGE>\n`;

const group = (id: number, name: string, parent: string | null, revenue: boolean, debit: boolean): string =>
  msg(`     <GROUP NAME="${name}" RESERVEDNAME="${name}">
      <GUID>${g(id)}</GUID>
      ${parent === null ? '<PARENT/>' : `<PARENT>${parent}</PARENT>`}
      <ISREVENUE>${revenue ? 'Yes' : 'No'}</ISREVENUE>
      <AFFECTSGROSSPROFIT>${revenue ? 'Yes' : 'No'}</AFFECTSGROSSPROFIT>
      <ISDEEMEDPOSITIVE>${debit ? 'Yes' : 'No'}</ISDEEMEDPOSITIVE>
      <ALTERID> ${id}</ALTERID>
     </GROUP>`);
const ledger = (id: number, name: string, parent: string, opening: string, closing = ''): string =>
  msg(`     <LEDGER NAME="${name}" RESERVEDNAME="">
      <GUID>${g(id)}</GUID>
      <PARENT>${parent}</PARENT>
      <OPENINGBALANCE>${opening}</OPENINGBALANCE>
      <ISBILLWISEON>No</ISBILLWISEON>
      <ALTERID> ${id}</ALTERID>
      <LANGUAGENAME.LIST>
       <NAME.LIST TYPE="String">
        <NAME>${name}</NAME>
       </NAME.LIST>
      </LANGUAGENAME.LIST>
      ${closing || '<LEDGERCLOSINGVALUES.LIST>      </LEDGERCLOSINGVALUES.LIST>'}
     </LEDGER>`);
const type = (id: number, name: string): string =>
  msg(`     <VOUCHERTYPE NAME="${name}" RESERVEDNAME="${name}">
      <GUID>${g(id)}</GUID>
      <PARENT>${name}</PARENT>
      <NUMBERINGMETHOD>Manual</NUMBERINGMETHOD>
      <ALTERID> ${id}</ALTERID>
     </VOUCHERTYPE>`);

const MASTERS =
  head('All Masters') +
  group(1, 'Current Assets', null, false, true) +
  group(2, 'Cash-in-Hand', 'Current Assets', false, true) +
  group(3, 'Stock-in-Hand', 'Current Assets', false, true) +
  group(4, 'Sales Accounts', null, true, false) +
  group(5, 'Purchase Accounts', null, true, true) +
  group(6, 'Capital Account', null, false, false) +
  ledger(10, 'Cash', 'Cash-in-Hand', '-5000.00') +
  ledger(11, 'Sales', 'Sales Accounts', '0') +
  ledger(12, 'Purchase', 'Purchase Accounts', '0') +
  ledger(13, 'Capital', 'Capital Account', '5000.00') +
  ledger(
    14,
    'Closing Stock',
    'Stock-in-Hand',
    '0',
    `<LEDGERCLOSINGVALUES.LIST>
       <DATE>20250430</DATE>
       <AMOUNT>-12345.60</AMOUNT>
      </LEDGERCLOSINGVALUES.LIST>
      <LEDGERCLOSINGVALUES.LIST>      </LEDGERCLOSINGVALUES.LIST>`,
  ) +
  type(20, 'Sales') +
  type(21, 'Purchase') +
  type(22, 'Delivery Note') +
  msg(`     <STOCKGROUP NAME="Grains" RESERVEDNAME="">
      <GUID>${g(30)}</GUID>
      <PARENT/>
      <ALTERID> 30</ALTERID>
     </STOCKGROUP>`) +
  msg(`     <STOCKGROUP NAME="Pulses" RESERVEDNAME="">
      <GUID>${g(31)}</GUID>
      <PARENT>Grains</PARENT>
      <ALTERID> 31</ALTERID>
     </STOCKGROUP>`) +
  msg(`     <UNIT NAME="Nos" RESERVEDNAME="">
      <NAME>Nos</NAME>
      <GUID>${g(40)}</GUID>
      <ORIGINALNAME>Numbers</ORIGINALNAME>
      <BASEUNITS/>
      <ADDITIONALUNITS/>
      <ISSIMPLEUNIT>Yes</ISSIMPLEUNIT>
      <CONVERSION> 0</CONVERSION>
      <DECIMALPLACES> 0</DECIMALPLACES>
      <ALTERID> 40</ALTERID>
     </UNIT>`) +
  msg(`     <UNIT NAME="Kgs" RESERVEDNAME="">
      <NAME>Kgs</NAME>
      <GUID>${g(41)}</GUID>
      <ORIGINALNAME>Kilograms</ORIGINALNAME>
      <ISSIMPLEUNIT>Yes</ISSIMPLEUNIT>
      <DECIMALPLACES> 3</DECIMALPLACES>
      <ALTERID> 41</ALTERID>
     </UNIT>`) +
  msg(`     <UNIT NAME="Bag" RESERVEDNAME="">
      <NAME>Bag</NAME>
      <GUID>${g(42)}</GUID>
      <ISSIMPLEUNIT>No</ISSIMPLEUNIT>
      <BASEUNITS>Bag</BASEUNITS>
      <ADDITIONALUNITS>Kgs</ADDITIONALUNITS>
      <CONVERSION> 25</CONVERSION>
      <DECIMALPLACES> 0</DECIMALPLACES>
      <ALTERID> 42</ALTERID>
     </UNIT>`) +
  msg(`     <GODOWN NAME="Main Location" RESERVEDNAME="">
      <GUID>${g(50)}</GUID>
      <PARENT/>
      <ALTERID> 50</ALTERID>
     </GODOWN>`) +
  msg(`     <GODOWN NAME="Back Store" RESERVEDNAME="">
      <GUID>${g(51)}</GUID>
      <PARENT>&#4; Primary</PARENT>
      <ALTERID> 51</ALTERID>
     </GODOWN>`) +
  msg(`     <STOCKITEM NAME="Toor Dal" RESERVEDNAME="">
      <GUID>${g(60)}</GUID>
      <PARENT>Pulses</PARENT>
      <CATEGORY>&#4; Not Applicable</CATEGORY>
      <GSTAPPLICABLE>&#4; Applicable</GSTAPPLICABLE>
      <COSTINGMETHOD>Avg. Cost</COSTINGMETHOD>
      <VALUATIONMETHOD>Avg. Price</VALUATIONMETHOD>
      <BASEUNITS>Kgs</BASEUNITS>
      <ADDITIONALUNITS>&#4; Not Applicable</ADDITIONALUNITS>
      <ALTERID> 60</ALTERID>
      <OPENINGBALANCE> 100.500 Kgs</OPENINGBALANCE>
      <OPENINGVALUE>-9547.50</OPENINGVALUE>
      <OPENINGRATE>95.00/Kgs</OPENINGRATE>
      <BATCHALLOCATIONS.LIST>
       <GODOWNNAME>Main Location</GODOWNNAME>
       <BATCHNAME>Primary Batch</BATCHNAME>
       <OPENINGBALANCE> 100.500 Kgs</OPENINGBALANCE>
       <OPENINGVALUE>-9547.50</OPENINGVALUE>
       <OPENINGRATE>95.00/Kgs</OPENINGRATE>
      </BATCHALLOCATIONS.LIST>
     </STOCKITEM>`) +
  msg(`     <STOCKITEM NAME="Rice Bag" RESERVEDNAME="">
      <GUID>${g(61)}</GUID>
      <PARENT>Grains</PARENT>
      <COSTINGMETHOD>FIFO</COSTINGMETHOD>
      <BASEUNITS>Nos</BASEUNITS>
      <ALTERID> 61</ALTERID>
      <OPENINGBALANCE> 10 Nos</OPENINGBALANCE>
      <OPENINGVALUE>-18500.00</OPENINGVALUE>
      <OPENINGRATE>1850.00/Nos</OPENINGRATE>
     </STOCKITEM>`) +
  tail;

const DAY_BOOK =
  head('Vouchers') +
  // A purchase invoice: the purchase ledger line inside the inventory line, the cash line in LEDGERENTRIES.
  msg(`     <VOUCHER REMOTEID="${g(100)}" VCHTYPE="Purchase" ACTION="Create" OBJVIEW="Invoice Voucher View">
      <DATE>20250402</DATE>
      <GUID>${g(100)}</GUID>
      <VOUCHERTYPENAME>Purchase</VOUCHERTYPENAME>
      <VOUCHERNUMBER>P/1</VOUCHERNUMBER>
      <PARTYLEDGERNAME>Cash</PARTYLEDGERNAME>
      <ISINVOICE>Yes</ISINVOICE>
      <ALTERID> 100</ALTERID>
      <ALLINVENTORYENTRIES.LIST>
       <STOCKITEMNAME>Toor Dal</STOCKITEMNAME>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <RATE>100.00/Kgs</RATE>
       <AMOUNT>-5000.00</AMOUNT>
       <ACTUALQTY> 50 Kgs</ACTUALQTY>
       <BILLEDQTY> 50 Kgs</BILLEDQTY>
       <BATCHALLOCATIONS.LIST>
        <GODOWNNAME>Main Location</GODOWNNAME>
        <BATCHNAME>Primary Batch</BATCHNAME>
        <AMOUNT>-5000.00</AMOUNT>
        <ACTUALQTY> 50 Kgs</ACTUALQTY>
        <BILLEDQTY> 50 Kgs</BILLEDQTY>
       </BATCHALLOCATIONS.LIST>
       <ACCOUNTINGALLOCATIONS.LIST>
        <LEDGERNAME>Purchase</LEDGERNAME>
        <GSTCLASS>&#4; Not Applicable</GSTCLASS>
        <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
        <AMOUNT>-5000.00</AMOUNT>
       </ACCOUNTINGALLOCATIONS.LIST>
      </ALLINVENTORYENTRIES.LIST>
      <LEDGERENTRIES.LIST>
       <LEDGERNAME>Cash</LEDGERNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <AMOUNT>5000.00</AMOUNT>
      </LEDGERENTRIES.LIST>
     </VOUCHER>`) +
  // A sales invoice of two items, one spread over two godowns; its plain INVENTORYENTRIES.LIST repeats a
  // line (the ALL… list is read, never both).
  msg(`     <VOUCHER REMOTEID="${g(101)}" VCHTYPE="Sales" ACTION="Create" OBJVIEW="Invoice Voucher View">
      <DATE>20250405</DATE>
      <GUID>${g(101)}</GUID>
      <VOUCHERTYPENAME>Sales</VOUCHERTYPENAME>
      <VOUCHERNUMBER>S/1</VOUCHERNUMBER>
      <PARTYLEDGERNAME>Cash</PARTYLEDGERNAME>
      <ALTERID> 101</ALTERID>
      <ALLINVENTORYENTRIES.LIST>
       <STOCKITEMNAME>Rice Bag</STOCKITEMNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <RATE>2500.00/Nos</RATE>
       <AMOUNT>2500.00</AMOUNT>
       <ACTUALQTY> 1 Nos</ACTUALQTY>
       <BILLEDQTY> 1 Nos</BILLEDQTY>
       <BATCHALLOCATIONS.LIST>
        <GODOWNNAME>Main Location</GODOWNNAME>
        <AMOUNT>2500.00</AMOUNT>
        <ACTUALQTY> 1 Nos</ACTUALQTY>
        <BILLEDQTY> 1 Nos</BILLEDQTY>
       </BATCHALLOCATIONS.LIST>
       <ACCOUNTINGALLOCATIONS.LIST>
        <LEDGERNAME>Sales</LEDGERNAME>
        <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
        <AMOUNT>2500.00</AMOUNT>
       </ACCOUNTINGALLOCATIONS.LIST>
      </ALLINVENTORYENTRIES.LIST>
      <ALLINVENTORYENTRIES.LIST>
       <STOCKITEMNAME>Toor Dal</STOCKITEMNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <RATE>140.00/Kgs</RATE>
       <AMOUNT>1435.00</AMOUNT>
       <ACTUALQTY> 10.250 Kgs</ACTUALQTY>
       <BILLEDQTY> 10.250 Kgs</BILLEDQTY>
       <BATCHALLOCATIONS.LIST>
        <GODOWNNAME>Main Location</GODOWNNAME>
        <AMOUNT>840.00</AMOUNT>
        <ACTUALQTY> 6 Kgs</ACTUALQTY>
        <BILLEDQTY> 6 Kgs</BILLEDQTY>
       </BATCHALLOCATIONS.LIST>
       <BATCHALLOCATIONS.LIST>
        <GODOWNNAME>Back Store</GODOWNNAME>
        <AMOUNT>595.00</AMOUNT>
        <ACTUALQTY> 4.250 Kgs</ACTUALQTY>
        <BILLEDQTY> 4.250 Kgs</BILLEDQTY>
       </BATCHALLOCATIONS.LIST>
       <ACCOUNTINGALLOCATIONS.LIST>
        <LEDGERNAME>Sales</LEDGERNAME>
        <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
        <AMOUNT>1435.00</AMOUNT>
       </ACCOUNTINGALLOCATIONS.LIST>
      </ALLINVENTORYENTRIES.LIST>
      <INVENTORYENTRIES.LIST>
       <STOCKITEMNAME>Rice Bag</STOCKITEMNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <AMOUNT>2500.00</AMOUNT>
       <ACTUALQTY> 1 Nos</ACTUALQTY>
      </INVENTORYENTRIES.LIST>
      <LEDGERENTRIES.LIST>
       <LEDGERNAME>Cash</LEDGERNAME>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <AMOUNT>-3935.00</AMOUNT>
      </LEDGERENTRIES.LIST>
     </VOUCHER>`) +
  // A delivery note: stock goes out, the books do not move; only the plain list, no ledger lines.
  msg(`     <VOUCHER REMOTEID="${g(102)}" VCHTYPE="Delivery Note" ACTION="Create">
      <DATE>20250410</DATE>
      <GUID>${g(102)}</GUID>
      <VOUCHERTYPENAME>Delivery Note</VOUCHERTYPENAME>
      <VOUCHERNUMBER>DN/1</VOUCHERNUMBER>
      <ALTERID> 102</ALTERID>
      <ALLINVENTORYENTRIES.LIST>      </ALLINVENTORYENTRIES.LIST>
      <INVENTORYENTRIES.LIST>
       <STOCKITEMNAME>Rice Bag</STOCKITEMNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <RATE>2500.00/Nos</RATE>
       <AMOUNT>5000.00</AMOUNT>
       <ACTUALQTY> 2 Nos</ACTUALQTY>
       <BILLEDQTY> 2 Nos</BILLEDQTY>
       <BATCHALLOCATIONS.LIST>
        <GODOWNNAME>Back Store</GODOWNNAME>
        <AMOUNT>5000.00</AMOUNT>
        <ACTUALQTY> 2 Nos</ACTUALQTY>
       </BATCHALLOCATIONS.LIST>
      </INVENTORYENTRIES.LIST>
     </VOUCHER>`) +
  tail;

const utf16WithBom = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-stock-'));
  store = openStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = <T>(sql: string, ...args: unknown[]): T[] => store.db.prepare(sql).all(...args) as T[];

async function importBoth(): Promise<void> {
  const masters = join(dir, 'Masters.xml');
  const daybook = join(dir, 'DayBook.xml');
  writeFileSync(masters, utf16WithBom(MASTERS));
  writeFileSync(daybook, utf16WithBom(DAY_BOOK));
  await importFiles({
    store,
    paths: [daybook, masters],
    runId: 'imp',
    now: () => 0,
    progress: createProgressTracker({ runId: 'imp', now: () => 0, emit: () => undefined }),
  });
}

describe('import of a company with stock', () => {
  it('stores stock groups, units, godowns and items with their openings exactly', async () => {
    await importBoth();
    expect(
      q('SELECT name, parent_name AS parent, alter_id AS alterId FROM stock_groups ORDER BY name'),
    ).toEqual([
      { name: 'Grains', parent: null, alterId: 30 },
      { name: 'Pulses', parent: 'Grains', alterId: 31 },
    ]);
    expect(
      q(`SELECT name, formal_name AS formal, decimal_places AS places, is_simple AS simple, base_units AS base,
           additional_units AS additional, conversion FROM units ORDER BY name`),
    ).toEqual([
      { name: 'Bag', formal: null, places: 0, simple: 0, base: 'Bag', additional: 'Kgs', conversion: 25_000 },
      {
        name: 'Kgs',
        formal: 'Kilograms',
        places: 3,
        simple: 1,
        base: null,
        additional: null,
        conversion: null,
      },
      {
        name: 'Nos',
        formal: 'Numbers',
        places: 0,
        simple: 1,
        base: null,
        additional: null,
        conversion: null,
      },
    ]);
    expect(q('SELECT name, parent_name AS parent FROM godowns ORDER BY name')).toEqual([
      { name: 'Back Store', parent: null },
      { name: 'Main Location', parent: null },
    ]);
    expect(
      q(`SELECT guid, name, group_name AS "group", unit, opening_quantity AS qty, opening_rate AS rate,
           opening_value AS value, costing_method AS method FROM stock_items ORDER BY name`),
    ).toEqual([
      // 10 Nos at ₹1,850: ₹18,500 of stock, a debit (Tally wrote -18500.00).
      {
        guid: g(61),
        name: 'Rice Bag',
        group: 'Grains',
        unit: 'Nos',
        qty: 10_000,
        rate: 1_850_00,
        value: 18_500_00,
        method: 'FIFO',
      },
      // 100.500 Kgs at ₹95 = ₹9,547.50.
      {
        guid: g(60),
        name: 'Toor Dal',
        group: 'Pulses',
        unit: 'Kgs',
        qty: 100_500,
        rate: 95_00,
        value: 9_547_50,
        method: 'Avg. Cost',
      },
    ]);
    // Dated closing values of the Stock-in-Hand ledger: ₹12,345.60 debit; the empty list is no value.
    expect(q('SELECT ledger_guid AS ledger, date, amount FROM ledger_closing_values')).toEqual([
      { ledger: g(14), date: '2025-04-30', amount: 12_345_60 },
    ]);
  });

  it('stores each voucher’s inventory lines (ALL… list when present), its ledger lines once', async () => {
    await importBoth();
    expect(
      q(`SELECT v.voucher_number AS voucher, coalesce(i.name, e.item_name) AS item, e.actual_quantity AS actual,
           e.billed_quantity AS billed, e.unit, e.rate, e.rate_unit AS rateUnit, e.amount, e.godown, e.date
         FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id
         LEFT JOIN stock_items i ON i.id = e.item_id ORDER BY e.id`),
    ).toEqual([
      {
        voucher: 'P/1',
        item: 'Toor Dal',
        actual: 50_000,
        billed: 50_000,
        unit: 'Kgs',
        rate: 100_00,
        rateUnit: 'Kgs',
        amount: 5_000_00,
        godown: 'Main Location',
        date: '2025-04-02',
      },
      {
        voucher: 'S/1',
        item: 'Rice Bag',
        actual: -1_000,
        billed: -1_000,
        unit: 'Nos',
        rate: 2_500_00,
        rateUnit: 'Nos',
        amount: -2_500_00,
        godown: 'Main Location',
        date: '2025-04-05',
      },
      // 10.250 Kgs over two godowns: one row each, adding up to the line (−₹1,435.00).
      {
        voucher: 'S/1',
        item: 'Toor Dal',
        actual: -6_000,
        billed: -6_000,
        unit: 'Kgs',
        rate: 140_00,
        rateUnit: 'Kgs',
        amount: -840_00,
        godown: 'Main Location',
        date: '2025-04-05',
      },
      {
        voucher: 'S/1',
        item: 'Toor Dal',
        actual: -4_250,
        billed: -4_250,
        unit: 'Kgs',
        rate: 140_00,
        rateUnit: 'Kgs',
        amount: -595_00,
        godown: 'Back Store',
        date: '2025-04-05',
      },
      {
        voucher: 'DN/1',
        item: 'Rice Bag',
        actual: -2_000,
        billed: -2_000,
        unit: 'Nos',
        rate: 2_500_00,
        rateUnit: 'Nos',
        amount: -5_000_00,
        godown: 'Back Store',
        date: '2025-04-10',
      },
    ]);
    expect(q('SELECT count(*) AS n FROM inventory_entries WHERE item_id IS NULL')).toEqual([{ n: 0 }]);
    // Ledger lines: the allocations inside the inventory lines plus the cash line, each once.
    expect(
      q(`SELECT v.voucher_number AS voucher, l.name AS ledger, e.amount FROM entries e
         JOIN vouchers v ON v.id = e.voucher_id JOIN ledgers l ON l.id = e.ledger_id ORDER BY e.id`),
    ).toEqual([
      { voucher: 'P/1', ledger: 'Purchase', amount: 5_000_00 },
      { voucher: 'P/1', ledger: 'Cash', amount: -5_000_00 },
      { voucher: 'S/1', ledger: 'Sales', amount: -2_500_00 },
      { voucher: 'S/1', ledger: 'Sales', amount: -1_435_00 },
      { voucher: 'S/1', ledger: 'Cash', amount: 3_935_00 },
    ]);
    expect(q(`SELECT off_books AS offBooks FROM vouchers WHERE voucher_number = 'DN/1'`)).toEqual([
      { offBooks: 'inventory' },
    ]);
  });

  it('values closing stock from the stored movements (delivery notes move stock too)', async () => {
    await importBoth();
    const closing = Object.fromEntries(
      closingStockOf(store.db, C, '2025-04-30').map((i) => [i.name, i.closing]),
    );
    // Toor Dal, average cost: 100.500 + 50 − 10.250 = 140.250 Kgs; inwards 150.500 Kgs for
    // ₹9,547.50 + ₹5,000 = ₹14,547.50; 140.25 × 14,547.50 / 150.5 = ₹13,556.7234… → ₹13,556.72.
    expect(closing['Toor Dal']).toEqual({ quantity: 140_250, value: 13_556_72 });
    // Rice Bag, FIFO: 10 − 1 − 2 = 7 Nos, all from the opening lot at ₹1,850 = ₹12,950.
    expect(closing['Rice Bag']).toEqual({ quantity: 7_000, value: 12_950_00 });
  });
});
