import { paiseToDecimalString, type Paise } from '../../shared/money';
import type { IsoDate } from '../../shared/dates';
import type {
  BillAllocationRecord,
  GroupRecord,
  LedgerRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../electron/core/db/records';

/**
 * Writes records the way TallyPrime writes them: debit NEGATIVE, YYYYMMDD dates, ALTERIDs with a leading
 * space, "&#4; Not Applicable" values, empty .LIST elements and Yes/No flags. The simulator and the
 * fixtures use it; it is the mirror image of electron/core/tally/mappers.ts.
 */

export const esc = (value: string): string =>
  value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );

/** App amount (debit positive) -> Tally's text (debit negative). */
export const tallyAmount = (paise: Paise): string => (paise === 0 ? '0' : paiseToDecimalString(-paise));
const tallyDate = (date: IsoDate): string => date.replaceAll('-', '');
const yn = (flag: boolean): string => (flag ? 'Yes' : 'No');

export const NOT_APPLICABLE = '&#4; Not Applicable';

function renderBill(bill: BillAllocationRecord): string {
  const period =
    bill.creditPeriodDays !== null
      ? `<BILLCREDITPERIOD>${bill.creditPeriodDays} Days</BILLCREDITPERIOD>`
      : '';
  return (
    `<BILLALLOCATIONS.LIST><NAME>${esc(bill.billName)}</NAME><BILLTYPE>${bill.billType}</BILLTYPE>` +
    `${period}<AMOUNT>${tallyAmount(bill.amount)}</AMOUNT></BILLALLOCATIONS.LIST>`
  );
}

export function renderVoucher(
  v: VoucherRecord,
  options: { partyLedgers?: ReadonlySet<string> } = {},
): string {
  let out =
    `<VOUCHER REMOTEID="${esc(v.guid)}" VCHTYPE="${esc(v.voucherType)}" ACTION="Create">` +
    `<DATE>${tallyDate(v.date)}</DATE><GUID>${esc(v.guid)}</GUID>` +
    `<NARRATION>${esc(v.narration)}</NARRATION>` +
    `<VOUCHERTYPENAME>${esc(v.voucherType)}</VOUCHERTYPENAME>` +
    `<VOUCHERNUMBER>${esc(v.voucherNumber)}</VOUCHERNUMBER>` +
    (v.partyLedgerName ? `<PARTYLEDGERNAME>${esc(v.partyLedgerName)}</PARTYLEDGERNAME>` : '') +
    (v.reference ? `<REFERENCE>${esc(v.reference)}</REFERENCE>` : '') +
    `<GSTREGISTRATIONTYPE>${NOT_APPLICABLE}</GSTREGISTRATIONTYPE>` +
    `<ISCANCELLED>${yn(v.isCancelled)}</ISCANCELLED><ISOPTIONAL>${yn(v.isOptional)}</ISOPTIONAL>` +
    `<ALTERID> ${v.alterId}</ALTERID>` +
    (v.masterId !== null ? `<MASTERID> ${v.masterId}</MASTERID>` : '') +
    `<EWAYBILLDETAILS.LIST>      </EWAYBILLDETAILS.LIST>`;
  for (const e of v.entries) {
    const isParty = options.partyLedgers?.has(e.ledgerName) ?? e.ledgerName === v.partyLedgerName;
    out +=
      `<ALLLEDGERENTRIES.LIST><LEDGERNAME>${esc(e.ledgerName)}</LEDGERNAME>` +
      `<ISDEEMEDPOSITIVE>${yn(e.amount > 0)}</ISDEEMEDPOSITIVE><ISPARTYLEDGER>${yn(isParty)}</ISPARTYLEDGER>` +
      `<AMOUNT>${tallyAmount(e.amount)}</AMOUNT>` +
      e.bills.map(renderBill).join('') +
      `</ALLLEDGERENTRIES.LIST>`;
  }
  return `${out}</VOUCHER>\r\n`;
}

export function renderGroup(g: GroupRecord): string {
  const reserved = g.reservedName ? ` RESERVEDNAME="${esc(g.reservedName)}"` : ' RESERVEDNAME=""';
  const deemedPositive = g.nature === 'asset' || g.nature === 'expense';
  return (
    `<GROUP NAME="${esc(g.name)}"${reserved}><GUID>${esc(g.guid)}</GUID>` +
    `<PARENT>${g.parent === null ? '' : esc(g.parent)}</PARENT>` +
    `<ISREVENUE>${yn(g.isRevenue)}</ISREVENUE><AFFECTSGROSSPROFIT>${yn(g.affectsGrossProfit)}</AFFECTSGROSSPROFIT>` +
    `<ISDEEMEDPOSITIVE>${yn(deemedPositive)}</ISDEEMEDPOSITIVE><ISSUBLEDGER>No</ISSUBLEDGER>` +
    `<ALTERID> ${g.alterId}</ALTERID>` +
    `<LANGUAGENAME.LIST><NAME.LIST TYPE="String"><NAME>${esc(g.name)}</NAME></NAME.LIST></LANGUAGENAME.LIST>` +
    `</GROUP>\r\n`
  );
}

export function renderLedger(l: LedgerRecord): string {
  const bills = l.openingBills
    .map(
      (b) =>
        `<BILLALLOCATIONS.LIST><NAME>${esc(b.billName)}</NAME>` +
        (b.billDate ? `<BILLDATE>${tallyDate(b.billDate)}</BILLDATE>` : '') +
        (b.creditPeriodDays !== null
          ? `<BILLCREDITPERIOD>${b.creditPeriodDays} Days</BILLCREDITPERIOD>`
          : '') +
        `<ISADVANCE>No</ISADVANCE><OPENINGBALANCE>${tallyAmount(b.amount)}</OPENINGBALANCE></BILLALLOCATIONS.LIST>`,
    )
    .join('');
  return (
    `<LEDGER NAME="${esc(l.name)}" RESERVEDNAME=""><GUID>${esc(l.guid)}</GUID>` +
    `<PARENT>${esc(l.parent)}</PARENT>` +
    `<OPENINGBALANCE>${tallyAmount(l.openingBalance)}</OPENINGBALANCE>` +
    `<ISBILLWISEON>${yn(l.isBillWise)}</ISBILLWISEON>` +
    (l.creditPeriodDays !== null ? `<BILLCREDITPERIOD>${l.creditPeriodDays} Days</BILLCREDITPERIOD>` : '') +
    (l.gstin ? `<PARTYGSTIN>${esc(l.gstin)}</PARTYGSTIN>` : '') +
    (l.state ? `<LEDSTATENAME>${esc(l.state)}</LEDSTATENAME>` : '') +
    `<ALTERID> ${l.alterId}</ALTERID>` +
    `<LANGUAGENAME.LIST><NAME.LIST TYPE="String"><NAME>${esc(l.name)}</NAME></NAME.LIST></LANGUAGENAME.LIST>` +
    `${bills}<BILLALLOCATIONS.LIST>      </BILLALLOCATIONS.LIST></LEDGER>\r\n`
  );
}

export function renderVoucherType(t: VoucherTypeRecord): string {
  return (
    `<VOUCHERTYPE NAME="${esc(t.name)}" RESERVEDNAME="${esc(t.reservedName ?? '')}"><GUID>${esc(t.guid)}</GUID>` +
    `<PARENT>${esc(t.parent)}</PARENT>` +
    `<NUMBERINGMETHOD>${t.autoNumbered ? 'Automatic' : 'Manual'}</NUMBERINGMETHOD>` +
    `<ALTERID> ${t.alterId}</ALTERID></VOUCHERTYPE>\r\n`
  );
}

export interface SimCompanyInfo {
  guid: string;
  name: string;
  booksFrom: IsoDate | null;
  masterAlterId: number;
  voucherAlterId: number;
}

export function renderCompany(c: SimCompanyInfo): string {
  return (
    `<COMPANY NAME="${esc(c.name)}"><NAME>${esc(c.name)}</NAME><GUID>${esc(c.guid)}</GUID>` +
    (c.booksFrom ? `<BOOKSFROM>${tallyDate(c.booksFrom)}</BOOKSFROM>` : '') +
    `<ALTMSTID> ${c.masterAlterId}</ALTMSTID><ALTVCHID> ${c.voucherAlterId}</ALTVCHID></COMPANY>\r\n`
  );
}

/** The envelope of an answer to a TYPE Collection export. */
export const collectionHead =
  '<ENVELOPE>\r\n<HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER>\r\n<BODY><DESC></DESC><DATA><COLLECTION>\r\n';
export const collectionTail = '</COLLECTION></DATA></BODY>\r\n</ENVELOPE>\r\n';

/** The envelope of an Export > XML file (Day Book / All Masters), objects inside TALLYMESSAGE. */
export function exportFileHead(companyName: string, report: 'Vouchers' | 'All Masters'): string {
  return (
    '<ENVELOPE>\r\n<HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER>\r\n<BODY><IMPORTDATA><REQUESTDESC>' +
    `<REPORTNAME>${report}</REPORTNAME><STATICVARIABLES><SVCURRENTCOMPANY>${esc(companyName)}</SVCURRENTCOMPANY>` +
    '</STATICVARIABLES></REQUESTDESC><REQUESTDATA>\r\n'
  );
}
export const exportFileTail = '</REQUESTDATA></IMPORTDATA></BODY>\r\n</ENVELOPE>\r\n';
export const tallyMessage = (inner: string): string =>
  `<TALLYMESSAGE xmlns:UDF="TallyUDF">\r\n${inner}</TALLYMESSAGE>\r\n`;

/** The error envelope Tally answers with when a request fails. */
export const errorEnvelope = (message: string): string =>
  `<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>${esc(message)}</LINEERROR></DATA></BODY></ENVELOPE>\r\n`;
