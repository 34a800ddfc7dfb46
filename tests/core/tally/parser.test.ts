import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { createTextCleaner } from '../../../electron/core/tally/clean';
import {
  FIELDS_READ,
  mapGroup,
  mapLedger,
  mapVoucher,
  mapVoucherType,
} from '../../../electron/core/tally/mappers';
import { mapDateCount } from '../../../electron/core/tally/fetch';
import type { XNode } from '../../../electron/core/tally/node';
import { ANY_OBJECT, createTallyParser } from '../../../electron/core/tally/parser';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/tally/${name}`, import.meta.url)), 'utf8');

function parse(xml: string, capture: string[], chunk = 7): XNode[] {
  const nodes: XNode[] = [];
  const parser = createTallyParser({
    source: 'test.xml',
    capture: new Set(capture),
    onObject: (n) => nodes.push(n),
  });
  const cleaner = createTextCleaner();
  for (let i = 0; i < xml.length; i += chunk) parser.write(cleaner.push(xml.slice(i, i + chunk)));
  parser.write(cleaner.flush());
  parser.close();
  return nodes;
}

describe('streaming parser on native exports', () => {
  it('reads masters with Tally signs flipped, &#4; values dropped, names unescaped', () => {
    const nodes = parse(fixture('masters.xml'), ['GROUP', 'LEDGER', 'VOUCHERTYPE']);
    const groups = nodes.filter((n) => n.name === 'GROUP').map(mapGroup);
    const ledgers = nodes.filter((n) => n.name === 'LEDGER').map(mapLedger);
    const types = nodes.filter((n) => n.name === 'VOUCHERTYPE').map(mapVoucherType);
    expect(groups.map((g) => [g.name, g.parent, g.nature])).toEqual([
      ['Sundry Debtors', 'Current Assets', 'asset'],
      ['Current Assets', null, 'asset'],
      ['Sales Accounts', null, 'income'],
      ['Bank Accounts', 'Current Assets', 'asset'],
    ]);
    expect(groups[0]?.reservedName).toBe('Sundry Debtors');
    const mehta = ledgers[0];
    expect(mehta).toMatchObject({
      name: 'Mehta & Sons',
      parent: 'Sundry Debtors',
      openingBalance: 5_000_000,
      isBillWise: true,
      creditPeriodDays: 30,
      gstin: '27AAAPM1234C1Z5',
      state: 'Maharashtra',
      alterId: 10,
    });
    expect(mehta?.openingBills).toEqual([
      {
        billName: 'OB-77',
        billDate: '2025-03-01',
        amount: 5_000_000,
        creditPeriodDays: 30,
        dueDate: '2025-03-31',
      },
    ]);
    expect(ledgers[1]?.name).toBe('अग्रवाल स्टोर्स');
    expect(types.map((t) => [t.name, t.autoNumbered])).toEqual([
      ['Sales', true],
      ['Receipt', false],
    ]);
  });

  it('keeps a renamed predefined voucher type the base type its RESERVEDNAME says', () => {
    const xml =
      '<ENVELOPE><BODY><IMPORTDATA><REQUESTDATA><TALLYMESSAGE>' +
      '<VOUCHERTYPE NAME="Tax Invoice" RESERVEDNAME="Sales"><GUID>vt-1</GUID>' +
      '<PARENT>Tax Invoice</PARENT><NUMBERINGMETHOD>Automatic</NUMBERINGMETHOD><ALTERID> 5</ALTERID></VOUCHERTYPE>' +
      '</TALLYMESSAGE><TALLYMESSAGE><VOUCHERTYPE NAME="Counter Sale" RESERVEDNAME=""><GUID>vt-2</GUID><PARENT>Tax Invoice</PARENT>' +
      '<ALTERID> 6</ALTERID></VOUCHERTYPE></TALLYMESSAGE></REQUESTDATA></IMPORTDATA></BODY></ENVELOPE>';
    const types = parse(xml, ['VOUCHERTYPE']).map(mapVoucherType);
    expect(types.map((t) => [t.name, t.parent, t.reservedName])).toEqual([
      ['Tax Invoice', 'Sales', 'Sales'],
      ['Counter Sale', 'Tax Invoice', null],
    ]);
  });

  it('reads vouchers: invoice accounting allocations, forex, bills, cancelled flag', () => {
    const vouchers = parse(fixture('daybook.xml'), ['VOUCHER']).map(mapVoucher);
    expect(vouchers).toHaveLength(4);
    const [sale, receipt, cancelled, hindi] = vouchers.map((v) => v.record);
    expect(sale).toMatchObject({
      date: '2025-04-05',
      voucherNumber: '1',
      alterId: 101,
      masterId: 1,
      reference: 'PO-9',
    });
    expect(sale?.narration).toBe('Goods sold & delivered\r\nVehicle MH12');
    expect(sale?.entries.map((e) => [e.ledgerName, e.amount])).toEqual([
      ['Sales - Local', -2_500_000],
      ['Mehta & Sons', 2_500_000],
    ]);
    expect(sale?.entries[1]?.bills).toEqual([
      { billName: '1', billType: 'New Ref', amount: 2_500_000, creditPeriodDays: 30, dueDate: '2025-05-05' },
    ]);
    expect(receipt?.entries.map((e) => e.amount)).toEqual([830_000, -830_000]);
    expect(receipt?.entries[0]?.bills).toEqual([]);
    expect(cancelled?.isCancelled).toBe(true);
    expect(hindi?.partyLedgerName).toBe('अग्रवाल स्टोर्स');
    expect(hindi?.entries[0]?.amount).toBe(118_050);
  });

  it('leaves balancing to the store, which knows whether the voucher type posts', () => {
    // An order or memorandum need not balance; the writer refuses an unbalanced posting voucher
    // (tests/core/db/writer.test.ts).
    const xml = fixture('daybook.xml').replace('<AMOUNT>1180.50</AMOUNT>', '<AMOUNT>1180.00</AMOUNT>');
    const sale = parse(xml, ['VOUCHER']).map(mapVoucher)[3]?.record;
    expect(sale?.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(50);
  });

  it('reads each accounting line once, whichever lists an invoice repeats it in', () => {
    const line = (ledger: string, amount: string): string =>
      `<LEDGERNAME>${ledger}</LEDGERNAME><AMOUNT>${amount}</AMOUNT>`;
    const voucher = (inner: string): string =>
      '<ENVELOPE><BODY><DATA><COLLECTION><VOUCHER><GUID>v-1</GUID><DATE>20250401</DATE>' +
      `<VOUCHERTYPENAME>Sales</VOUCHERTYPENAME>${inner}</VOUCHER></COLLECTION></DATA></BODY></ENVELOPE>`;
    const item = (ledger: string, amount: string): string =>
      `<ALLINVENTORYENTRIES.LIST><STOCKITEMNAME>Rice</STOCKITEMNAME><ACCOUNTINGALLOCATIONS.LIST>${line(ledger, amount)}` +
      '</ACCOUNTINGALLOCATIONS.LIST></ALLINVENTORYENTRIES.LIST>';
    const read = (xml: string): [string, number][] =>
      (parse(xml, ['VOUCHER']).map(mapVoucher)[0]?.record.entries ?? []).map((e) => [e.ledgerName, e.amount]);
    // An export: the party in ALLLEDGERENTRIES and again in LEDGERENTRIES, the sales line in the item.
    expect(
      read(
        voucher(
          `<ALLLEDGERENTRIES.LIST>${line('Asha', '-100.00')}</ALLLEDGERENTRIES.LIST>` +
            `<LEDGERENTRIES.LIST>${line('Asha', '-100.00')}</LEDGERENTRIES.LIST>${item('Sales', '100.00')}`,
        ),
      ),
    ).toEqual([
      ['Asha', 10_000],
      ['Sales', -10_000],
    ]);
    // A Collection answer: AllLedgerEntries already holds the sales line the item also carries.
    expect(
      read(
        voucher(
          `<ALLLEDGERENTRIES.LIST>${line('Asha', '-100.00')}</ALLLEDGERENTRIES.LIST>` +
            `<ALLLEDGERENTRIES.LIST>${line('Sales', '100.00')}</ALLLEDGERENTRIES.LIST>${item('Sales', '100.00')}`,
        ),
      ),
    ).toEqual([
      ['Asha', 10_000],
      ['Sales', -10_000],
    ]);
  });

  it('takes only what stands under DATA for objects, never the CMPINFO counters', () => {
    const answer =
      '<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DESC><CMPINFO>' +
      '<COMPANY>0</COMPANY><GROUP>0</GROUP><LEDGER>0</LEDGER><VOUCHERTYPE>0</VOUCHERTYPE><VOUCHER>0</VOUCHER>' +
      '</CMPINFO></DESC><DATA><COLLECTION>' +
      '<LEDGER NAME="Cash" RESERVEDNAME=""><GUID TYPE="String">c-1</GUID><PARENT TYPE="String">Cash-in-Hand</PARENT>' +
      '<OPENINGBALANCE TYPE="Amount">-500.00</OPENINGBALANCE></LEDGER>' +
      '<LEDGER NAME="Profit &amp; Loss A/c" RESERVEDNAME="Profit &amp; Loss A/c"><GUID TYPE="String">c-2</GUID>' +
      '<PARENT TYPE="String">&#4; Primary</PARENT><OPENINGBALANCE TYPE="Amount">500.00</OPENINGBALANCE></LEDGER>' +
      '</COLLECTION></DATA></BODY></ENVELOPE>';
    const ledgers = parse(answer, ['LEDGER', 'VOUCHER', 'COMPANY']).map(mapLedger);
    expect(ledgers.map((l) => [l.name, l.parent, l.openingBalance, l.reservedName])).toEqual([
      ['Cash', 'Cash-in-Hand', 50_000, null],
      ['Profit & Loss A/c', null, -50_000, 'Profit & Loss A/c'],
    ]);
  });

  it('reads per-date count rows whatever their tag, in both date shapes', () => {
    const answer =
      '<ENVELOPE><BODY><DESC><CMPINFO><VOUCHER>0</VOUCHER></CMPINFO></DESC><DATA><COLLECTION>' +
      '<OBJECT><DATE TYPE="Date">1-Apr-25</DATE><COUNT TYPE="Number"> 3</COUNT></OBJECT>' +
      '<VOUCHER><DATE>20250402</DATE><COUNT> 4</COUNT></VOUCHER>' +
      '</COLLECTION></DATA></BODY></ENVELOPE>';
    const rows: XNode[] = [];
    const parser = createTallyParser({ source: 'count', capture: ANY_OBJECT, onObject: (n) => rows.push(n) });
    parser.write(createTextCleaner().push(answer));
    parser.close();
    expect(rows.map(mapDateCount)).toEqual([
      { date: '2025-04-01', count: 3 },
      { date: '2025-04-02', count: 4 },
    ]);
  });

  it('names the object where the XML is malformed or truncated', () => {
    const xml = fixture('daybook.xml');
    const cut = xml.slice(0, xml.indexOf('<NARRATION>Part payment'));
    expect(() => parse(cut, ['VOUCHER'])).toThrow(
      /ended early .*voucher Receipt dated 20250420 \(GUID f1f1f1f1-0000-4000-8000-000000000001-00000102\)/,
    );
    const broken = xml.replace('<REFERENCE>PO-9</REFERENCE>', '<REFERENCE>PO-9</REFERENCEX>');
    expect(() => parse(broken, ['VOUCHER'])).toThrow(/not well-formed XML while reading voucher Sales 1/);
  });

  it('refuses absurdly long fields, naming the field and the voucher', () => {
    const xml = fixture('daybook.xml').replace('Part payment, forex', 'x'.repeat(200_000));
    expect(() => parse(xml, ['VOUCHER'], 65_536)).toThrow(
      /field NARRATION is longer than .* voucher Receipt dated 20250420/,
    );
  });

  it('skips subtrees it never reads, without building them', () => {
    const xml = fixture('daybook.xml').replace(
      '<GSTREGISTRATIONTYPE>',
      `<UDF:HUGE.LIST>${'<X>y</X>'.repeat(1000)}${'z'.repeat(200_000)}</UDF:HUGE.LIST><GSTREGISTRATIONTYPE>`,
    );
    const nodes: XNode[] = [];
    const parser = createTallyParser({
      source: 'test.xml',
      capture: new Set(['VOUCHER']),
      keep: FIELDS_READ,
      onObject: (n) => nodes.push(n),
    });
    const cleaner = createTextCleaner();
    parser.write(cleaner.push(xml));
    parser.write(cleaner.flush());
    parser.close();
    expect(nodes[0]?.children.map((c) => c.name)).not.toContain('UDF:HUGE.LIST');
    // GSTREGISTRATIONTYPE is read since the GST returns (tally/gst-fields.ts); EWAYBILLDETAILS.LIST still is not.
    expect(nodes[0]?.children.map((c) => c.name)).toContain('GSTREGISTRATIONTYPE');
    expect(nodes[0]?.children.map((c) => c.name)).not.toContain('EWAYBILLDETAILS.LIST');
    expect(nodes.map(mapVoucher).map((v) => v.record.voucherNumber)).toEqual(['1', 'R-1', '2', '3']);
  });

  it('turns a LINEERROR envelope into a TALLY_ERROR with its text', () => {
    const xml =
      '<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>Could not find Company &apos;X&apos;</LINEERROR></DATA></BODY></ENVELOPE>';
    let error: unknown;
    try {
      parse(xml, ['VOUCHER']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TALLY_ERROR');
    expect((error as AppError).message).toBe("Tally answered: Could not find Company 'X'");
  });

  it('names vouchers with unknown bill types and non-numeric amounts', () => {
    const badType = fixture('daybook.xml').replace(
      '<BILLTYPE>Agst Ref</BILLTYPE>',
      '<BILLTYPE>Against</BILLTYPE>',
    );
    expect(() => parse(badType, ['VOUCHER']).map(mapVoucher)).toThrow(
      /Voucher Receipt R-1.*unknown type "Against"/,
    );
    const badAmount = fixture('daybook.xml').replace('<AMOUNT>-1180.50</AMOUNT>', '<AMOUNT>abc</AMOUNT>');
    expect(() => parse(badAmount, ['VOUCHER']).map(mapVoucher)).toThrow(
      /Voucher Sales 3 .*is not an amount: "abc"/,
    );
  });
});
