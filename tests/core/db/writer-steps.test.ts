import { AppError } from '../../../shared/errors';
import type {
  GodownRecord,
  GroupRecord,
  InventoryEntryRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { TINY, tempDir, tinyGroups, tinyLedgers, tinyVouchers, voucher, writeTiny } from './fixtures';

/**
 * The writer's steps (electron/core/db/write/) as a caller sees them: the exact errors naming a master or
 * voucher that clashes, renamed stock masters passed on to what stores their names, stock masters deleted
 * by GUID, and the session's pragmas restored however the write ends.
 */

const dir = tempDir('tc-writer-steps-');
afterAll(() => dir.cleanup());
let n = 0;
const fresh = (): Store => openStore(dir.path(`s${n++}.db`));

function appError(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const unit = (guid: string, name: string, extra: Partial<UnitRecord> = {}): UnitRecord => ({
  guid,
  name,
  formalName: null,
  decimalPlaces: 0,
  isSimple: true,
  baseUnits: null,
  additionalUnits: null,
  conversion: null,
  alterId: 1,
  ...extra,
});
const stockGroup = (guid: string, name: string, parent: string | null = null): StockGroupRecord => ({
  guid,
  name,
  parent,
  alterId: 1,
});
const godown = (guid: string, name: string, parent: string | null = null): GodownRecord => ({
  guid,
  name,
  parent,
  alterId: 1,
});
const item = (
  guid: string,
  name: string,
  parent: string | null,
  unitName: string | null,
): StockItemRecord => ({
  guid,
  name,
  parent,
  unit: unitName,
  openingQuantity: 0,
  openingRate: null,
  openingValue: 0,
  costingMethod: 'Avg. Cost',
  alterId: 1,
});
const line = (
  stockItemName: string,
  unitName: string,
  godownName: string,
  amount: number,
): InventoryEntryRecord => ({
  stockItemGuid: null,
  stockItemName,
  actualQuantity: 1_000,
  billedQuantity: 1_000,
  unit: unitName,
  rate: amount,
  rateUnit: unitName,
  amount,
  godown: godownName,
});

/** The tiny company with stock masters and one sale carrying an inventory line. */
function writeStocked(store: Store): void {
  const [sale] = tinyVouchers;
  writeTiny(store);
  const merge = store.beginCompanyWrite(TINY, 'merge');
  merge.putStockGroups([stockGroup('SG-RAW', 'Raw'), stockGroup('SG-STEEL', 'Steel', 'Raw')]);
  merge.putUnits([
    unit('U-NOS', 'Nos'),
    unit('U-BOX', 'Box', { isSimple: false, baseUnits: 'Box', additionalUnits: 'Nos', conversion: 10_000 }),
  ]);
  merge.putGodowns([godown('GD-MAIN', 'Main'), godown('GD-SHELF', 'Shelf', 'Main')]);
  merge.putStockItems([item('I-ROD', 'Rod', 'Steel', 'Nos')]);
  merge.putVouchers([{ ...sale!, inventory: [line('Rod', 'Nos', 'Shelf', -11_800_00)] }]);
  merge.commit(TINY);
}

const column = (store: Store, sql: string): unknown[] => store.db.prepare(sql).raw().all();

describe('writer steps', () => {
  it('names a master whose name another of its kind holds, in the words of each kind', () => {
    const cases: [string, (s: Store) => void, string][] = [
      [
        'group',
        (s) =>
          s
            .beginCompanyWrite(TINY, 'merge')
            .putGroups([{ ...tinyGroupNamed('Capital Account'), guid: 'G-NEW' }]),
        'Group "Capital Account" (GUID G-NEW) clashes with another group of the same name',
      ],
      [
        'ledger',
        (s) => s.beginCompanyWrite(TINY, 'merge').putLedgers([{ ...ledgerNamed('Cash'), guid: 'L-NEW' }]),
        'Ledger "Cash" (GUID L-NEW) clashes with another ledger of the same name',
      ],
      [
        'voucher type',
        (s) =>
          s
            .beginCompanyWrite(TINY, 'merge')
            .putVoucherTypes([
              { guid: 'VT-NEW', name: 'Sales', parent: 'Sales', autoNumbered: false, alterId: 1 },
            ]),
        'Voucher type "Sales" (GUID VT-NEW) clashes with another of the same name',
      ],
      [
        'stock group',
        (s) => s.beginCompanyWrite(TINY, 'merge').putStockGroups([stockGroup('SG-NEW', 'Raw')]),
        'Stock group "Raw" (GUID SG-NEW) clashes with another of the same name',
      ],
      [
        'unit',
        (s) => s.beginCompanyWrite(TINY, 'merge').putUnits([unit('U-NEW', 'Nos')]),
        'Unit "Nos" (GUID U-NEW) clashes with another of the same name',
      ],
      [
        'godown',
        (s) => s.beginCompanyWrite(TINY, 'merge').putGodowns([godown('GD-NEW', 'Main')]),
        'Godown "Main" (GUID GD-NEW) clashes with another of the same name',
      ],
      [
        'stock item',
        (s) => s.beginCompanyWrite(TINY, 'merge').putStockItems([item('I-NEW', 'Rod', null, null)]),
        'Stock item "Rod" (GUID I-NEW) clashes with another of the same name',
      ],
    ];
    for (const [kind, write, message] of cases) {
      const store = fresh();
      writeStocked(store);
      const error = appError(() => write(store));
      expect(error.code, kind).toBe('IMPORT_INVALID');
      expect(error.message, kind).toBe(message);
      expect(error.details, kind).toEqual({ guid: expect.stringMatching(/NEW$/), name: expect.any(String) });
      // The failed step rolled the write back and freed the store for the next one.
      writeTiny(store);
      store.close();
    }
  });

  it('names a voucher sent twice, whether the insert or the deferred index build at commit finds it', () => {
    const sale = voucher('V-TWICE', '2025-04-05', 'Sales', 'S9', tinyVouchers[0]!.entries);
    const expected = {
      message: 'Voucher Sales no. S9 dated 2025-04-05 (GUID V-TWICE) appears twice (duplicate GUID)',
      details: { voucherGuid: 'V-TWICE', voucherNumber: 'S9', date: '2025-04-05', voucherType: 'Sales' },
    };
    // A small batch: the unique index is in place and the second insert fails.
    const small = fresh();
    const inserted = appError(() => writeTiny(small, [sale, sale]));
    expect({ message: inserted.message, details: inserted.details }).toEqual(expected);
    small.close();
    // A bulk load (first batch of 500 or more): the index is built at commit and names the voucher there.
    const bulk = fresh();
    const filler: VoucherRecord[] = Array.from({ length: 600 }, (_, i) =>
      voucher(`V-F${i}`, '2025-04-06', 'Sales', `F${i}`, tinyVouchers[0]!.entries),
    );
    const atCommit = appError(() => writeTiny(bulk, [sale, ...filler, sale]));
    expect({ message: atCommit.message, details: atCommit.details }).toEqual(expected);
    expect(bulk.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(0);
    bulk.close();
  });

  it('passes renamed stock groups, units and godowns on to the names stored with other rows', () => {
    const store = fresh();
    writeStocked(store);
    const merge = store.beginCompanyWrite(TINY, 'merge');
    // Raw → Metals, Steel → Raw (taking the freed name) in one batch; the same for units and godowns.
    merge.putStockGroups([stockGroup('SG-RAW', 'Metals'), stockGroup('SG-STEEL', 'Raw', 'Metals')]);
    merge.putUnits([
      unit('U-NOS', 'Pcs'),
      unit('U-BOX', 'Nos', { isSimple: false, baseUnits: 'Nos', additionalUnits: 'Pcs', conversion: 10_000 }),
    ]);
    merge.putGodowns([godown('GD-MAIN', 'Store'), godown('GD-SHELF', 'Main', 'Store')]);
    merge.commit(TINY);
    expect(column(store, 'SELECT name, parent_name FROM stock_groups ORDER BY guid')).toEqual([
      ['Metals', null],
      ['Raw', 'Metals'],
    ]);
    expect(column(store, 'SELECT group_name, unit FROM stock_items')).toEqual([['Raw', 'Pcs']]);
    expect(column(store, 'SELECT unit, rate_unit, godown FROM inventory_entries')).toEqual([
      ['Pcs', 'Pcs', 'Main'],
    ]);
    expect(column(store, 'SELECT name, parent_name FROM godowns ORDER BY guid')).toEqual([
      ['Store', null],
      ['Main', 'Store'],
    ]);
    store.close();
  });

  it('deletes stock masters of every kind by GUID, and a stock item keeps its lines by name', () => {
    const store = fresh();
    writeStocked(store);
    const merge = store.beginCompanyWrite(TINY, 'merge');
    merge.deleteMasters(['I-ROD', 'SG-STEEL', 'U-BOX', 'GD-SHELF', 'NO-SUCH-GUID']);
    // The deleted names are free again in the same write.
    merge.putUnits([unit('U-BOX2', 'Box')]);
    merge.commit(TINY);
    expect(column(store, 'SELECT guid FROM stock_groups')).toEqual([['SG-RAW']]);
    expect(column(store, 'SELECT guid FROM units ORDER BY guid')).toEqual([['U-BOX2'], ['U-NOS']]);
    expect(column(store, 'SELECT guid FROM godowns')).toEqual([['GD-MAIN']]);
    expect(column(store, 'SELECT count(*) FROM stock_items')).toEqual([[0]]);
    expect(column(store, 'SELECT item_id, item_name FROM inventory_entries')).toEqual([[null, 'Rod']]);
    store.close();
  });

  it('restores the bulk-load pragmas when a replace write commits, rolls back or fails', () => {
    const store = fresh();
    const pragmas = (): unknown[] =>
      ['foreign_keys', 'cache_size', 'mmap_size', 'temp_store'].map((p) =>
        store.db.pragma(p, { simple: true }),
      );
    const before = pragmas();
    writeTiny(store);
    expect(pragmas()).toEqual(before);
    const rolledBack = store.beginCompanyWrite(TINY, 'replace');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(0);
    rolledBack.rollback();
    expect(pragmas()).toEqual(before);
    expect(store.db.inTransaction).toBe(false);
    const failing = store.beginCompanyWrite(TINY, 'replace');
    expect(() => failing.putLedgers([{ ...ledgerNamed('Cash'), parent: null }])).toThrow(
      /has no parent group/,
    );
    expect(pragmas()).toEqual(before);
    expect(store.db.inTransaction).toBe(false);
    expect(() => failing.commit(TINY)).toThrow(/already committed or rolled back/);
    // Nothing of the failed writes is visible: the committed copy stands.
    expect(store.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(tinyVouchers.length);
    store.close();
  });
});

function tinyGroupNamed(name: string): GroupRecord {
  const group = tinyGroups.find((g) => g.name === name);
  if (!group) throw new Error(`no group ${name} in the tiny company`);
  return group;
}

function ledgerNamed(name: string): LedgerRecord {
  const found = tinyLedgers.find((l) => l.name === name);
  if (!found) throw new Error(`no ledger ${name} in the tiny company`);
  return found;
}
