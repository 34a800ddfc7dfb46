import { paiseToDecimalString, type Paise } from '../../shared/money';
import type { IsoDate } from '../../shared/dates';
import type {
  BillAllocationRecord,
  CompanyProfileRecord,
  GodownRecord,
  GroupRecord,
  InventoryEntryRecord,
  LedgerContactRecord,
  LedgerInterestRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../electron/core/db/records';
import { gstDetails, ledgerGstTags, lineGstTags, voucherGstTags } from './gst';
import { resolveShapes, type GroupFlags, type RealShapeOptions } from './shapes';

/**
 * Writes records the way TallyPrime writes them: debit NEGATIVE, YYYYMMDD dates, ALTERIDs with a leading
 * space, "&#4; Not Applicable" values, empty .LIST elements and Yes/No flags. The simulator and the
 * fixtures use it; it is the mirror image of electron/core/tally/mappers.ts.
 *
 * Two places objects are written, with real Tally's differences between them (see shapes.ts):
 * 'collection' (answers to TYPE Collection requests: TYPE attributes, "&#4; Primary" parents) and
 * 'export' (Export > XML files: no TYPE attributes, <PARENT/> for primary groups).
 */

export const esc = (value: string): string =>
  value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );

/** App amount (debit positive) -> Tally's text (debit negative). */
export const tallyAmount = (paise: Paise): string => (paise === 0 ? '0' : paiseToDecimalString(-paise));
const tallyDate = (date: IsoDate): string => date.replaceAll('-', '');

/** Thousandths -> Tally's quantity text without the sign: 10000 -> "10", 10500 -> "10.500". */
export const quantityText = (milli: number): string => {
  const abs = Math.abs(milli);
  const whole = Math.trunc(abs / 1000);
  const fraction = abs % 1000;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(3, '0')}`;
};
/** Paise per unit -> "250.00/Nos". */
const rateText = (paise: number, unit: string | null): string =>
  `${paiseToDecimalString(paise)}${unit !== null ? `/${unit}` : ''}`;
const yn = (flag: boolean): string => (flag ? 'Yes' : 'No');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2025-04-01" -> "1-Apr-25", as the aggregated per-date count rows show dates. */
export const shortTallyDate = (date: IsoDate): string =>
  `${Number(date.slice(8, 10))}-${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''}-${date.slice(2, 4)}`;

export const NOT_APPLICABLE = '&#4; Not Applicable';
export const PRIMARY = '&#4; Primary';

/** The counters real Tally puts before the data of every Collection answer. */
export const CMPINFO =
  '<DESC><CMPINFO><COMPANY>0</COMPANY><GROUP>0</GROUP><LEDGER>0</LEDGER><COSTCATEGORY>0</COSTCATEGORY>' +
  '<COSTCENTRE>0</COSTCENTRE><GODOWN>0</GODOWN><STOCKGROUP>0</STOCKGROUP><STOCKCATEGORY>0</STOCKCATEGORY>' +
  '<STOCKITEM>0</STOCKITEM><VOUCHERTYPE>0</VOUCHERTYPE><CURRENCY>0</CURRENCY><UNIT>0</UNIT><BUDGET>0</BUDGET>' +
  '<CLIENTRULE>0</CLIENTRULE><SERVERRULE>0</SERVERRULE><STATE>0</STATE><TDSRATE>0</TDSRATE>' +
  '<TAXCLASSIFICATION>0</TAXCLASSIFICATION><CRATE>0</CRATE><CRATEGORY>0</CRATEGORY><VOUCHER>0</VOUCHER>' +
  '</CMPINFO></DESC>';

/** TYPE attributes of values in Collection answers, by element name. */
const VALUE_TYPES = {
  NAME: 'String',
  PARENT: 'String',
  GUID: 'String',
  NARRATION: 'String',
  VOUCHERTYPENAME: 'String',
  VOUCHERNUMBER: 'String',
  PARTYLEDGERNAME: 'String',
  REFERENCE: 'String',
  LEDGERNAME: 'String',
  BILLTYPE: 'String',
  STOCKITEMNAME: 'String',
  GODOWNNAME: 'String',
  TRACKINGNUMBER: 'String',
  BASEUNITS: 'String',
  ADDITIONALUNITS: 'String',
  ORIGINALNAME: 'String',
  COSTINGMETHOD: 'String',
  ACTUALQTY: 'Quantity',
  BILLEDQTY: 'Quantity',
  RATE: 'Rate',
  OPENINGRATE: 'Rate',
  OPENINGVALUE: 'Amount',
  DECIMALPLACES: 'Number',
  CONVERSION: 'Number',
  ISSIMPLEUNIT: 'Logical',
  PARTYGSTIN: 'String',
  LEDSTATENAME: 'String',
  GSTREGISTRATIONTYPE: 'String',
  NUMBERINGMETHOD: 'String',
  DATE: 'Date',
  BOOKSFROM: 'Date',
  STARTINGFROM: 'Date',
  BILLDATE: 'Date',
  ALTERID: 'Number',
  MASTERID: 'Number',
  ALTMSTID: 'Number',
  ALTVCHID: 'Number',
  COUNT: 'Number',
  AMOUNT: 'Amount',
  OPENINGBALANCE: 'Amount',
  CLOSINGBALANCE: 'Amount',
  BILLCREDITPERIOD: 'Due Date',
  ISCANCELLED: 'Logical',
  ISOPTIONAL: 'Logical',
  ISPOSTDATED: 'Logical',
  ISDEEMEDPOSITIVE: 'Logical',
  ISPARTYLEDGER: 'Logical',
  ISREVENUE: 'Logical',
  AFFECTSGROSSPROFIT: 'Logical',
  ISSUBLEDGER: 'Logical',
  ISBILLWISEON: 'Logical',
  ISADVANCE: 'Logical',
} as const;

export type RenderMode = 'export' | 'collection';

export interface RenderOptions {
  /** Where the objects go: an Export > XML file (default) or a Collection answer. */
  mode?: RenderMode;
  realShapes?: Partial<RealShapeOptions>;
  /** Flags to write for some groups instead of their true ones, by group GUID (misleading sub-groups). */
  exportedFlags?: ReadonlyMap<string, GroupFlags>;
}

export interface SimCompanyInfo {
  guid: string;
  name: string;
  booksFrom: IsoDate | null;
  masterAlterId: number;
  voucherAlterId: number;
  profile?: CompanyProfileRecord | undefined;
}

/**
 * A party's contact details as TallyPrime before release 4 writes them on the LEDGER (docs/TALLY.md
 * "Contact details"): MAILINGNAME.LIST, ADDRESS.LIST, PINCODE, COUNTRYNAME, EMAIL, EMAILCC, LEDGERMOBILE,
 * LEDGERPHONE, LEDGERCONTACT; and its interest settings (ISINTERESTON, INTERESTCOLLECTION.LIST).
 */
function contactTags(c: LedgerContactRecord | undefined, i: LedgerInterestRecord | undefined): string {
  const str = (tag: string, value: string | null): string =>
    value === null ? '' : `<${tag} TYPE="String">${esc(value)}</${tag}>`;
  const contact =
    c === undefined
      ? ''
      : (c.mailingName !== null
          ? `<MAILINGNAME.LIST TYPE="String"><MAILINGNAME>${esc(c.mailingName)}</MAILINGNAME></MAILINGNAME.LIST>`
          : '') +
        (c.address.length > 0
          ? `<ADDRESS.LIST TYPE="String">${c.address.map((a) => `<ADDRESS>${esc(a)}</ADDRESS>`).join('')}</ADDRESS.LIST>`
          : '') +
        str('PINCODE', c.pincode) +
        str('COUNTRYNAME', c.country) +
        str('EMAIL', c.email) +
        str('EMAILCC', c.emailCc) +
        str('LEDGERMOBILE', c.mobile) +
        str('LEDGERPHONE', c.phone) +
        str('LEDGERCONTACT', c.contactPerson);
  const interest =
    i === undefined
      ? ''
      : `<ISINTERESTON TYPE="Logical">Yes</ISINTERESTON><INTERESTONBILLWISE TYPE="Logical">${yn(i.billWise)}</INTERESTONBILLWISE>` +
        `<INTERESTINCLDAYOFADDITION TYPE="Logical">${yn(i.includeDayOfAddition)}</INTERESTINCLDAYOFADDITION>` +
        `<INTERESTINCLDAYOFDEDUCTION TYPE="Logical">${yn(i.includeDayOfDeduction)}</INTERESTINCLDAYOFDEDUCTION>` +
        i.slabs
          .map(
            (slab) =>
              `<INTERESTCOLLECTION.LIST><INTERESTRATE TYPE="Number"> ${esc(slab.rate)}</INTERESTRATE>` +
              `<INTERESTSTYLE>${esc(slab.style)}</INTERESTSTYLE><INTERESTBALANCETYPE>${esc(slab.balanceType)}</INTERESTBALANCETYPE>` +
              `<INTERESTAPPLON>${esc(slab.appliedOn)}</INTERESTAPPLON><INTERESTAPPLFROM TYPE="Number"> ${esc(slab.appliedFrom)}</INTERESTAPPLFROM>` +
              `<INTERESTFROMTYPE>${esc(slab.fromType)}</INTERESTFROMTYPE><ROUNDTYPE>${esc(slab.roundType)}</ROUNDTYPE>` +
              `<ROUNDLIMIT>${esc(slab.roundLimit)}</ROUNDLIMIT></INTERESTCOLLECTION.LIST>`,
          )
          .join('');
  return contact + interest;
}

/** The company master's address and GST registration (BASICCOMPANYFORMALNAME, ADDRESS.LIST, STATENAME ...). */
function profileTags(p: CompanyProfileRecord | undefined): string {
  if (p === undefined) return '';
  const str = (tag: string, value: string | null): string =>
    value === null ? '' : `<${tag}>${esc(value)}</${tag}>`;
  return (
    str('BASICCOMPANYFORMALNAME', p.mailingName) +
    (p.address.length > 0
      ? `<ADDRESS.LIST TYPE="String">${p.address.map((a) => `<ADDRESS>${esc(a)}</ADDRESS>`).join('')}</ADDRESS.LIST>`
      : '') +
    str('STATENAME', p.state) +
    str('PINCODE', p.pincode) +
    str('COUNTRYNAME', p.country) +
    str('EMAIL', p.email) +
    str('PHONENUMBER', p.phone) +
    str('GSTREGISTRATIONNUMBER', p.gstin) +
    str('GSTREGISTRATIONTYPE', p.registrationType)
  );
}

export interface Renderer {
  readonly mode: RenderMode;
  readonly shapes: RealShapeOptions;
  group(g: GroupRecord): string;
  ledger(l: LedgerRecord): string;
  voucherType(t: VoucherTypeRecord): string;
  stockGroup(g: StockGroupRecord): string;
  unit(u: UnitRecord): string;
  godown(g: GodownRecord): string;
  stockItem(i: StockItemRecord): string;
  voucher(v: VoucherRecord, options?: { partyLedgers?: ReadonlySet<string> }): string;
  company(c: SimCompanyInfo): string;
  /** One row of the aggregated per-date count. */
  countRow(date: IsoDate, count: number): string;
  /** One row of the voucher index (date, GUID, AlterID, type, number). */
  indexRow(v: VoucherRecord): string;
  /** The Stock-in-Hand group with its closing balance (the closing stock, debit positive in the app). */
  stockInHand(closing: Paise): string;
  /** Groups in the order they are written: with the shape on, primary groups come twice (same GUID). */
  groupsWritten(groups: readonly GroupRecord[]): GroupRecord[];
}

/** Financial year start (April) of a date: Tally's STARTINGFROM. */
export function yearStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  return `${Number(date.slice(5, 7)) >= 4 ? year : year - 1}-04-01`;
}

export function createRenderer(options: RenderOptions = {}): Renderer {
  const mode = options.mode ?? 'export';
  const shapes = resolveShapes(options.realShapes);
  const typed = mode === 'collection' && shapes.typeAttributes;
  const flagsOf = options.exportedFlags ?? new Map<string, GroupFlags>();
  /** Opening tags of values, with their TYPE attribute when the answer carries them. */
  const T = Object.fromEntries(
    Object.entries(VALUE_TYPES).map(([tag, type]) => [tag, typed ? `<${tag} TYPE="${type}">` : `<${tag}>`]),
  ) as Record<keyof typeof VALUE_TYPES, string>;

  const renderBill = (bill: BillAllocationRecord): string => {
    const period =
      bill.creditPeriodDays !== null
        ? `${T.BILLCREDITPERIOD}${bill.creditPeriodDays} Days</BILLCREDITPERIOD>`
        : '';
    return (
      `<BILLALLOCATIONS.LIST>${T.NAME}${esc(bill.billName)}</NAME>${T.BILLTYPE}${bill.billType}</BILLTYPE>` +
      `${period}${T.AMOUNT}${tallyAmount(bill.amount)}</AMOUNT></BILLALLOCATIONS.LIST>`
    );
  };

  /** A master's PARENT: primary groups and the Profit & Loss A/c have none. */
  const parent = (name: string | null): string => {
    if (name !== null) return `${T.PARENT}${esc(name)}</PARENT>`;
    if (!shapes.primaryParent) return `${T.PARENT}</PARENT>`;
    return mode === 'export' ? '<PARENT/>' : `${T.PARENT}${PRIMARY}</PARENT>`;
  };

  /**
   * One inventory line. Its ISDEEMEDPOSITIVE says the direction (Yes: inward); quantities are written
   * without a sign. `allocation`: the invoice's sales/purchase ledger line, written inside it as exports do.
   */
  const inventoryLine = (line: InventoryEntryRecord, allocation: string): string => {
    const inward = line.actualQuantity !== 0 ? line.actualQuantity > 0 : line.amount > 0;
    const qty = (milli: number): string =>
      ` ${quantityText(milli)}${line.unit !== null ? ` ${line.unit}` : ''}`;
    // The note a line is tracked against sits in its batch allocation; exports write "Not Applicable"
    // for an untracked one (real Tally exports, TALLY-SOURCES §13).
    const tracking = line.trackingNumber ?? null;
    const trackingTag =
      tracking !== null
        ? `${T.TRACKINGNUMBER}${esc(tracking)}</TRACKINGNUMBER>`
        : mode === 'export'
          ? `${T.TRACKINGNUMBER}${NOT_APPLICABLE}</TRACKINGNUMBER>`
          : '';
    const quantities =
      `${T.ACTUALQTY}${qty(line.actualQuantity)}</ACTUALQTY>` +
      `${T.BILLEDQTY}${qty(line.billedQuantity)}</BILLEDQTY>`;
    return (
      `<ALLINVENTORYENTRIES.LIST>${T.STOCKITEMNAME}${esc(line.stockItemName)}</STOCKITEMNAME>` +
      `${T.ISDEEMEDPOSITIVE}${yn(inward)}</ISDEEMEDPOSITIVE>` +
      (line.rate !== null ? `${T.RATE}${esc(rateText(line.rate, line.rateUnit))}</RATE>` : '') +
      `${T.AMOUNT}${tallyAmount(line.amount)}</AMOUNT>${quantities}` +
      (line.godown !== null || tracking !== null
        ? `<BATCHALLOCATIONS.LIST>` +
          (line.godown !== null ? `${T.GODOWNNAME}${esc(line.godown)}</GODOWNNAME>` : '') +
          (mode === 'export' ? '<BATCHNAME>Primary Batch</BATCHNAME>' : '') +
          trackingTag +
          `${T.AMOUNT}${tallyAmount(line.amount)}</AMOUNT>${quantities}` +
          `</BATCHALLOCATIONS.LIST>`
        : '<BATCHALLOCATIONS.LIST>      </BATCHALLOCATIONS.LIST>') +
      allocation +
      lineGstTags(line.gst, true) +
      `</ALLINVENTORYENTRIES.LIST>`
    );
  };

  const ledgerLine = (
    list: 'ALLLEDGERENTRIES.LIST' | 'ACCOUNTINGALLOCATIONS.LIST',
    e: VoucherRecord['entries'][number],
    isParty: boolean,
  ): string =>
    `<${list}>${T.LEDGERNAME}${esc(e.ledgerName)}</LEDGERNAME>` +
    `${T.ISDEEMEDPOSITIVE}${yn(e.amount > 0)}</ISDEEMEDPOSITIVE>${T.ISPARTYLEDGER}${yn(isParty)}</ISPARTYLEDGER>` +
    `${T.AMOUNT}${tallyAmount(e.amount)}</AMOUNT>` +
    e.bills.map(renderBill).join('') +
    lineGstTags(e.gst, false) +
    `</${list}>`;

  /**
   * In an export, an invoice's sales/purchase line sits inside its inventory line (ACCOUNTINGALLOCATIONS)
   * instead of the ledger list, where one inventory line stands for exactly that ledger line. Collection
   * answers carry every ledger line in AllLedgerEntries (TallyConnect does not fetch the allocations).
   * Returns, per entry index, the inventory line written in its place.
   */
  const allocated = (v: VoucherRecord): Map<number, InventoryEntryRecord> => {
    const placed = new Map<number, InventoryEntryRecord>();
    if (mode !== 'export' || !v.inventory) return placed;
    for (const line of v.inventory) {
      const ledger = line.ledgerName ?? null;
      if (ledger === null) continue;
      const lines = v.inventory.filter((l) => (l.ledgerName ?? null) === ledger);
      const entries = v.entries.flatMap((e, i) => (e.ledgerName === ledger ? [i] : []));
      const [only] = entries;
      if (lines.length !== 1 || entries.length !== 1 || only === undefined) continue;
      const entry = v.entries[only]!;
      if (entry.bills.length === 0 && entry.amount === line.amount) placed.set(only, line);
    }
    return placed;
  };

  const voucher = (v: VoucherRecord, opts: { partyLedgers?: ReadonlySet<string> } = {}): string => {
    let out =
      `<VOUCHER REMOTEID="${esc(v.guid)}" VCHTYPE="${esc(v.voucherType)}" ACTION="Create">` +
      `${T.DATE}${tallyDate(v.date)}</DATE>${T.GUID}${esc(v.guid)}</GUID>` +
      `${T.NARRATION}${esc(v.narration)}</NARRATION>` +
      `${T.VOUCHERTYPENAME}${esc(v.voucherType)}</VOUCHERTYPENAME>` +
      `${T.VOUCHERNUMBER}${esc(v.voucherNumber)}</VOUCHERNUMBER>` +
      (v.partyLedgerName ? `${T.PARTYLEDGERNAME}${esc(v.partyLedgerName)}</PARTYLEDGERNAME>` : '') +
      (v.reference ? `${T.REFERENCE}${esc(v.reference)}</REFERENCE>` : '') +
      voucherGstTags(v.gst, tallyDate) +
      `${T.ISCANCELLED}${yn(v.isCancelled)}</ISCANCELLED>${T.ISOPTIONAL}${yn(v.isOptional)}</ISOPTIONAL>` +
      `${T.ISPOSTDATED}${yn(v.isPostDated === true)}</ISPOSTDATED>` +
      `${T.ALTERID} ${v.alterId}</ALTERID>` +
      (v.masterId !== null ? `${T.MASTERID} ${v.masterId}</MASTERID>` : '') +
      `<EWAYBILLDETAILS.LIST>      </EWAYBILLDETAILS.LIST>`;
    const placed = allocated(v);
    v.entries.forEach((e, i) => {
      const isParty = opts.partyLedgers?.has(e.ledgerName) ?? e.ledgerName === v.partyLedgerName;
      const line = placed.get(i);
      out +=
        line !== undefined
          ? inventoryLine(line, ledgerLine('ACCOUNTINGALLOCATIONS.LIST', e, isParty))
          : ledgerLine('ALLLEDGERENTRIES.LIST', e, isParty);
    });
    const inPlace = new Set(placed.values());
    for (const line of v.inventory ?? []) if (!inPlace.has(line)) out += inventoryLine(line, '');
    return `${out}</VOUCHER>\r\n`;
  };

  const group = (g: GroupRecord): string => {
    const reserved = g.reservedName ? ` RESERVEDNAME="${esc(g.reservedName)}"` : ' RESERVEDNAME=""';
    const written = (shapes.misleadingSubGroupFlags ? flagsOf.get(g.guid) : undefined) ?? {
      isRevenue: g.isRevenue,
      affectsGrossProfit: g.affectsGrossProfit,
      isDeemedPositive: g.nature === 'asset' || g.nature === 'expense',
    };
    return (
      `<GROUP NAME="${esc(g.name)}"${reserved}>${T.GUID}${esc(g.guid)}</GUID>` +
      parent(g.parent) +
      `${T.ISREVENUE}${yn(written.isRevenue)}</ISREVENUE>${T.AFFECTSGROSSPROFIT}${yn(written.affectsGrossProfit)}</AFFECTSGROSSPROFIT>` +
      `${T.ISDEEMEDPOSITIVE}${yn(written.isDeemedPositive)}</ISDEEMEDPOSITIVE>${T.ISSUBLEDGER}No</ISSUBLEDGER>` +
      `${T.ALTERID} ${g.alterId}</ALTERID>` +
      `<LANGUAGENAME.LIST><NAME.LIST TYPE="String">${T.NAME}${esc(g.name)}</NAME></NAME.LIST></LANGUAGENAME.LIST>` +
      `</GROUP>\r\n`
    );
  };

  const ledger = (l: LedgerRecord): string => {
    const bills = l.openingBills
      .map(
        (b) =>
          `<BILLALLOCATIONS.LIST>${T.NAME}${esc(b.billName)}</NAME>` +
          (b.billDate ? `${T.BILLDATE}${tallyDate(b.billDate)}</BILLDATE>` : '') +
          (b.creditPeriodDays !== null
            ? `${T.BILLCREDITPERIOD}${b.creditPeriodDays} Days</BILLCREDITPERIOD>`
            : '') +
          `${T.ISADVANCE}No</ISADVANCE>${T.OPENINGBALANCE}${tallyAmount(b.amount)}</OPENINGBALANCE></BILLALLOCATIONS.LIST>`,
      )
      .join('');
    return (
      `<LEDGER NAME="${esc(l.name)}" RESERVEDNAME="${esc(l.reservedName ?? '')}">${T.GUID}${esc(l.guid)}</GUID>` +
      parent(l.parent) +
      `${T.OPENINGBALANCE}${tallyAmount(l.openingBalance)}</OPENINGBALANCE>` +
      `${T.ISBILLWISEON}${yn(l.isBillWise)}</ISBILLWISEON>` +
      (l.creditPeriodDays !== null
        ? `${T.BILLCREDITPERIOD}${l.creditPeriodDays} Days</BILLCREDITPERIOD>`
        : '') +
      (l.gstin ? `${T.PARTYGSTIN}${esc(l.gstin)}</PARTYGSTIN>` : '') +
      (l.state ? `${T.LEDSTATENAME}${esc(l.state)}</LEDSTATENAME>` : '') +
      ledgerGstTags(l.gst) +
      contactTags(l.contact, l.interest) +
      `${T.ALTERID} ${l.alterId}</ALTERID>` +
      `<LANGUAGENAME.LIST><NAME.LIST TYPE="String">${T.NAME}${esc(l.name)}</NAME></NAME.LIST></LANGUAGENAME.LIST>` +
      `${bills}<BILLALLOCATIONS.LIST>      </BILLALLOCATIONS.LIST>` +
      ((l.closingValues ?? []).length > 0
        ? (l.closingValues ?? [])
            .map(
              (c) =>
                `<LEDGERCLOSINGVALUES.LIST>${T.DATE}${tallyDate(c.date)}</DATE>${T.AMOUNT}${tallyAmount(c.amount)}</AMOUNT></LEDGERCLOSINGVALUES.LIST>`,
            )
            .join('')
        : '<LEDGERCLOSINGVALUES.LIST>      </LEDGERCLOSINGVALUES.LIST>') +
      `</LEDGER>\r\n`
    );
  };

  const voucherType = (t: VoucherTypeRecord): string =>
    `<VOUCHERTYPE NAME="${esc(t.name)}" RESERVEDNAME="${esc(t.reservedName ?? '')}">${T.GUID}${esc(t.guid)}</GUID>` +
    `${T.PARENT}${esc(t.parent)}</PARENT>` +
    `${T.NUMBERINGMETHOD}${t.autoNumbered ? 'Automatic' : 'Manual'}</NUMBERINGMETHOD>` +
    `${T.ALTERID} ${t.alterId}</ALTERID></VOUCHERTYPE>\r\n`;

  const languageName = (name: string): string =>
    `<LANGUAGENAME.LIST><NAME.LIST TYPE="String">${T.NAME}${esc(name)}</NAME></NAME.LIST></LANGUAGENAME.LIST>`;

  const stockGroup = (g: StockGroupRecord): string =>
    `<STOCKGROUP NAME="${esc(g.name)}" RESERVEDNAME="">${T.GUID}${esc(g.guid)}</GUID>${parent(g.parent)}` +
    `${T.ALTERID} ${g.alterId}</ALTERID>${languageName(g.name)}</STOCKGROUP>\r\n`;

  const godown = (g: GodownRecord): string =>
    `<GODOWN NAME="${esc(g.name)}" RESERVEDNAME="">${T.GUID}${esc(g.guid)}</GUID>${parent(g.parent)}` +
    `${T.ALTERID} ${g.alterId}</ALTERID>${languageName(g.name)}</GODOWN>\r\n`;

  const unit = (u: UnitRecord): string =>
    `<UNIT NAME="${esc(u.name)}" RESERVEDNAME="">${T.NAME}${esc(u.name)}</NAME>${T.GUID}${esc(u.guid)}</GUID>` +
    (u.formalName !== null ? `${T.ORIGINALNAME}${esc(u.formalName)}</ORIGINALNAME>` : '') +
    `${T.ISSIMPLEUNIT}${yn(u.isSimple)}</ISSIMPLEUNIT>` +
    (u.baseUnits !== null ? `${T.BASEUNITS}${esc(u.baseUnits)}</BASEUNITS>` : `${T.BASEUNITS}</BASEUNITS>`) +
    (u.additionalUnits !== null
      ? `${T.ADDITIONALUNITS}${esc(u.additionalUnits)}</ADDITIONALUNITS>`
      : `${T.ADDITIONALUNITS}</ADDITIONALUNITS>`) +
    `${T.CONVERSION} ${u.conversion !== null ? quantityText(u.conversion) : '0'}</CONVERSION>` +
    `${T.DECIMALPLACES} ${u.decimalPlaces}</DECIMALPLACES>${T.ALTERID} ${u.alterId}</ALTERID></UNIT>\r\n`;

  const stockItem = (i: StockItemRecord): string => {
    const unitSuffix = i.unit !== null ? ` ${i.unit}` : '';
    const opening = mode === 'collection' && typed ? '<OPENINGBALANCE TYPE="Quantity">' : '<OPENINGBALANCE>';
    return (
      `<STOCKITEM NAME="${esc(i.name)}" RESERVEDNAME="">${T.GUID}${esc(i.guid)}</GUID>${parent(i.parent)}` +
      `${T.BASEUNITS}${i.unit !== null ? esc(i.unit) : NOT_APPLICABLE}</BASEUNITS>` +
      `${T.COSTINGMETHOD}${esc(i.costingMethod)}</COSTINGMETHOD>` +
      `${opening}${i.openingQuantity < 0 ? '-' : ' '}${quantityText(i.openingQuantity)}${esc(unitSuffix)}</OPENINGBALANCE>` +
      `${T.OPENINGVALUE}${tallyAmount(i.openingValue)}</OPENINGVALUE>` +
      (i.openingRate !== null
        ? `${T.OPENINGRATE}${esc(rateText(i.openingRate, i.unit))}</OPENINGRATE>`
        : '') +
      gstDetails(i.gst) +
      `${T.ALTERID} ${i.alterId}</ALTERID>${languageName(i.name)}</STOCKITEM>\r\n`
    );
  };

  const company = (c: SimCompanyInfo): string =>
    `<COMPANY NAME="${esc(c.name)}">${T.NAME}${esc(c.name)}</NAME>${T.GUID}${esc(c.guid)}</GUID>` +
    (c.booksFrom
      ? `${T.STARTINGFROM}${tallyDate(yearStart(c.booksFrom))}</STARTINGFROM>${T.BOOKSFROM}${tallyDate(c.booksFrom)}</BOOKSFROM>`
      : '') +
    `${T.ALTMSTID} ${c.masterAlterId}</ALTMSTID>${T.ALTVCHID} ${c.voucherAlterId}</ALTVCHID>` +
    `${profileTags(c.profile)}</COMPANY>\r\n`;

  const countRow = (date: IsoDate, count: number): string =>
    shapes.countRows
      ? `<OBJECT>${T.DATE}${shortTallyDate(date)}</DATE>${T.COUNT} ${count}</COUNT></OBJECT>\r\n`
      : `<VOUCHER>${T.DATE}${tallyDate(date)}</DATE>${T.COUNT} ${count}</COUNT></VOUCHER>\r\n`;

  const indexRow = (v: VoucherRecord): string =>
    `<VOUCHER>${T.DATE}${tallyDate(v.date)}</DATE>${T.GUID}${esc(v.guid)}</GUID>${T.ALTERID} ${v.alterId}</ALTERID>` +
    `${T.VOUCHERTYPENAME}${esc(v.voucherType)}</VOUCHERTYPENAME>${T.VOUCHERNUMBER}${esc(v.voucherNumber)}</VOUCHERNUMBER></VOUCHER>\r\n`;

  const stockInHand = (closing: Paise): string =>
    `<GROUP NAME="Stock-in-Hand" RESERVEDNAME="Stock-in-Hand">${T.NAME}Stock-in-Hand</NAME>` +
    `${T.CLOSINGBALANCE}${tallyAmount(closing)}</CLOSINGBALANCE></GROUP>\r\n`;

  const groupsWritten = (groups: readonly GroupRecord[]): GroupRecord[] =>
    shapes.groupsTwice ? [...groups, ...groups.filter((g) => g.parent === null)] : [...groups];

  return {
    mode,
    shapes,
    group,
    ledger,
    voucherType,
    stockGroup,
    unit,
    godown,
    stockItem,
    voucher,
    company,
    countRow,
    indexRow,
    stockInHand,
    groupsWritten,
  };
}

/** Export-file renderers (no TYPE attributes, <PARENT/>), every shape on. */
const exportRenderer = createRenderer();

export function renderVoucher(
  v: VoucherRecord,
  options: { partyLedgers?: ReadonlySet<string> } = {},
): string {
  return exportRenderer.voucher(v, options);
}
export function renderGroup(g: GroupRecord): string {
  return exportRenderer.group(g);
}
export function renderLedger(l: LedgerRecord): string {
  return exportRenderer.ledger(l);
}
export function renderVoucherType(t: VoucherTypeRecord): string {
  return exportRenderer.voucherType(t);
}
export function renderCompany(c: SimCompanyInfo): string {
  return exportRenderer.company(c);
}

/** The envelope of an answer to a TYPE Collection export; real Tally's CMPINFO counters unless switched off. */
export function collectionHeadFor(shapes: Partial<RealShapeOptions> = {}): string {
  const desc = resolveShapes(shapes).cmpinfo ? CMPINFO : '<DESC></DESC>';
  return `<ENVELOPE>\r\n<HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER>\r\n<BODY>${desc}<DATA><COLLECTION>\r\n`;
}
/** Real Tally's head (with CMPINFO). */
export const collectionHead = collectionHeadFor();
/** The head with an empty DESC, as the simulator used to answer. */
export const plainCollectionHead = collectionHeadFor({ cmpinfo: false });
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

/** The COMPANY object a masters export carries: STARTINGFROM and BOOKSFROM, YYYYMMDD. */
export function renderExportCompany(c: {
  guid: string;
  name: string;
  booksFrom: IsoDate | null;
  profile?: CompanyProfileRecord | undefined;
}): string {
  return (
    `<COMPANY NAME="${esc(c.name)}" RESERVEDNAME=""><NAME>${esc(c.name)}</NAME><GUID>${esc(c.guid)}</GUID>` +
    (c.booksFrom
      ? `<STARTINGFROM>${tallyDate(yearStart(c.booksFrom))}</STARTINGFROM><BOOKSFROM>${tallyDate(c.booksFrom)}</BOOKSFROM>`
      : '') +
    profileTags(c.profile) +
    `</COMPANY>\r\n`
  );
}

/** The error envelope Tally answers with when a request fails. */
export const errorEnvelope = (message: string): string =>
  `<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>${esc(message)}</LINEERROR></DATA></BODY></ENVELOPE>\r\n`;
