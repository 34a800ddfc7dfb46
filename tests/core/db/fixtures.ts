import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BillAllocationRecord,
  CompanyRecord,
  InventoryEntryRecord,
  LedgerEntryRecord,
  LedgerRecord,
  StockItemRecord,
  VoucherRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';

/** A temp folder removed after the test file; each test gets its own database path. */
export function tempDir(prefix = 'tc-db-'): { path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const TINY_GUID = 'tiny-company-0001';
export const TINY: CompanyRecord = {
  guid: TINY_GUID,
  name: 'Tiny Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 100,
  voucherAlterId: 200,
};

/** A ledger master with everything optional defaulted (no opening, not bill-wise); `parent` null only for the P&L A/c. */
export const ledger = (
  guid: string,
  name: string,
  parent: string | null,
  extra: Partial<LedgerRecord> = {},
): LedgerRecord => ({
  guid,
  name,
  parent,
  openingBalance: 0,
  isBillWise: false,
  creditPeriodDays: null,
  gstin: null,
  state: null,
  alterId: 1,
  openingBills: [],
  ...extra,
});

/** Hand-built masters: every amount below is easy to check by hand (paise). */
export const tinyGroups = predefinedGroups((id) => `tiny-g-${id}`, 1);
export const tinyLedgers: LedgerRecord[] = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 10_000_00 }),
  ledger('L-BANK', 'HDFC Bank', 'Bank Accounts'),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -15_000_00 }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-PURCH', 'Purchases', 'Purchase Accounts'),
  ledger('L-RENT', 'Rent', 'Indirect Expenses'),
  ledger('L-INT', 'Interest Received', 'Indirect Incomes'),
  ledger('L-A', 'Asha Stores', 'Sundry Debtors', {
    isBillWise: true,
    creditPeriodDays: 30,
    openingBalance: 5_000_00,
    openingBills: [
      {
        billName: 'OB1',
        billDate: '2025-03-01',
        amount: 5_000_00,
        creditPeriodDays: 30,
        dueDate: '2025-03-31',
      },
    ],
  }),
  ledger('L-B', 'Bharat Supplies', 'Sundry Creditors', { isBillWise: true, creditPeriodDays: 15 }),
];
export const tinyVoucherTypes = ['Sales', 'Purchase', 'Receipt', 'Payment', 'Journal', 'Contra'].map(
  (name, i) => ({
    guid: `tiny-vt-${i}`,
    name,
    parent: name,
    autoNumbered: true,
    alterId: 1,
  }),
);

const e = (ledgerGuid: string, amount: number, bills: BillAllocationRecord[] = []): LedgerEntryRecord => ({
  ledgerGuid,
  ledgerName: tinyLedgers.find((l) => l.guid === ledgerGuid)?.name ?? ledgerGuid,
  amount,
  bills,
});
const bill = (
  billName: string,
  billType: BillAllocationRecord['billType'],
  amount: number,
  creditPeriodDays: number | null = null,
): BillAllocationRecord => ({ billName, billType, amount, creditPeriodDays, dueDate: null });

export function voucher(
  guid: string,
  date: string,
  voucherType: string,
  voucherNumber: string,
  entries: LedgerEntryRecord[],
  extra: Partial<VoucherRecord> = {},
): VoucherRecord {
  return {
    guid,
    alterId: 1,
    masterId: null,
    date,
    voucherType,
    voucherNumber,
    partyLedgerName: null,
    narration: '',
    reference: null,
    isCancelled: false,
    isOptional: false,
    entries,
    ...extra,
  };
}

/** Two stock items with opening stock: Widget 10 Nos at ₹100 (average cost), Gadget 5 Nos at ₹100 (FIFO). */
export const tinyStockItems = [
  {
    guid: 'I-W',
    name: 'Widget',
    parent: null,
    unit: 'Nos',
    openingQuantity: 10_000,
    openingRate: 100_00,
    openingValue: 1_000_00,
    costingMethod: 'Avg. Cost',
    alterId: 1,
  },
  {
    guid: 'I-G',
    name: 'Gadget',
    parent: null,
    unit: 'Nos',
    openingQuantity: 5_000,
    openingRate: 100_00,
    openingValue: 500_00,
    costingMethod: 'FIFO',
    alterId: 1,
  },
] as StockItemRecord[];

/** An inventory line of whole Nos (inward positive) for an amount in paise (debit positive). */
export const stockLine = (name: string, quantity: number, amount: number): InventoryEntryRecord => ({
  stockItemGuid: null,
  stockItemName: name,
  actualQuantity: quantity * 1000,
  billedQuantity: quantity * 1000,
  unit: 'Nos',
  rate: null,
  rateUnit: null,
  amount,
  godown: null,
});

export const tinyVouchers: VoucherRecord[] = [
  voucher('V1', '2025-04-05', 'Sales', 'S1', [
    e('L-A', 11_800_00, [bill('S1', 'New Ref', 11_800_00, 30)]),
    e('L-SALES', -11_800_00),
  ]),
  voucher('V2', '2025-04-20', 'Receipt', 'R1', [
    e('L-BANK', 5_000_00),
    e('L-A', -5_000_00, [bill('OB1', 'Agst Ref', -5_000_00)]),
  ]),
  voucher('V3', '2025-05-10', 'Purchase', 'P1', [
    e('L-PURCH', 5_000_00),
    e('L-B', -5_000_00, [bill('P1', 'New Ref', -5_000_00, 15)]),
  ]),
  voucher('V4', '2025-05-15', 'Payment', 'PY1', [e('L-RENT', 2_000_00), e('L-CASH', -2_000_00)]),
  voucher('V5', '2025-06-01', 'Receipt', 'R2', [
    e('L-BANK', 6_000_00),
    e('L-A', -6_000_00, [bill('S1', 'Agst Ref', -6_000_00)]),
  ]),
  voucher(
    'V6',
    '2025-05-20',
    'Sales',
    'S-X',
    [e('L-A', 999_00, [bill('SX', 'New Ref', 999_00)]), e('L-SALES', -999_00)],
    {
      isCancelled: true,
    },
  ),
  voucher('V7', '2026-04-10', 'Sales', 'S2', [
    e('L-A', 1_000_00, [bill('S2', 'New Ref', 1_000_00, 30)]),
    e('L-SALES', -1_000_00),
  ]),
  voucher('V8', '2025-06-30', 'Receipt', 'R3', [e('L-BANK', 250_00), e('L-INT', -250_00)]),
];

export function writeTiny(store: Store, vouchers: VoucherRecord[] = tinyVouchers): { dataVersion: number } {
  const writer = store.beginCompanyWrite(TINY, 'replace');
  writer.putGroups(tinyGroups);
  writer.putVoucherTypes(tinyVoucherTypes);
  writer.putLedgers(tinyLedgers);
  writer.putVouchers(vouchers);
  return writer.commit(TINY);
}

export function openTiny(path: string): Store {
  const store = openStore(path);
  writeTiny(store);
  return store;
}
