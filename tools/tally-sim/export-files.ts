import { SimCompany } from './company';
import { createRenderer, exportFileHead, exportFileTail, renderExportCompany, tallyMessage } from './render';
import type { SimOptions } from './shapes';
import type { SimSource } from './source';

/**
 * Tally's Export > XML files of a company, as real Tally writes them (shapes.ts, all on unless switched
 * off): All Masters with a COMPANY object (STARTINGFROM, BOOKSFROM), the Profit & Loss A/c and primary
 * groups with <PARENT/>, primary groups written twice, the misleading sub-groups; a Day Book with the
 * non-posting vouchers besides the books and ISPOSTDATED on every voucher. Both carry SVCURRENTCOMPANY.
 * The same company the simulator serves for the same source and options: an import of these files and a
 * sync from the simulator must give the same books.
 */

/** All Masters, piece by piece (write them out or join them). */
export function* allMastersExport(source: SimSource, options: SimOptions = {}): Generator<string> {
  const company = new SimCompany(source, options);
  const render = createRenderer({
    mode: 'export',
    realShapes: company.shapes,
    exportedFlags: company.exportedFlags,
  });
  yield exportFileHead(company.name, 'All Masters');
  yield tallyMessage(renderExportCompany(company));
  for (const g of render.groupsWritten(company.groups)) yield tallyMessage(render.group(g));
  for (const t of company.voucherTypes) yield tallyMessage(render.voucherType(t));
  for (const l of company.ledgers) yield tallyMessage(render.ledger(l));
  for (const g of company.stockGroups) yield tallyMessage(render.stockGroup(g));
  for (const u of company.units) yield tallyMessage(render.unit(u));
  for (const g of company.godowns) yield tallyMessage(render.godown(g));
  for (const i of company.stockItems) yield tallyMessage(render.stockItem(i));
  yield exportFileTail;
}

export interface DayBookOptions extends SimOptions {
  /** Ledgers whose lines are marked ISPARTYLEDGER Yes; default: the bill-wise ledgers. */
  partyLedgers?: ReadonlySet<string>;
}

/** The Day Book: every voucher the company holds (books and non-posting ones), in date order. */
export function* dayBookExport(source: SimSource, options: DayBookOptions = {}): Generator<string> {
  const company = new SimCompany(source, options);
  const render = createRenderer({ mode: 'export', realShapes: company.shapes });
  const partyLedgers =
    options.partyLedgers ?? new Set(company.ledgers.filter((l) => l.isBillWise).map((l) => l.name));
  yield exportFileHead(company.name, 'Vouchers');
  for (const v of company.range('0000-01-01', '9999-12-31')) {
    yield tallyMessage(render.voucher(v, { partyLedgers }));
  }
  yield exportFileTail;
}

/** All Masters as one string (without the byte-order mark: write it UTF-16LE with `\uFEFF` first). */
export const renderAllMastersExport = (source: SimSource, options: SimOptions = {}): string =>
  [...allMastersExport(source, options)].join('');

/** The Day Book as one string (without the byte-order mark). */
export const renderDayBookExport = (source: SimSource, options: DayBookOptions = {}): string =>
  [...dayBookExport(source, options)].join('');
