import type { IsoDate } from '../../../shared/dates';
import type {
  GodownRecord,
  GroupRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherTypeRecord,
} from '../db/records';
import { parseAnswer, type RequestSink, type TallyClient } from './client';
import {
  mapCompany,
  mapGodown,
  mapGroup,
  mapLedger,
  mapStockGroup,
  mapStockItem,
  mapUnit,
  mapVoucher,
  mapVoucherType,
  type MappedVoucher,
  type TallyCompany,
} from './mappers';
import type { XNode } from './node';
import { childText } from './node';
import { ANY_OBJECT } from './parser';
import { tallyDate, tallyInt, text, toAppAmount } from './quirks';
import {
  changePeriodRequest,
  companiesRequest,
  groupsRequest,
  ledgersRequest,
  stockInHandRequest,
  stockMastersRequest,
  systemPeriodRequest,
  voucherDatesRequest,
  voucherIndexRequest,
  voucherTypesRequest,
  vouchersRequest,
} from './requests';

/** Typed reads from Tally: each request's objects mapped to records, collected per request. */

function collect<T>(name: string | typeof ANY_OBJECT, map: (node: XNode) => T): RequestSink & { items: T[] } {
  const capture: RequestSink['capture'] = name === ANY_OBJECT ? ANY_OBJECT : new Set([name]);
  const sink = {
    items: [] as T[],
    capture,
    onObject(node: XNode) {
      sink.items.push(map(node));
    },
    reset() {
      sink.items = [];
    },
  };
  return sink;
}

export async function fetchCompanies(client: TallyClient, signal?: AbortSignal): Promise<TallyCompany[]> {
  const sink = collect('COMPANY', mapCompany);
  await client.request(companiesRequest(), sink, { what: 'the list of open companies', signal });
  return sink.items;
}

export interface Masters {
  groups: GroupRecord[];
  ledgers: LedgerRecord[];
  voucherTypes: VoucherTypeRecord[];
  stock: StockMasters;
}

export interface StockMasters {
  stockGroups: StockGroupRecord[];
  units: UnitRecord[];
  godowns: GodownRecord[];
  stockItems: StockItemRecord[];
}

/** One master list of a company: the request's objects of one tag, mapped. */
async function fetchList<T>(
  client: TallyClient,
  request: string,
  tag: string,
  map: (node: XNode) => T,
  read: { what: string; company: string; signal?: AbortSignal },
): Promise<T[]> {
  const sink = collect(tag, map);
  await client.request(request, sink, read);
  return sink.items;
}

/** Stock groups, units, godowns and stock items (empty lists for a company without inventory). */
export async function fetchStockMasters(
  client: TallyClient,
  company: string,
  signal?: AbortSignal,
): Promise<StockMasters> {
  const read = (what: string) => ({ what, company, signal });
  return {
    stockGroups: await fetchList(
      client,
      stockMastersRequest(company, 'stockGroups'),
      'STOCKGROUP',
      mapStockGroup,
      read('the stock groups'),
    ),
    units: await fetchList(client, stockMastersRequest(company, 'units'), 'UNIT', mapUnit, read('the units')),
    godowns: await fetchList(
      client,
      stockMastersRequest(company, 'godowns'),
      'GODOWN',
      mapGodown,
      read('the godowns'),
    ),
    stockItems: await fetchList(
      client,
      stockMastersRequest(company, 'stockItems'),
      'STOCKITEM',
      mapStockItem,
      read('the stock items'),
    ),
  };
}

export async function fetchMasters(
  client: TallyClient,
  company: string,
  signal?: AbortSignal,
): Promise<Masters> {
  const read = (what: string) => ({ what, company, signal });
  // One request after the other: Tally answers one at a time.
  const groups = await fetchList(client, groupsRequest(company), 'GROUP', mapGroup, read('the groups'));
  const ledgers = await fetchList(client, ledgersRequest(company), 'LEDGER', mapLedger, read('the ledgers'));
  const voucherTypes = await fetchList(
    client,
    voucherTypesRequest(company),
    'VOUCHERTYPE',
    mapVoucherType,
    read('the voucher types'),
  );
  const stock = await fetchStockMasters(client, company, signal);
  return { groups, ledgers, voucherTypes, stock };
}

export interface DateCount {
  date: IsoDate;
  count: number;
}

/** A per-date count row: its DATE and COUNT, whatever the row's tag (<OBJECT> or <VOUCHER>). */
export function mapDateCount(node: XNode): DateCount {
  const date = tallyDate(childText(node, 'DATE'), 'DATE');
  if (date === null) return { date: '', count: 0 };
  return { date, count: tallyInt(childText(node, 'COUNT'), 'COUNT') };
}

/** Active vouchers per date, ascending. */
export async function fetchVoucherDates(
  client: TallyClient,
  company: string,
  from: IsoDate,
  to: IsoDate,
  options: { alteredAfter?: number; signal?: AbortSignal } = {},
): Promise<DateCount[]> {
  const sink = collect(ANY_OBJECT, mapDateCount);
  await client.request(voucherDatesRequest(company, from, to, options.alteredAfter), sink, {
    what:
      options.alteredAfter === undefined
        ? 'the voucher count per date'
        : 'the count of changed vouchers per date',
    company,
    signal: options.signal,
  });
  return sink.items.filter((d) => d.date !== '' && d.count > 0).sort((a, b) => (a.date < b.date ? -1 : 1));
}

export interface VoucherIndexEntry {
  guid: string;
  alterId: number;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
}

function mapIndex(node: XNode): VoucherIndexEntry {
  return {
    guid: text(childText(node, 'GUID')) ?? '',
    alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    date: tallyDate(childText(node, 'DATE'), 'DATE') ?? '',
    voucherType: text(childText(node, 'VOUCHERTYPENAME')) ?? '',
    voucherNumber: text(childText(node, 'VOUCHERNUMBER')) ?? '',
  };
}

export async function fetchVoucherIndex(
  client: TallyClient,
  company: string,
  from: IsoDate,
  to: IsoDate,
  signal?: AbortSignal,
): Promise<VoucherIndexEntry[]> {
  const sink = collect('VOUCHER', mapIndex);
  await client.request(voucherIndexRequest(company, from, to), sink, {
    what: `the voucher list from ${from} to ${to}`,
    company,
    signal,
  });
  return sink.items.filter((v) => v.guid !== '');
}

export interface VoucherRange {
  from: IsoDate;
  to: IsoDate;
}

/** How a batch of vouchers is named in messages, and which company's answer it is. */
const vouchersRead = (
  company: string,
  range: VoucherRange,
  signal?: AbortSignal,
): { what: string; company: string; signal?: AbortSignal } => ({
  what: `the vouchers from ${range.from} to ${range.to}`,
  company,
  signal,
});

export async function fetchVouchers(
  client: TallyClient,
  company: string,
  range: VoucherRange,
  options: { alteredAfter?: number; signal?: AbortSignal } = {},
): Promise<MappedVoucher[]> {
  const sink = collect('VOUCHER', mapVoucher);
  await client.request(
    vouchersRequest(company, range.from, range.to, options.alteredAfter),
    sink,
    vouchersRead(company, range, options.signal),
  );
  return sink.items;
}

/** Tally's answer to fetchVouchers' request, unparsed: another thread parses it (parseVoucherAnswer). */
export function fetchVoucherAnswer(
  client: TallyClient,
  company: string,
  range: VoucherRange,
  options: { alteredAfter?: number; signal?: AbortSignal } = {},
): Promise<Uint8Array<ArrayBuffer>[]> {
  return client.requestBytes(
    vouchersRequest(company, range.from, range.to, options.alteredAfter),
    vouchersRead(company, range, options.signal),
  );
}

/** The vouchers of an answer from fetchVoucherAnswer: what fetchVouchers returns, with the same errors. */
export function parseVoucherAnswer(
  chunks: readonly Uint8Array[],
  company: string,
  range: VoucherRange,
): MappedVoucher[] {
  const sink = collect('VOUCHER', mapVoucher);
  parseAnswer(chunks, sink, vouchersRead(company, range));
  return sink.items;
}

/**
 * The company's closing stock as on a date as Tally values it (debit positive), or null when Tally sent no
 * Stock-in-Hand group (a company without one).
 */
export async function fetchStockInHand(
  client: TallyClient,
  company: string,
  from: IsoDate,
  asOn: IsoDate,
  signal?: AbortSignal,
): Promise<number | null> {
  const sink = collect('GROUP', (node) => toAppAmount(childText(node, 'CLOSINGBALANCE'), 'CLOSINGBALANCE'));
  await client.request(stockInHandRequest(company, from, asOn), sink, {
    what: `the closing stock as on ${asOn}`,
    company,
    ...(signal ? { signal } : {}),
  });
  // Sub-groups are not in the answer (the filter names one group); their stock is in its balance.
  return sink.items.length === 0 ? null : sink.items[0]!;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Tally's current period (what Alt+F2 shows), or null when Tally does not say. */
export async function fetchCurrentPeriod(client: TallyClient, signal?: AbortSignal): Promise<Period | null> {
  const edge = async (which: 'From' | 'To'): Promise<IsoDate | null> => {
    const sink = collect('RESULT', (node) => {
      try {
        return tallyDate(node.text, 'RESULT');
      } catch {
        return null;
      }
    });
    await client.request(systemPeriodRequest(which), sink, {
      what: `Tally's current period (${which === 'From' ? 'start' : 'end'})`,
      ...(signal ? { signal } : {}),
    });
    return sink.items[0] ?? null;
  };
  const from = await edge('From');
  const to = await edge('To');
  return from !== null && to !== null && from <= to ? { from, to } : null;
}

/** Makes `period` Tally's current period (changePeriodRequest). */
export async function setCurrentPeriod(
  client: TallyClient,
  period: Period,
  signal?: AbortSignal,
): Promise<void> {
  const sink = collect(ANY_OBJECT, () => null);
  await client.request(changePeriodRequest(period.from, period.to), sink, {
    what: `the period ${period.from} to ${period.to}`,
    ...(signal ? { signal } : {}),
  });
}
