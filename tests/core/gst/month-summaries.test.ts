import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { writeDemoCompany } from '../../../electron/core/demo/load';
import { readGstBooks } from '../../../electron/core/gst/documents';
import { buildGstr1 } from '../../../electron/core/gst/gstr1';
import { gstr1Json } from '../../../electron/core/gst/gstr1-json';
import { buildGstr3b, gstr3bJson } from '../../../electron/core/gst/gstr3b';
import {
  gstr1Answer,
  gstr1JsonAnswer,
  gstr3bAnswer,
  gstVouchersAnswer,
  returnPeriod,
} from '../../../electron/core/gst/returns';
import { summaryFileOf } from '../../../electron/core/gst/summary-db';
import { reconcileBooksTaxLedgers } from '../../../electron/core/gst/tax-ledgers';
import {
  gstr1View,
  gstr3bView,
  hsnVoucherRefs,
  publicGstr1View,
  publicGstr3bView,
} from '../../../electron/core/gst/views';
import type { GstAmounts, GstFigureRef, GstVoucherRef } from '../../../shared/types/gst';
import { TINY } from '../db/fixtures';
import { goaBuyer } from './builders';

/*
 * The GST month summaries (gst/month-summaries.ts) against the returns computed straight from the books'
 * documents by the same pure code, for months and a quarter of a demo company with GST on every invoice;
 * then what moves a month's summary: a voucher of the month changed, a GST master changed, another GSTIN.
 */

const UNTIL = '2026-11-25';
const demo = generateDemoCompany({ vouchers: 4_000, seed: 26, years: 2, until: UNTIL });
let dir: string;
let store: Store;
const companyOf = () => store.requireCompany(demo.company.guid);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-gst-summaries-'));
  store = openStore(join(dir, 'books.db'));
  writeDemoCompany(store, demo);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The returns of a period computed from its documents at once: what the summaries must equal. */
function fromTheBooks(month: string) {
  const period = returnPeriod(month);
  const company = companyOf();
  const books = readGstBooks(store.db, company, period);
  const gstr1 = buildGstr1(books.company, period, books.outward);
  const gstr3b = buildGstr3b(gstr1, books.inwardSupplies, books.adjustments);
  const full1 = gstr1View(gstr1, books.outward);
  const full3b = gstr3bView(
    gstr1,
    gstr3b,
    books.outward,
    books.inwardSupplies,
    books.inwardRefs,
    books.adjustments,
  );
  const taxLedgers = reconcileBooksTaxLedgers(books, gstr1, period.from);
  return {
    gstr1,
    full1,
    full3b,
    hsnRefs: hsnVoucherRefs(gstr1, books.outward),
    r1: {
      gstin: books.company.gstin,
      month,
      exceptions: gstr1.exceptions,
      counts: gstr1.counts,
      view: publicGstr1View(full1),
    },
    r1Json: { gstin: books.company.gstin, month, json: gstr1Json(gstr1), exceptions: gstr1.exceptions },
    r3b: {
      gstin: books.company.gstin,
      month,
      json: gstr3bJson(gstr3b),
      view: publicGstr3bView(full3b),
      taxLedgers,
    },
  };
}

const amountsOf = (a: GstAmounts): number[] => [a.taxable, a.igst, a.cgst, a.sgst, a.cess];
const sumOf = (rows: readonly GstAmounts[]): number[] =>
  rows.reduce((t, a) => t.map((x, i) => x + amountsOf(a)[i]!), [0, 0, 0, 0, 0]);

/** Every voucher behind a figure, page by page. */
function allVouchers(
  month: string,
  of: GstFigureRef,
): { rows: GstVoucherRef[]; total: number; sum: GstAmounts } {
  const rows: GstVoucherRef[] = [];
  for (let offset = 0; ; offset += 97) {
    const page = gstVouchersAnswer(store.db, companyOf(), month, of, { offset, limit: 97 });
    rows.push(...page.rows);
    if (page.rows.length < 97) return { rows, total: page.total, sum: page.sum };
  }
}

/** In GUID order, as JSON carries them (a credit note's −0 tax is 0 there). */
const byGuid = (rows: readonly GstVoucherRef[]): GstVoucherRef[] =>
  (JSON.parse(JSON.stringify(rows)) as GstVoucherRef[]).sort((a, b) =>
    a.voucherGuid < b.voucherGuid ? -1 : a.voucherGuid > b.voucherGuid ? 1 : 0,
  );

describe('the GST month summaries give the returns the books give', () => {
  const periods = ['2025-04', '2025-Q1', '2026-03', '2026-04', '2025-Q4', '2026-Q1'];

  it.each(periods)(
    '%s: GSTR-1 (JSON, exceptions, counts, view) and GSTR-3B (JSON, view, tax ledgers)',
    (month) => {
      const expected = fromTheBooks(month);
      expect(expected.gstr1.b2b.length + expected.gstr1.b2cs.length).toBeGreaterThan(0);
      // Twice: computed and kept, then read from what was kept.
      for (let i = 0; i < 2; i++) {
        expect(gstr1Answer(store.db, companyOf(), month)).toEqual(expected.r1);
        expect(gstr1JsonAnswer(store.db, companyOf(), month)).toEqual(expected.r1Json);
        expect(gstr3bAnswer(store.db, companyOf(), month)).toEqual(expected.r3b);
      }
    },
  );

  it.each(['2025-04', '2026-03', '2025-Q4'])(
    '%s: each figure lists the vouchers it adds up, page by page',
    (month) => {
      const expected = fromTheBooks(month);
      for (const section of expected.full1.sections) {
        if (section.section === 'hsn' || section.section === 'docs') continue;
        const got = allVouchers(month, { return: 'gstr1', section: section.section });
        expect(got.total).toBe(section.count);
        expect(byGuid(got.rows)).toEqual(byGuid(section.vouchers));
        expect(sumOf(got.rows)).toEqual(amountsOf(got.sum));
        expect(amountsOf(got.sum)).toEqual(amountsOf(section));
      }
      for (const f of expected.full3b.figures) {
        const got = allVouchers(month, { return: 'gstr3b', figure: f.id });
        expect(got.total).toBe(f.count);
        expect(byGuid(got.rows)).toEqual(byGuid(f.vouchers));
        expect(amountsOf(got.sum)).toEqual(amountsOf(f));
      }
      for (const r of expected.full3b.interState) {
        const got = allVouchers(month, { return: 'gstr3b-state', placeOfSupply: r.placeOfSupply });
        expect(byGuid(got.rows)).toEqual(byGuid(r.vouchers));
        expect([got.sum.taxable, got.sum.igst]).toEqual([r.taxable, r.igst]);
      }
      expect(expected.full1.hsn.length).toBeGreaterThan(0);
      for (const h of expected.full1.hsn) {
        const got = allVouchers(month, {
          return: 'gstr1-hsn',
          table: h.table,
          hsn: h.hsn,
          uqc: h.uqc,
          rate: h.rate,
        });
        expect(got.total).toBe(h.count);
        expect(new Set(got.rows.map((v) => v.voucherGuid))).toEqual(new Set(h.voucherGuids));
        // Each voucher's part of the row: the parts add up to the row.
        expect(sumOf(got.rows)).toEqual(amountsOf(h));
      }
    },
  );
});

describe('what moves a month summary', () => {
  /** Marks the kept summary of a month, to see whether it is computed again. */
  const mark = (month: string): void => {
    store.db
      .prepare("UPDATE gsts.months SET gstins = gstins || ' ' WHERE company_guid = ? AND month = ?")
      .run(demo.company.guid, month);
  };
  const marked = (month: string): boolean =>
    (
      store.db
        .prepare('SELECT gstins FROM gsts.months WHERE company_guid = ? AND month = ?')
        .pluck()
        .get(demo.company.guid, month) as string
    ).endsWith(' ');

  it('a voucher of a month deleted by an incremental sync: that month only is computed again', () => {
    gstr3bAnswer(store.db, companyOf(), '2025-Q3');
    for (const m of ['2025-10', '2025-11', '2025-12']) mark(m);
    const before = gstr1Answer(store.db, companyOf(), '2025-11');
    const b2b = allVouchers('2025-11', { return: 'gstr1', section: 'b2b' }).rows;
    const gone = b2b[0]!;
    const writer = store.beginCompanyWrite(demo.company, 'merge');
    writer.deleteVouchers([gone.voucherGuid]);
    writer.commit(demo.company);

    const after = gstr1Answer(store.db, companyOf(), '2025-11');
    expect(after).toEqual(fromTheBooks('2025-11').r1);
    const section = (a: typeof before) => a.view.sections.find((s) => s.section === 'b2b')!;
    expect(section(after).count).toBe(section(before).count - 1);
    expect(section(after).taxable).toBe(section(before).taxable - gone.taxable);
    gstr3bAnswer(store.db, companyOf(), '2025-Q3');
    expect([marked('2025-10'), marked('2025-11'), marked('2025-12')]).toEqual([true, false, true]);
    expect(gstr3bAnswer(store.db, companyOf(), '2025-Q3')).toEqual(fromTheBooks('2025-Q3').r3b);
  });

  it("a master written without a GST change keeps the summaries; a sales ledger's rate changed recomputes them", () => {
    gstr1Answer(store.db, companyOf(), '2026-03');
    mark('2026-03');
    const sales = demo.ledgers.find(
      (l) => l.gst?.rate !== undefined && l.gst.rate !== null && l.gst.dutyHead === null,
    )!;
    expect(sales).toBeDefined();
    // The ledger's credit period changes: no GST fact the returns read.
    let writer = store.beginCompanyWrite(demo.company, 'merge');
    writer.putLedgers([
      { ...sales, creditPeriodDays: (sales.creditPeriodDays ?? 0) + 15, alterId: sales.alterId + 1 },
    ]);
    writer.commit(demo.company);
    gstr1Answer(store.db, companyOf(), '2026-03');
    expect(marked('2026-03')).toBe(true);

    writer = store.beginCompanyWrite(demo.company, 'merge');
    writer.putLedgers([{ ...sales, gst: { ...sales.gst!, hsn: '9999' } }]);
    writer.commit(demo.company);
    const after = gstr1Answer(store.db, companyOf(), '2026-03');
    expect(marked('2026-03')).toBe(false);
    expect(after).toEqual(fromTheBooks('2026-03').r1);
  });

  it('a company deleted and synced again is new books: its months are computed again', () => {
    const other = openStore(join(dir, 'again.db'));
    try {
      writeDemoCompany(other, demo);
      const company = () => other.requireCompany(demo.company.guid);
      const kept = () =>
        other.db
          .prepare("SELECT version, gstins FROM gsts.months WHERE company_guid = ? AND month = '2026-03'")
          .get(demo.company.guid) as { version: number; gstins: string };
      gstr3bAnswer(other.db, company(), '2026-03');
      other.db.prepare("UPDATE gsts.months SET gstins = gstins || ' '").run();
      const before = kept().version;
      expect(other.deleteCompany(demo.company.guid)).toBe(true);
      // The same books again: the same AlterIDs, so the same data version as before.
      writeDemoCompany(other, demo);
      expect(company().dataVersion).toBe(before);
      gstr3bAnswer(other.db, company(), '2026-03');
      expect(kept().gstins.endsWith(' ')).toBe(false);
    } finally {
      other.close();
    }
  });

  it('a summaries file that is not a database: the returns are still right (summaries kept in memory)', () => {
    const other = openStore(join(dir, 'second.db'));
    try {
      writeFileSync(summaryFileOf(join(dir, 'second.db')), 'not a database at all, '.repeat(200));
      writeDemoCompany(other, demo);
      const answer = gstr3bAnswer(other.db, other.requireCompany(demo.company.guid), '2026-03');
      expect(answer.json).toEqual(gstr3bAnswer(store.db, companyOf(), '2026-03').json);
    } finally {
      other.close();
    }
  });
});

describe("a note's month and its invoice's month", () => {
  it('a May credit note follows its April invoice: CDNUR while the invoice was B2CL, B2CS once it is altered below the limit', () => {
    const books = openStore(':memory:');
    try {
      const writer = books.beginCompanyWrite(TINY, 'replace');
      goaBuyer.masters(writer);
      // April: ₹2,00,000 + IGST ₹36,000, above the B2CL limit; May: a return of ₹10,000 + ₹1,800 against it.
      writer.putVouchers([goaBuyer.invoice(2_00_000_00), goaBuyer.creditNote('2025-05-20')]);
      writer.commit(TINY);
      const company = books.requireCompany(TINY.guid);
      const may = () => gstr1Answer(books.db, company, '2025-05');
      const count = (name: string) => may().view.sections.find((s) => s.section === name)!.count;
      expect([count('cdnur'), count('b2cs')]).toEqual([1, 0]);

      // The April invoice is altered to ₹50,000 + ₹9,000 (an incremental sync): May's vouchers are unchanged.
      const merge = books.beginCompanyWrite(TINY, 'merge');
      merge.putVouchers([{ ...goaBuyer.invoice(50_000_00), alterId: 99 }]);
      merge.commit(TINY);
      expect([count('cdnur'), count('b2cs')]).toEqual([0, 1]);
    } finally {
      books.close();
    }
  });
});
