import {
  dutyHeadOf,
  ledgerGstOf,
  lineGstOf,
  rateOf,
  registrationOf,
  stockItemGstOf,
  taxabilityOf,
  voucherGstOf,
} from '../../../electron/core/tally/gst-fields';
import { createTextCleaner } from '../../../electron/core/tally/clean';
import { FIELDS_READ } from '../../../electron/core/tally/mappers';
import type { XNode } from '../../../electron/core/tally/node';
import { createTallyParser } from '../../../electron/core/tally/parser';

/** Tally's GST tags as real exports write them (docs/TALLY.md "GST returns: Tally's tags"). */
function parse(xml: string, capture: string): XNode {
  const nodes: XNode[] = [];
  const parser = createTallyParser({
    source: 'test.xml',
    capture: new Set([capture]),
    keep: FIELDS_READ,
    onObject: (n) => nodes.push(n),
  });
  const cleaner = createTextCleaner();
  parser.write(
    cleaner.push(`<ENVELOPE><BODY><DATA><TALLYMESSAGE>${xml}</TALLYMESSAGE></DATA></BODY></ENVELOPE>`),
  );
  parser.write(cleaner.flush());
  parser.close();
  return nodes[0]!;
}

const RATES = (igst: string) => `<STATEWISEDETAILS.LIST><STATENAME>&#4; Any</STATENAME>
  <RATEDETAILS.LIST><GSTRATEDUTYHEAD>Central Tax</GSTRATEDUTYHEAD><GSTRATEVALUATIONTYPE>Based on Value</GSTRATEVALUATIONTYPE><GSTRATE> ${Number(igst) / 2}</GSTRATE></RATEDETAILS.LIST>
  <RATEDETAILS.LIST><GSTRATEDUTYHEAD>State Tax</GSTRATEDUTYHEAD><GSTRATE> ${Number(igst) / 2}</GSTRATE></RATEDETAILS.LIST>
  <RATEDETAILS.LIST><GSTRATEDUTYHEAD>Integrated Tax</GSTRATEDUTYHEAD><GSTRATE> ${igst}</GSTRATE></RATEDETAILS.LIST>
  <RATEDETAILS.LIST><GSTRATEDUTYHEAD>Cess</GSTRATEDUTYHEAD><GSTRATEVALUATIONTYPE>&#4; Not Applicable</GSTRATEVALUATIONTYPE></RATEDETAILS.LIST>
</STATEWISEDETAILS.LIST>`;

describe('Tally GST values', () => {
  it('reads registration types, taxabilities, duty heads and rates in their Tally spellings', () => {
    expect(
      [
        'Regular',
        'Composition',
        'Consumer',
        'Unregistered',
        'Unregistered/Consumer',
        'Unknown',
        '\u0004 Not Applicable',
      ].map(registrationOf),
    ).toEqual(['regular', 'composition', 'consumer', 'unregistered', 'unregistered', null, null]);
    expect(['Taxable', 'Nil Rated', 'Exempt', 'Non-GST', ''].map(taxabilityOf)).toEqual([
      'taxable',
      'nil',
      'exempt',
      'non-gst',
      null,
    ]);
    expect(
      ['Integrated Tax', 'Central Tax', 'State Tax', 'Cess', 'IGST', 'CGST', 'SGST/UTGST', 'UT Tax'].map(
        dutyHeadOf,
      ),
    ).toEqual(['igst', 'cgst', 'sgst', 'cess', 'igst', 'cgst', 'sgst', 'sgst']);
    expect([' 18', '2.5', '0.25', '', 'abc'].map(rateOf)).toEqual([1800, 250, 25, null, null]);
  });
});

describe('GST tags of masters and vouchers', () => {
  it('a stock item: the latest GST details, HSN and the whole rate (integrated, not central + state + integrated)', () => {
    const item = parse(
      `<STOCKITEM NAME="Steel Almirah"><GUID>i1</GUID>
        <GSTDETAILS.LIST><APPLICABLEFROM>20170701</APPLICABLEFROM><HSNCODE>9403</HSNCODE><TAXABILITY>Taxable</TAXABILITY>${RATES('28')}</GSTDETAILS.LIST>
        <GSTDETAILS.LIST><APPLICABLEFROM>20250922</APPLICABLEFROM><HSNCODE>9403</HSNCODE><TAXABILITY>Taxable</TAXABILITY>${RATES('18')}</GSTDETAILS.LIST>
      </STOCKITEM>`,
      'STOCKITEM',
    );
    expect(stockItemGstOf(item)).toEqual({ hsn: '9403', taxability: 'taxable', rate: 1800 });
  });

  it('a stock item with its HSN in HSNDETAILS.LIST (TallyPrime 4) and a nil-rated one without rates', () => {
    const item = parse(
      `<STOCKITEM NAME="Rice"><HSNDETAILS.LIST><APPLICABLEFROM>20250401</APPLICABLEFROM><HSNCODE>1006</HSNCODE></HSNDETAILS.LIST>
        <GSTDETAILS.LIST><APPLICABLEFROM>20250401</APPLICABLEFROM><TAXABILITY>Nil Rated</TAXABILITY></GSTDETAILS.LIST></STOCKITEM>`,
      'STOCKITEM',
    );
    expect(stockItemGstOf(item)).toEqual({ hsn: '1006', taxability: 'nil', rate: null });
    expect(
      stockItemGstOf(
        parse('<STOCKITEM NAME="Plain"><GSTDETAILS.LIST>  </GSTDETAILS.LIST></STOCKITEM>', 'STOCKITEM'),
      ),
    ).toBeNull();
  });

  it('ledgers: a tax ledger by TAXTYPE GST and GSTDUTYHEAD, a party in LEDGSTREGDETAILS.LIST, a plain ledger has none', () => {
    expect(
      ledgerGstOf(
        parse(
          '<LEDGER NAME="Output CGST"><TAXTYPE>GST</TAXTYPE><GSTDUTYHEAD>Central Tax</GSTDUTYHEAD></LEDGER>',
          'LEDGER',
        ),
      ),
    ).toEqual({
      gst: {
        registration: null,
        dutyHead: 'cgst',
        hsn: null,
        taxability: null,
        rate: null,
        reverseCharge: false,
      },
      gstin: null,
      state: null,
    });
    expect(
      ledgerGstOf(
        parse(
          `<LEDGER NAME="Bengaluru Mart"><TAXTYPE>Others</TAXTYPE>
            <LEDMAILINGDETAILS.LIST><APPLICABLEFROM>20250401</APPLICABLEFROM><STATE>Karnataka</STATE></LEDMAILINGDETAILS.LIST>
            <LEDGSTREGDETAILS.LIST><APPLICABLEFROM>20250401</APPLICABLEFROM><GSTREGISTRATIONTYPE>Regular</GSTREGISTRATIONTYPE>
              <PLACEOFSUPPLY>Karnataka</PLACEOFSUPPLY><GSTIN>29AACCB4321M1ZM</GSTIN></LEDGSTREGDETAILS.LIST></LEDGER>`,
          'LEDGER',
        ),
      ),
    ).toEqual({
      gst: {
        registration: 'regular',
        dutyHead: null,
        hsn: null,
        taxability: null,
        rate: null,
        reverseCharge: false,
      },
      gstin: '29AACCB4321M1ZM',
      state: 'Karnataka',
    });
    expect(
      ledgerGstOf(
        parse(
          `<LEDGER NAME="Cash"><GSTREGISTRATIONTYPE>&#4; Not Applicable</GSTREGISTRATIONTYPE><TAXTYPE>Others</TAXTYPE>
            <GSTDETAILS.LIST>      </GSTDETAILS.LIST></LEDGER>`,
          'LEDGER',
        ),
      ),
    ).toBeNull();
  });

  it('a ledger whose GST details say reverse charge', () => {
    const legal = parse(
      `<LEDGER NAME="Legal Fees"><GSTDETAILS.LIST><APPLICABLEFROM>20170701</APPLICABLEFROM><HSNCODE>9982</HSNCODE>
        <TAXABILITY>Taxable</TAXABILITY><ISREVERSECHARGEAPPLICABLE>Yes</ISREVERSECHARGEAPPLICABLE>${RATES('18')}</GSTDETAILS.LIST></LEDGER>`,
      'LEDGER',
    );
    expect(ledgerGstOf(legal)?.gst).toEqual({
      registration: null,
      dutyHead: null,
      hsn: '9982',
      taxability: 'taxable',
      rate: 1800,
      reverseCharge: true,
    });
  });

  it("a voucher's header, and none for a voucher without GST tags", () => {
    const sale = parse(
      `<VOUCHER><GUID>v1</GUID><GSTREGISTRATIONTYPE>Regular</GSTREGISTRATIONTYPE><STATENAME>Karnataka</STATENAME>
        <PARTYGSTIN>29aaccb4321m1zm</PARTYGSTIN><PLACEOFSUPPLY>Karnataka</PLACEOFSUPPLY><CMPGSTIN>27AAHFS1234K1Z4</CMPGSTIN>
        <REFERENCEDATE>20250410</REFERENCEDATE><REFERENCE>DS/778</REFERENCE></VOUCHER>`,
      'VOUCHER',
    );
    expect(voucherGstOf(sale)).toEqual({
      companyGstin: '27AAHFS1234K1Z4',
      partyGstin: '29AACCB4321M1ZM',
      registration: 'regular',
      placeOfSupply: 'Karnataka',
      partyState: 'Karnataka',
      reverseCharge: false,
      referenceDate: '2025-04-10',
    });
    expect(
      voucherGstOf(parse('<VOUCHER><GUID>v2</GUID><REFERENCEDATE></REFERENCEDATE></VOUCHER>', 'VOUCHER')),
    ).toBeNull();
  });

  it("an inventory line's own taxability and rate; an empty RATEDETAILS.LIST is none", () => {
    const voucher = parse(
      `<VOUCHER><ALLINVENTORYENTRIES.LIST><STOCKITEMNAME>Rice</STOCKITEMNAME><GSTOVRDNTAXABILITY>Exempt</GSTOVRDNTAXABILITY>
        <RATEDETAILS.LIST>  </RATEDETAILS.LIST></ALLINVENTORYENTRIES.LIST>
        <ALLINVENTORYENTRIES.LIST><STOCKITEMNAME>Almirah</STOCKITEMNAME>
        <RATEDETAILS.LIST><GSTRATEDUTYHEAD>CGST</GSTRATEDUTYHEAD><GSTRATE> 9</GSTRATE></RATEDETAILS.LIST>
        <RATEDETAILS.LIST><GSTRATEDUTYHEAD>SGST/UTGST</GSTRATEDUTYHEAD><GSTRATE> 9</GSTRATE></RATEDETAILS.LIST></ALLINVENTORYENTRIES.LIST>
        <LEDGERENTRIES.LIST><LEDGERNAME>Cash</LEDGERNAME><RATEDETAILS.LIST>  </RATEDETAILS.LIST></LEDGERENTRIES.LIST></VOUCHER>`,
      'VOUCHER',
    );
    const [rice, almirah, cash] = voucher.children;
    expect(lineGstOf(rice!)).toEqual({ hsn: null, taxability: 'exempt', rate: null });
    expect(lineGstOf(almirah!)).toEqual({ hsn: null, taxability: null, rate: 1800 });
    expect(lineGstOf(cash!)).toBeNull();
  });

  it("blocked credit and nature of transaction: a master's GSTINELIGIBLEITC, a line's Yes / No override only", () => {
    const ledger = parse(
      `<LEDGER NAME="Staff Welfare"><GUID>l9</GUID><PARENT>Indirect Expenses</PARENT><TAXTYPE>Others</TAXTYPE>
        <GSTDETAILS.LIST><APPLICABLEFROM>20170701</APPLICABLEFROM><TAXABILITY>Taxable</TAXABILITY>
        <GSTNATUREOFTRANSACTION>Purchase Taxable</GSTNATUREOFTRANSACTION><GSTINELIGIBLEITC>Yes</GSTINELIGIBLEITC>
        </GSTDETAILS.LIST></LEDGER>`,
      'LEDGER',
    );
    expect(ledgerGstOf(ledger)?.gst).toMatchObject({ ineligibleItc: true, nature: 'Purchase Taxable' });
    const item = parse(
      `<STOCKITEM NAME="Car"><GSTDETAILS.LIST><HSNCODE>8703</HSNCODE><GSTINELIGIBLEITC>No</GSTINELIGIBLEITC>
        <GSTNATUREOFTRANSACTION>Imports Taxable</GSTNATUREOFTRANSACTION></GSTDETAILS.LIST></STOCKITEM>`,
      'STOCKITEM',
    );
    expect(stockItemGstOf(item)).toEqual({
      hsn: '8703',
      taxability: null,
      rate: null,
      ineligibleItc: false,
      nature: 'Imports Taxable',
    });
    const voucher = parse(
      `<VOUCHER><LEDGERENTRIES.LIST><LEDGERNAME>Food</LEDGERNAME><GSTOVRDNINELIGIBLEITC>Yes</GSTOVRDNINELIGIBLEITC>
        <GSTOVRDNNATURE>Purchase Taxable</GSTOVRDNNATURE></LEDGERENTRIES.LIST>
        <LEDGERENTRIES.LIST><LEDGERNAME>Rent</LEDGERNAME><GSTOVRDNINELIGIBLEITC>&#4; Applicable</GSTOVRDNINELIGIBLEITC></LEDGERENTRIES.LIST>
        <LEDGERENTRIES.LIST><LEDGERNAME>Fuel</LEDGERNAME><GSTOVRDNINELIGIBLEITC>No</GSTOVRDNINELIGIBLEITC></LEDGERENTRIES.LIST></VOUCHER>`,
      'VOUCHER',
    );
    const [food, rent, fuel] = voucher.children;
    expect(lineGstOf(food!)).toEqual({
      hsn: null,
      taxability: null,
      rate: null,
      ineligibleItc: true,
      nature: 'Purchase Taxable',
    });
    // TallyPrime 3+'s "Applicable" / "Not Applicable" is not read (unconfirmed): the line follows its master
    expect(lineGstOf(rent!)).toBeNull();
    expect(lineGstOf(fuel!)).toEqual({ hsn: null, taxability: null, rate: null, ineligibleItc: false });
  });

  it("a journal's GST statutory adjustment; another duty's is not read", () => {
    const isd = parse(
      `<VOUCHER><GUID>j1</GUID><CMPGSTIN>27AAHFS1234K1Z4</CMPGSTIN><TAXADJUSTMENT>Increase of Input Tax Credit</TAXADJUSTMENT>
        <STATPAYMENTTYPE>GST</STATPAYMENTTYPE><GSTADDITIONALDETAILS>ISD Invoice/Debit Note</GSTADDITIONALDETAILS></VOUCHER>`,
      'VOUCHER',
    );
    expect(voucherGstOf(isd)?.adjustment).toEqual({
      nature: 'Increase of Input Tax Credit',
      details: 'ISD Invoice/Debit Note',
    });
    const vat = parse(
      `<VOUCHER><GUID>j2</GUID><TAXADJUSTMENT>Reversal of Input Tax</TAXADJUSTMENT><STATPAYMENTTYPE>VAT</STATPAYMENTTYPE></VOUCHER>`,
      'VOUCHER',
    );
    expect(voucherGstOf(vat)?.adjustment).toBeUndefined();
  });
});
