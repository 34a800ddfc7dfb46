import type { IsoDate } from '../../../shared/dates';
import { CONTACT_FETCH } from './contact-fields';
import { GST_FETCH } from './gst-fields';
import { escapeXml, toTallyDate, toTallyRequestDate } from './quirks';

/**
 * Export requests, as TallyPrime's XML interface takes them: TYPE Collection with an inline TDL
 * collection (FETCH lists, filters as TDL formulae). Names are XML-escaped here and nowhere else.
 */

export const REQUEST_IDS = {
  companies: 'TCCompanies',
  groups: 'TCGroups',
  ledgers: 'TCLedgers',
  voucherTypes: 'TCVoucherTypes',
  stockGroups: 'TCStockGroups',
  stockItems: 'TCStockItems',
  units: 'TCUnits',
  godowns: 'TCGodowns',
  voucherDates: 'TCVoucherDates',
  voucherIndex: 'TCVoucherIndex',
  vouchers: 'TCVouchers',
  stockInHand: 'TCStockInHand',
  changePeriod: 'TCChangePeriod',
} as const;

interface CollectionSpec {
  id: string;
  company?: string;
  from?: IsoDate;
  to?: IsoDate;
  body: string;
  formulae?: Record<string, string>;
}

function envelope(spec: CollectionSpec): string {
  const statics =
    '<SVEXPORTFORMAT>$$SysName:XML</SVEXPORTFORMAT>' +
    (spec.company !== undefined ? `<SVCURRENTCOMPANY>${escapeXml(spec.company)}</SVCURRENTCOMPANY>` : '') +
    (spec.from !== undefined ? `<SVFROMDATE>${toTallyRequestDate(spec.from)}</SVFROMDATE>` : '') +
    (spec.to !== undefined ? `<SVTODATE>${toTallyRequestDate(spec.to)}</SVTODATE>` : '');
  const formulae = Object.entries(spec.formulae ?? {})
    .map(([name, formula]) => `<SYSTEM TYPE="Formulae" NAME="${name}">${escapeXml(formula)}</SYSTEM>`)
    .join('');
  return (
    '<ENVELOPE><HEADER><VERSION>1</VERSION><TALLYREQUEST>Export</TALLYREQUEST><TYPE>Collection</TYPE>' +
    `<ID>${spec.id}</ID></HEADER><BODY><DESC><STATICVARIABLES>${statics}</STATICVARIABLES>` +
    `<TDL><TDLMESSAGE>${spec.body}${formulae}</TDLMESSAGE></TDL></DESC></BODY></ENVELOPE>`
  );
}

const collection = (id: string, type: string, fetch: string, filters: string[] = []): string =>
  `<COLLECTION NAME="${id}" ISMODIFY="No"><TYPE>${type}</TYPE><FETCH>${fetch}</FETCH>` +
  (filters.length ? `<FILTER>${filters.join(', ')}</FILTER>` : '') +
  '</COLLECTION>';

/** Companies open in Tally, with the AlterIDs incremental sync polls. */
export function companiesRequest(): string {
  return envelope({
    id: REQUEST_IDS.companies,
    body: collection(
      REQUEST_IDS.companies,
      'Company',
      `Name, GUID, BooksFrom, StartingFrom, AltMstId, AltVchId, ${CONTACT_FETCH.company}`,
    ),
  });
}

export function groupsRequest(company: string): string {
  return envelope({
    id: REQUEST_IDS.groups,
    company,
    body: collection(
      REQUEST_IDS.groups,
      'Group',
      'Name, GUID, Parent, ReservedName, IsRevenue, AffectsGrossProfit, IsDeemedPositive, IsSubLedger, AlterID',
    ),
  });
}

export function ledgersRequest(company: string): string {
  return envelope({
    id: REQUEST_IDS.ledgers,
    company,
    body: collection(
      REQUEST_IDS.ledgers,
      'Ledger',
      'Name, GUID, Parent, ReservedName, OpeningBalance, IsBillWiseOn, BillCreditPeriod, PartyGSTIN, LedStateName, AlterID, ' +
        'BillAllocations.Name, BillAllocations.BillDate, BillAllocations.OpeningBalance, BillAllocations.BillCreditPeriod, ' +
        // Dated closing values the user entered (stored, not computed: cheap to fetch in bulk).
        'LedgerClosingValues.Date, LedgerClosingValues.Amount, ' +
        `${GST_FETCH.ledger}, ${CONTACT_FETCH.ledger}`,
    ),
  });
}

export function voucherTypesRequest(company: string): string {
  return envelope({
    id: REQUEST_IDS.voucherTypes,
    company,
    body: collection(REQUEST_IDS.voucherTypes, 'VoucherType', 'Name, GUID, Parent, NumberingMethod, AlterID'),
  });
}

/**
 * The stock masters, one collection each (an empty answer for a company without inventory). Only stored
 * fields: no computed closing balances (heavy for Tally, see docs/TALLY.md).
 */
export const STOCK_MASTER_REQUESTS = {
  stockGroups: { type: 'StockGroup', fetch: 'Name, GUID, Parent, AlterID' },
  units: {
    type: 'Unit',
    fetch:
      'Name, GUID, OriginalName, DecimalPlaces, IsSimpleUnit, BaseUnits, AdditionalUnits, Conversion, AlterID',
  },
  godowns: { type: 'Godown', fetch: 'Name, GUID, Parent, AlterID' },
  stockItems: {
    type: 'StockItem',
    fetch: `Name, GUID, Parent, BaseUnits, OpeningBalance, OpeningRate, OpeningValue, CostingMethod, AlterID, ${GST_FETCH.stockItem}`,
  },
} as const;
export type StockMasterKind = keyof typeof STOCK_MASTER_REQUESTS;

export function stockMastersRequest(company: string, kind: StockMasterKind): string {
  const id = REQUEST_IDS[kind];
  const spec = STOCK_MASTER_REQUESTS[kind];
  return envelope({ id, company, body: collection(id, spec.type, spec.fetch) });
}

/**
 * How many vouchers each date holds: the batches are sized from this (Tally stalls on huge exports).
 * Every voucher counts, cancelled, optional and orders included: they are stored (off the books) as the
 * day book lists them.
 */
export function voucherDatesRequest(
  company: string,
  from: IsoDate,
  to: IsoDate,
  alteredAfter?: number,
): string {
  const filters: string[] = [];
  const formulae: Record<string, string> = {};
  if (alteredAfter !== undefined) {
    filters.push('TCAltered');
    formulae.TCAltered = `$AlterID > ${Math.trunc(alteredAfter)}`;
  }
  return envelope({
    id: REQUEST_IDS.voucherDates,
    company,
    from,
    to,
    body:
      collection('TCVchSource', 'Voucher', 'Date', filters) +
      `<COLLECTION NAME="${REQUEST_IDS.voucherDates}" ISMODIFY="No"><SOURCECOLLECTION>TCVchSource</SOURCECOLLECTION>` +
      '<BY>Date : $Date</BY><AGGRCOMPUTE>Count : SUM : $$Number:1</AGGRCOMPUTE><FETCH>Date, Count</FETCH></COLLECTION>',
    formulae,
  });
}

const rangeFilter = (from: IsoDate, to: IsoDate): Record<string, string> => ({
  TCFrom: `$Date >= $$Date:"${toTallyDate(from)}"`,
  TCTo: `$Date <= $$Date:"${toTallyDate(to)}"`,
});

/** GUID, AlterID and number of every voucher in a range: finds deletions and renumbered vouchers. */
export function voucherIndexRequest(company: string, from: IsoDate, to: IsoDate): string {
  return envelope({
    id: REQUEST_IDS.voucherIndex,
    company,
    from,
    to,
    body: collection(
      REQUEST_IDS.voucherIndex,
      'Voucher',
      'Date, GUID, AlterID, VoucherTypeName, VoucherNumber',
      ['TCFrom', 'TCTo'],
    ),
    formulae: rangeFilter(from, to),
  });
}

/** Full vouchers of a date range, optionally only those altered after an AlterID. */
export function vouchersRequest(company: string, from: IsoDate, to: IsoDate, alteredAfter?: number): string {
  const filters = ['TCFrom', 'TCTo'];
  const formulae: Record<string, string> = rangeFilter(from, to);
  if (alteredAfter !== undefined) {
    filters.push('TCAltered');
    formulae.TCAltered = `$AlterID > ${Math.trunc(alteredAfter)}`;
  }
  return envelope({
    id: REQUEST_IDS.vouchers,
    company,
    from,
    to,
    body: collection(
      REQUEST_IDS.vouchers,
      'Voucher',
      'Date, GUID, AlterID, MasterID, VoucherTypeName, VoucherNumber, PartyLedgerName, Narration, Reference, ' +
        'IsCancelled, IsOptional, IsPostDated, AllLedgerEntries.LedgerName, AllLedgerEntries.Amount, ' +
        'AllLedgerEntries.IsDeemedPositive, AllLedgerEntries.BillAllocations.Name, ' +
        'AllLedgerEntries.BillAllocations.BillType, AllLedgerEntries.BillAllocations.Amount, ' +
        'AllLedgerEntries.BillAllocations.BillCreditPeriod, ' +
        // Inventory lines without their AccountingAllocations: AllLedgerEntries already holds every ledger
        // line of an invoice (reading both would count the sales/purchase lines twice).
        'AllInventoryEntries.StockItemName, AllInventoryEntries.IsDeemedPositive, ' +
        'AllInventoryEntries.ActualQty, AllInventoryEntries.BilledQty, AllInventoryEntries.Rate, ' +
        'AllInventoryEntries.Amount, AllInventoryEntries.BatchAllocations.GodownName, ' +
        'AllInventoryEntries.BatchAllocations.Amount, AllInventoryEntries.BatchAllocations.ActualQty, ' +
        'AllInventoryEntries.BatchAllocations.BilledQty, AllInventoryEntries.BatchAllocations.TrackingNumber, ' +
        GST_FETCH.voucher,
      filters,
    ),
    formulae,
  });
}

/** Reserved name of the group whose closing balance is the company's closing stock. */
export const STOCK_IN_HAND_GROUP = 'Stock-in-Hand';

/**
 * The Stock-in-Hand group's closing balance as on `asOn` (period `from`..`asOn`): the closing stock as Tally
 * itself values it — from the stock items by each item's costing method when accounts are integrated with
 * inventory, else the Stock-in-Hand ledgers' closing values. Tally computes it for the request, so it is
 * asked once per date TallyConnect needs (month ends and the last voucher date), never in bulk.
 * Source: tally-mcp-server's profit-and-loss and balance-sheet tools read the group this way (docs/TALLY.md).
 */
export function stockInHandRequest(company: string, from: IsoDate, asOn: IsoDate): string {
  return envelope({
    id: REQUEST_IDS.stockInHand,
    company,
    from,
    to: asOn,
    body: collection(REQUEST_IDS.stockInHand, 'Group', 'Name, ReservedName, ClosingBalance', [
      'TCStockGroup',
    ]),
    formulae: {
      TCStockGroup: `$$IsEqual:$Name:"${STOCK_IN_HAND_GROUP}" OR $$IsEqual:$ReservedName:"${STOCK_IN_HAND_GROUP}"`,
    },
  });
}

/**
 * Makes [from, to] Tally's current period. Collection exports read Tally's current period, not the
 * request's SVFROMDATE/SVTODATE: a live TallyPrime answered a voucher collection with the current
 * financial year only, whatever dates were asked (MarketingBNG/Tally-MCP probe findings), and
 * tally-database-loader sets the period this way before it exports (docs/TALLY.md "Tally's current
 * period"). The report "Change Period" is Tally's Alt+F2; its SETs are what that screen sets.
 */
export function changePeriodRequest(from: IsoDate, to: IsoDate): string {
  const id = REQUEST_IDS.changePeriod;
  return (
    '<ENVELOPE><HEADER><VERSION>1</VERSION><TALLYREQUEST>Export</TALLYREQUEST><TYPE>Data</TYPE>' +
    `<ID>${id}</ID></HEADER><BODY><DESC><STATICVARIABLES></STATICVARIABLES><TDL><TDLMESSAGE>` +
    `<REPORT NAME="${id}"><USE>Change Period</USE>` +
    `<SET>SVFromDate : "${toTallyRequestDate(from)}"</SET><SET>SVToDate : "${toTallyRequestDate(to)}"</SET>` +
    '</REPORT></TDLMESSAGE></TDL></DESC></BODY></ENVELOPE>'
  );
}

/** Tally's current period's first or last day: a Function export answering `<RESULT TYPE="Date">`. */
export function systemPeriodRequest(edge: 'From' | 'To'): string {
  return (
    '<ENVELOPE><HEADER><VERSION>1</VERSION><TALLYREQUEST>Export</TALLYREQUEST><TYPE>Function</TYPE>' +
    `<ID>$$SystemPeriod${edge}</ID></HEADER></ENVELOPE>`
  );
}
