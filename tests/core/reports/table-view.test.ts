import { openStore, type Store } from '../../../electron/core/db/store';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { DAY_BOOK_PERIOD_SQL, dayBook, dayBookPageSql } from '../../../electron/core/reports/day-book';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { compareValues, likePattern, viewRows } from '../../../electron/core/reports/table-view';
import { viewKeyParts } from '../../../electron/core/service/report-handlers';
import type { DayBookVoucher } from '../../../shared/types/reports';
import { tempDir } from '../db/fixtures';

const dir = tempDir();
let store: Store;
let masters: Masters;
const FROM = '2025-04-01';
const TO = '2026-03-31';
/** Every voucher of the year in the day book's natural order (one page holds them all). */
let all: DayBookVoucher[];

beforeAll(() => {
  store = openStore(dir.path('demo.db'));
  const loaded = loadDemoCompany(store, { vouchers: 1500, seed: 7, years: 1, until: '2026-03-31' });
  masters = loadMasters(store.db, store.requireCompany(loaded.companyGuid));
  all = dayBook(store.db, masters, { from: FROM, to: TO, page: 1, pageSize: 5000 }).vouchers;
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

/** Reads every page of a day-book view and joins them. */
function everyPage(view: Parameters<typeof dayBook>[2]): DayBookVoucher[] {
  const out: DayBookVoucher[] = [];
  for (let page = 1; ; page += 1) {
    const book = dayBook(store.db, masters, { ...view, page });
    out.push(...book.vouchers);
    if (page * view.pageSize >= book.matchingVouchers) return out;
  }
}

describe('day book over the whole period', () => {
  it('counts every voucher and lists the period voucher types with their counts', () => {
    const book = dayBook(store.db, masters, { from: FROM, to: TO, page: 1, pageSize: 10 });
    expect(all.length).toBe(book.totalVouchers);
    expect(book.matchingVouchers).toBe(book.totalVouchers);
    expect(book.totalVouchers).toBeGreaterThan(1000);
    const byType = new Map<string, number>();
    for (const v of all) byType.set(v.voucherType, (byType.get(v.voucherType) ?? 0) + 1);
    expect(book.voucherTypes).toEqual(
      [...byType].map(([name, count]) => ({ name, count })).sort((a, b) => compareValues(a.name, b.name)),
    );
  });

  it('pages sorted by amount (largest first) across the whole year, not within a page', () => {
    const paged = everyPage({ from: FROM, to: TO, page: 1, pageSize: 97, sort: 'amount', dir: 'desc' });
    expect(paged.length).toBe(all.length);
    expect(new Set(paged.map((v) => v.guid)).size).toBe(all.length);
    const amounts = paged.map((v) => v.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(paged[0]!.amount).toBe(Math.max(...all.map((v) => v.amount)));
  });

  it('sorts by party and by voucher number naturally, and reverses the date order', () => {
    const parties = everyPage({ from: FROM, to: TO, page: 1, pageSize: 500, sort: 'party' }).map(
      (v) => v.party ?? '',
    );
    expect(parties).toEqual([...parties].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const newest = dayBook(store.db, masters, { from: FROM, to: TO, page: 1, pageSize: 5, dir: 'desc' });
    expect(newest.vouchers.map((v) => v.guid)).toEqual(
      all
        .slice(-5)
        .reverse()
        .map((v) => v.guid),
    );
    const numbers = dayBook(store.db, masters, {
      from: FROM,
      to: TO,
      page: 1,
      pageSize: 5000,
      sort: 'voucherNumber',
      voucherTypes: ['Sales'],
    }).vouchers.map((v) => v.voucherNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => compareValues(a, b)));
  });

  it('filters by voucher type and searches party, number, narration and ledger names', () => {
    const types = ['Receipt', 'Payment'];
    const receipts = everyPage({ from: FROM, to: TO, page: 1, pageSize: 100, voucherTypes: types });
    expect(receipts.map((v) => v.guid)).toEqual(
      all.filter((v) => types.includes(v.voucherType)).map((v) => v.guid),
    );
    const party = all.find((v) => v.party !== null)!.party!;
    const needle = party.slice(1, 7).toUpperCase();
    const found = dayBook(store.db, masters, { from: FROM, to: TO, page: 1, pageSize: 5000, search: needle });
    const expected = all.filter((v) =>
      [
        v.party ?? '',
        v.voucherNumber,
        v.voucherType,
        v.narration,
        ...v.entries.map((e) => e.ledgerName),
      ].some((f) => f.toLowerCase().includes(needle.toLowerCase())),
    );
    expect(found.matchingVouchers).toBe(expected.length);
    expect(found.vouchers.map((v) => v.guid)).toEqual(expected.map((v) => v.guid));
    expect(found.totalVouchers).toBe(all.length);
    // A ledger that is never the party (a tax ledger) is found through the entries.
    const gst = dayBook(store.db, masters, {
      from: FROM,
      to: TO,
      page: 1,
      pageSize: 5000,
      search: 'output cgst',
    });
    expect(gst.matchingVouchers).toBeGreaterThan(0);
    expect(gst.vouchers.every((v) => v.entries.some((e) => /output cgst/i.test(e.ledgerName)))).toBe(true);
    // LIKE wildcards are searched for literally.
    expect(
      dayBook(store.db, masters, { from: FROM, to: TO, page: 1, pageSize: 10, search: '%' }).matchingVouchers,
    ).toBe(
      all.filter((v) =>
        [v.party ?? '', v.voucherNumber, v.narration, ...v.entries.map((e) => e.ledgerName)].some((f) =>
          f.includes('%'),
        ),
      ).length,
    );
  });

  it('reads the date order from the date index without sorting', () => {
    const sql = dayBookPageSql(DAY_BOOK_PERIOD_SQL, 'v.date ASC, v.id ASC');
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(masters.company.id, FROM, TO, 10, 0) as {
      detail: string;
    }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/USING INDEX vouchers_date/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});

describe('ledger statement over the whole period', () => {
  const party = () => [...masters.ledgers.values()].find((l) => l.group.name === 'Sundry Debtors')!;
  it('keeps today’s answer without view parameters, and totals the whole period whatever the view', () => {
    const full = ledgerStatement(store.db, masters, { ledgerGuid: party().guid, from: FROM, to: TO });
    expect(full.lines.length).toBe(full.matchingLines);
    expect(full.pageSize).toBeNull();
    expect(full.lines.length).toBeGreaterThan(20);
    const page2 = ledgerStatement(store.db, masters, {
      ledgerGuid: party().guid,
      from: FROM,
      to: TO,
      page: 2,
      pageSize: 10,
    });
    expect(page2.lines).toEqual(full.lines.slice(10, 20));
    expect(page2).toMatchObject({
      totalDebit: full.totalDebit,
      totalCredit: full.totalCredit,
      closing: full.closing,
    });
    const byCredit = ledgerStatement(store.db, masters, {
      ledgerGuid: party().guid,
      from: FROM,
      to: TO,
      sort: 'credit',
      dir: 'desc',
    });
    expect(byCredit.lines.map((l) => l.credit)).toEqual(
      full.lines.map((l) => l.credit).sort((a, b) => b - a),
    );
    // Each line keeps its own balance (after it, in date order).
    const balances = new Map(full.lines.map((l) => [`${l.voucherGuid}`, l.balance]));
    for (const line of byCredit.lines) expect(balances.get(line.voucherGuid)).toBe(line.balance);
    const searched = ledgerStatement(store.db, masters, {
      ledgerGuid: party().guid,
      from: FROM,
      to: TO,
      search: 'RECEIPT',
    });
    expect(searched.matchingLines).toBe(full.lines.filter((l) => l.voucherType === 'Receipt').length);
    expect(searched.totalCredit).toBe(full.totalCredit);
  });
});

describe('view helpers', () => {
  it('escapes LIKE wildcards and sorts stably', () => {
    expect(likePattern('5%_a\\b')).toBe('%5\\%\\_a\\\\b%');
    const rows = [
      { n: 'b', v: 1 },
      { n: 'a', v: 1 },
      { n: 'c', v: 0 },
    ];
    const view = { dir: 'asc' as const, search: '', searchable: (r: { n: string }) => [r.n], page: 1 };
    expect(viewRows(rows, { ...view, key: (r) => r.v, pageSize: undefined }).rows.map((r) => r.n)).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(viewRows(rows, { ...view, key: null, dir: 'desc', pageSize: 2, page: 2 })).toEqual({
      rows: [{ n: 'b', v: 1 }],
      matching: 3,
    });
  });

  it('keys a view only by what differs from the plain report', () => {
    expect(viewKeyParts({ sort: 'date', dir: 'asc', search: '' })).toEqual([]);
    expect(
      viewKeyParts({
        sort: 'amount',
        dir: 'desc',
        search: 'asha',
        voucherTypes: ['Sales', 'Receipt'],
        page: 2,
        pageSize: 50,
      }),
    ).toEqual(['sort=amount.desc', 'q=asha', 'types=Sales|Receipt', 'page=2x50']);
  });
});
