import { createHash } from 'node:crypto';
import { financialYearOf } from '../../../shared/dates';
import type { VoucherRecord } from '../../../electron/core/db/records';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { PREDEFINED_GROUPS } from '../../../electron/core/demo/groups';
import { buildGstin } from '../../../electron/core/demo/gstin';
import { isValidGstin } from '../../../electron/core/gst/gstin';

const hashOf = (vouchers: Iterable<VoucherRecord>): string => {
  const hash = createHash('sha256');
  for (const v of vouchers) hash.update(JSON.stringify(v));
  return hash.digest('hex');
};

describe('demo company generator', () => {
  const demo = generateDemoCompany({ vouchers: 4_000, seed: 42, until: '2026-11-25' });
  const vouchers = [...demo.vouchers()];

  it('is deterministic for the same options and differs for another seed', () => {
    const again = generateDemoCompany({ vouchers: 4_000, seed: 42, until: '2026-11-25' });
    expect(again.company).toEqual(demo.company);
    expect(again.ledgers).toEqual(demo.ledgers);
    expect(hashOf(again.vouchers())).toBe(hashOf(vouchers));
    // Every call streams afresh.
    expect(hashOf(demo.vouchers())).toBe(hashOf(vouchers));
    const other = generateDemoCompany({ vouchers: 4_000, seed: 43, until: '2026-11-25' });
    expect(other.company.guid).not.toBe(demo.company.guid);
    expect(hashOf(other.vouchers())).not.toBe(hashOf(vouchers));
  });

  it('produces exactly the requested number of vouchers, in date order, within the books', () => {
    expect(vouchers).toHaveLength(4_000);
    expect(demo.company.booksFrom).toBe('2024-04-01');
    for (let i = 1; i < vouchers.length; i++) expect(vouchers[i]!.date >= vouchers[i - 1]!.date).toBe(true);
    expect(vouchers[0]!.date >= '2024-04-01').toBe(true);
    expect(vouchers.at(-1)!.date).toBe('2026-11-25');
    expect(new Set(vouchers.map((v) => financialYearOf(v.date)))).toEqual(
      new Set(['2024-25', '2025-26', '2026-27']),
    );
    expect(new Set(vouchers.map((v) => v.guid)).size).toBe(vouchers.length);
    expect(demo.company.voucherAlterId).toBe(Math.max(...vouchers.map((v) => v.alterId)));
  });

  it('balances every voucher and every bill-wise entry, in integer paise', () => {
    for (const v of vouchers) {
      expect(v.entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
      for (const e of v.entries) {
        expect(Number.isInteger(e.amount)).toBe(true);
        if (e.bills.length > 0) expect(e.bills.reduce((s, b) => s + b.amount, 0)).toBe(e.amount);
      }
    }
  });

  it("uses Tally's predefined groups and agreeing opening balances", () => {
    expect(demo.groups).toHaveLength(28);
    expect(demo.groups.every((g) => g.reservedName === g.name)).toBe(true);
    expect(demo.groups.map((g) => g.name).sort()).toEqual(PREDEFINED_GROUPS.map((g) => g.name).sort());
    // The items' opening stock is an opening balance too (capital takes it), so ledgers + stock sum to 0.
    const openingStock = demo.stockItems.reduce((s, i) => s + i.openingValue, 0);
    expect(openingStock).toBeGreaterThan(0);
    expect(demo.ledgers.reduce((s, l) => s + l.openingBalance, 0) + openingStock).toBe(0);
    for (const l of demo.ledgers.filter((x) => x.openingBills.length > 0)) {
      expect(l.openingBills.reduce((s, b) => s + b.amount, 0)).toBe(l.openingBalance);
    }
  });

  it('has customers and suppliers with valid GSTINs, states and credit periods', () => {
    const parties = demo.ledgers.filter(
      (l) => l.parent === 'Sundry Debtors' || l.parent === 'Sundry Creditors',
    );
    expect(parties.length).toBeGreaterThanOrEqual(23);
    expect(parties.every((p) => p.isBillWise && p.state !== null && p.creditPeriodDays !== null)).toBe(true);
    const gstins = parties.map((p) => p.gstin).filter((g): g is string => g !== null);
    expect(gstins.length).toBeGreaterThan(parties.length / 2);
    expect(gstins.every(isValidGstin)).toBe(true);
    expect(new Set(parties.map((p) => p.state)).size).toBeGreaterThan(1);
  });

  it('covers every voucher type with New Ref and Agst Ref bill allocations', () => {
    const types = new Set(vouchers.map((v) => v.voucherType));
    expect(types).toEqual(
      new Set(['Sales', 'Purchase', 'Receipt', 'Payment', 'Journal', 'Contra', 'Credit Note', 'Debit Note']),
    );
    const billTypes = new Set(
      vouchers.flatMap((v) => v.entries.flatMap((e) => e.bills.map((b) => b.billType))),
    );
    expect(billTypes.has('New Ref')).toBe(true);
    expect(billTypes.has('Agst Ref')).toBe(true);
  });

  it('never settles more of a bill than is open', () => {
    const open = new Map<string, number>();
    for (const l of demo.ledgers)
      for (const b of l.openingBills) open.set(`${l.guid}|${b.billName}`, b.amount);
    for (const v of vouchers) {
      for (const e of v.entries) {
        for (const b of e.bills) {
          const key = `${e.ledgerGuid}|${b.billName}`;
          const next = (open.get(key) ?? 0) + b.amount;
          if (b.billType === 'Agst Ref') {
            // Settlements move a bill towards zero and never past it.
            expect(Math.abs(next)).toBeLessThan(Math.abs(open.get(key) ?? 0) + 1);
            expect(Math.sign(next) * Math.sign(open.get(key) ?? 0)).not.toBe(-1);
          }
          open.set(key, next);
        }
      }
    }
  });

  it.each([
    [5_000, 42],
    [20_000, 7],
    [3_000, 9],
  ])(
    'the %i-voucher trader (seed %i) restocks what runs low: no item below zero at any year end',
    (count, seed) => {
      const trader = generateDemoCompany({ vouchers: count, seed, until: '2026-11-25' });
      const held = new Map(trader.stockItems.map((i) => [i.name, i.openingQuantity]));
      const yearEnds = ['2025-03-31', '2026-03-31', '2026-11-25'];
      const below: string[] = [];
      let next = 0;
      const check = (): void => {
        for (const [name, quantity] of held) if (quantity < 0) below.push(`${name} on ${yearEnds[next]}`);
      };
      for (const v of trader.vouchers()) {
        while (next < yearEnds.length && v.date > yearEnds[next]!) {
          check();
          next++;
        }
        for (const line of v.inventory ?? []) {
          held.set(line.stockItemName, (held.get(line.stockItemName) ?? 0) + line.actualQuantity);
        }
      }
      for (; next < yearEnds.length; next++) check();
      // Before purchases restocked, 12 of the items of the 5,000-voucher demo ended below zero.
      expect(below).toEqual([]);
    },
  );

  it('keeps ledger names unique at every size (masters are built eagerly, vouchers lazily)', () => {
    for (const size of [10, 1_000_000, 2_000_000]) {
      const names = generateDemoCompany({ vouchers: size, seed: 42 }).ledgers.map((l) => l.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('refuses bad options with a clear validation error', () => {
    expect(() => generateDemoCompany({ vouchers: -1, seed: 1 })).toThrow(/vouchers must be/);
    expect(() => generateDemoCompany({ vouchers: 10, seed: 1.5 })).toThrow(/seed must be/);
    expect(() => generateDemoCompany({ vouchers: 10, seed: 1, until: '2026-02-30' })).toThrow(
      /until must be/,
    );
    expect(() => generateDemoCompany({ vouchers: 10, seed: 1, years: 0 })).toThrow(/years must be/);
  });
});

describe('GSTIN check character', () => {
  it('matches published GSTINs and rejects a changed character', () => {
    // Check characters computed by the published mod-36 algorithm for well-known sample GSTINs.
    expect(buildGstin('27', 'AAPFU0939F', '1')).toBe('27AAPFU0939F1ZV');
    expect(buildGstin('29', 'AAGCB7383J', '1')).toBe('29AAGCB7383J1Z4');
    expect(isValidGstin('27AAPFU0939F1ZV')).toBe(true);
    expect(isValidGstin('27AAPFU0939F1ZW')).toBe(false);
  });
});
