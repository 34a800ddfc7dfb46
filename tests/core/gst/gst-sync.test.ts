import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VoucherRecord } from '../../../electron/core/db/records';
import type { Store } from '../../../electron/core/db/store';
import { readGstBooks, readTaxLedgerEntries } from '../../../electron/core/gst/documents';
import {
  gstr1Answer,
  gstr1JsonAnswer,
  gstr3bAnswer,
  gstVouchersAnswer,
  monthPeriod,
} from '../../../electron/core/gst/returns';
import type { Gstr3bFigureId } from '../../../shared/types/gst';
import { createTextCleaner } from '../../../electron/core/tally/clean';
import {
  FIELDS_READ,
  mapGodown,
  mapGroup,
  mapLedger,
  mapStockItem,
  mapUnit,
  mapVoucher,
  mapVoucherType,
} from '../../../electron/core/tally/mappers';
import type { XNode } from '../../../electron/core/tally/node';
import { createTallyParser } from '../../../electron/core/tally/parser';
import type { SimSource } from '../../../tools/tally-sim/source';
import { syncedFromSimulator } from '../../helpers/engine-deps';
import { GST_COMPANY, HAND_WORKED_GSTR1, HAND_WORKED_ITC_MAY } from './hand-worked';

/**
 * The same GST company through a sync: its records (read from the hand-built exports) served by the Tally
 * simulator, which writes their GST tags back as Tally's Collection answers do; the synced books must give
 * the hand-worked GSTR-1, as the import does (gst-import.test.ts).
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/tally/real/gst/', import.meta.url));

function objects(file: string): XNode[] {
  const nodes: XNode[] = [];
  const parser = createTallyParser({
    source: file,
    capture: new Set(['GROUP', 'LEDGER', 'VOUCHERTYPE', 'UNIT', 'GODOWN', 'STOCKITEM', 'VOUCHER']),
    keep: FIELDS_READ,
    onObject: (n) => nodes.push(n),
  });
  const cleaner = createTextCleaner();
  parser.write(cleaner.push(readFileSync(`${FIXTURES}${file}`, 'utf8')));
  parser.write(cleaner.flush());
  parser.close();
  return nodes;
}

function sourceFromFixtures(): SimSource {
  const masters = objects('Masters.xml');
  const of = <T>(name: string, map: (n: XNode) => T): T[] => masters.filter((n) => n.name === name).map(map);
  const vouchers: VoucherRecord[] = objects('DayBook.xml')
    .map((n) => mapVoucher(n).record)
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    company: { guid: GST_COMPANY, name: 'Sahyadri Traders', booksFrom: '2025-04-01' },
    groups: of('GROUP', mapGroup),
    ledgers: of('LEDGER', mapLedger),
    voucherTypes: of('VOUCHERTYPE', mapVoucherType),
    units: of('UNIT', mapUnit),
    godowns: of('GODOWN', mapGodown),
    stockItems: of('STOCKITEM', mapStockItem),
    vouchers: () => vouchers,
  };
}

let store: Store;
beforeAll(async () => {
  const source = sourceFromFixtures();
  // The GST facts are there before the round trip (else the test would prove nothing).
  expect(source.ledgers.filter((l) => l.gst?.dutyHead).map((l) => l.name)).toHaveLength(5);
  expect([...source.vouchers()].filter((v) => v.gst?.companyGstin)).toHaveLength(11);
  expect([...source.vouchers()].filter((v) => v.gst?.adjustment)).toHaveLength(3);
  expect(source.ledgers.filter((l) => l.gst?.ineligibleItc === true).map((l) => l.name)).toEqual([
    'Staff Welfare',
  ]);
  // Without the simulator's own extra vouchers (orders, cancelled invoices …): only the company's books.
  store = await syncedFromSimulator([source], {
    now: () => Date.parse('2025-06-01T06:00:00Z'),
    realShapes: { nonPostingVouchers: false },
  });
});
afterAll(() => store.close());

describe('GST returns of a synced Tally company', () => {
  it('gives the hand-worked GSTR-1', () => {
    const company = store.requireCompany(GST_COMPANY);
    expect(gstr1Answer(store.db, company, '2025-04').exceptions).toEqual([]);
    const answer = gstr1JsonAnswer(store.db, company, '2025-04');
    expect(answer.exceptions).toEqual([]);
    expect(answer.json).toEqual(HAND_WORKED_GSTR1);
  });

  it('gives the GSTR-3B with the reverse-charge purchase', () => {
    const { json } = gstr3bAnswer(store.db, store.requireCompany(GST_COMPANY), '2025-04');
    expect((json.sup_details as Record<string, unknown>).isup_rev).toEqual({
      txval: 10000,
      iamt: 0,
      camt: 900,
      samt: 900,
      csamt: 0,
    });
  });

  it.each(['2025-04', '2025-05'])(
    "reads the tax ledgers' entries of %s with the documents as the query over every voucher gives them",
    (month) => {
      const company = store.requireCompany(GST_COMPANY);
      const books = readGstBooks(store.db, company, monthPeriod(month));
      const all = readTaxLedgerEntries(store.db, company, monthPeriod(month));
      // The April books have sales, purchases and notes; May adds journals moving tax (other vouchers).
      expect(all.length).toBeGreaterThan(3);
      const key = (e: { voucherId: number; head: string }) => `${e.voucherId}|${e.head}`;
      const byKey = <T extends { voucherId: number; head: string }>(rows: readonly T[]) =>
        [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      expect(byKey(books.taxLedgerEntries)).toEqual(byKey(all));
      // In date and voucher order, as the query sorts them.
      expect(books.taxLedgerEntries.map((e) => e.voucherId)).toEqual(all.map((e) => e.voucherId));
    },
  );

  it('gives the hand-worked table 4 of May: the simulator wrote the credit tags back', () => {
    const company = store.requireCompany(GST_COMPANY);
    const { json, view } = gstr3bAnswer(store.db, company, '2025-05');
    expect(json.itc_elg).toEqual(HAND_WORKED_ITC_MAY);
    const figure = (id: string) => view.figures.find((f) => f.id === id)!;
    const vouchers = (id: Gstr3bFigureId) =>
      gstVouchersAnswer(
        store.db,
        company,
        '2025-05',
        { return: 'gstr3b', figure: id },
        { offset: 0, limit: 50 },
      ).rows;
    expect(vouchers('4A4').map((v) => v.number)).toEqual(['J/1']);
    expect(vouchers('4B1').map((v) => [v.number, v.cgst])).toEqual([
      ['P/3', 450_00],
      ['J/2', 300_00],
    ]);
    expect(figure('4B1').count).toBe(2);
    expect(vouchers('4B2').map((v) => v.number)).toEqual(['J/3']);
    expect(figure('4C').cgst).toBe(1400_00);
  });
});
