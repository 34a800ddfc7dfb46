import type { AppEventName, AppEvents, InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { Envelope, ErrorInfo } from '../../shared/errors';
import type { AppBridge } from '../../renderer/src/bridge';
import type {
  CompanySummary,
  Dashboard,
  LedgerStatement,
  Outstanding,
  VoucherView,
} from '../../shared/types/reports';
import type { CacheStatus } from '../../shared/types/cache';
import type { Settings } from '../../shared/types/settings';
import { daysBetween } from '../../shared/dates';

type Handler<N extends OperationName> = (
  input: InputOf<N>,
) => OutputOf<N> | ErrorInfo | Promise<OutputOf<N> | ErrorInfo>;
export type FakeHandlers = { [N in OperationName]?: Handler<N> };

export interface FakeBridge extends AppBridge {
  calls: { operation: OperationName; input: unknown }[];
  emit<E extends AppEventName>(event: E, payload: AppEvents[E]): void;
  handlers: FakeHandlers;
}

const isError = (value: unknown): value is ErrorInfo =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('data' in value);

/** A Bridge answering from plain functions, for component tests (no core, no HTTP). */
export function createFakeBridge(handlers: FakeHandlers): FakeBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  return {
    calls,
    handlers,
    async invoke<N extends OperationName>(operation: N, input: InputOf<N>): Promise<Envelope<OutputOf<N>>> {
      calls.push({ operation, input });
      const handler = handlers[operation] as Handler<N> | undefined;
      if (!handler)
        return { ok: false, error: { code: 'INTERNAL', message: `fake bridge has no ${operation}` } };
      const result = await handler(input);
      return isError(result) ? { ok: false, error: result } : { ok: true, data: result as OutputOf<N> };
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

export const company: CompanySummary = {
  guid: 'co-1',
  name: 'Sharma Traders Pvt Ltd',
  source: 'demo',
  booksFrom: '2024-04-01',
  booksFromSource: 'tally',
  yearStartMonth: 4,
  masterAlterId: 10,
  voucherAlterId: 500,
  dataVersion: 3,
  lastSyncAt: '2026-11-20T10:15:00.000Z',
  syncStatus: 'ok',
  syncError: null,
  counts: { groups: 28, ledgers: 1520, voucherTypes: 12, vouchers: 5000, entries: 12000, bills: 900 },
  financialYears: ['2025-26', '2024-25'],
  firstVoucherDate: '2024-04-01',
  lastVoucherDate: '2026-03-31',
};

export function dashboard(fy: string, scale = 1): Dashboard {
  const start = Number(fy.slice(0, 4));
  return {
    companyGuid: company.guid,
    companyName: company.name,
    fy,
    from: `${start}-04-01`,
    to: `${start + 1}-03-31`,
    asOn: `${start + 1}-03-31`,
    kpis: {
      sales: 123456789 * scale,
      purchases: 98765400 * scale,
      receipts: 50000000,
      payments: 40000000,
      grossProfit: 24691389,
      netProfit: 18234500,
      receivables: 1500000000,
      payables: 700000,
      cashBalance: 2500000,
      bankBalance: 12345600,
    },
    monthly: Array.from({ length: 12 }, (_, i) => ({
      month: `${i < 9 ? start : start + 1}-${String(((3 + i) % 12) + 1).padStart(2, '0')}`,
      sales: 1000000 * (i + 1),
      purchases: 800000 * (i + 1),
    })),
    topCustomers: [
      { ledgerGuid: 'l-cust-1', name: 'Patil Enterprises', amount: 4500000 },
      { ledgerGuid: 'l-cust-2', name: 'Kulkarni & Sons', amount: 3200000 },
    ],
    topSuppliers: [{ ledgerGuid: 'l-sup-1', name: 'Deshmukh Suppliers', amount: 2100000 }],
    overdueReceivables: [
      {
        ledgerGuid: 'l-cust-1',
        party: 'Patil Enterprises',
        billName: 'INV-101',
        billDate: '2025-05-01',
        dueDate: '2025-05-31',
        overdueDays: 120,
        amount: 250000,
      },
    ],
    overdueReceivablesTotal: 250000,
  };
}

export function statement(ledgerGuid: string, from: string, to: string, lines = 3): LedgerStatement {
  let balance = 100000;
  return {
    companyGuid: company.guid,
    ledger: {
      guid: ledgerGuid,
      name: 'Patil Enterprises',
      group: 'Sundry Debtors',
      primaryGroup: 'Current Assets',
      isBillWise: true,
    },
    from,
    to,
    opening: 100000,
    lines: Array.from({ length: lines }, (_, i) => {
      const debit = i % 2 === 0 ? 50000 : 0;
      const credit = i % 2 === 1 ? 20000 : 0;
      balance += debit - credit;
      return {
        date: from,
        voucherGuid: `v${i}`,
        voucherType: i % 2 === 0 ? 'Sales' : 'Receipt',
        voucherNumber: String(i + 1),
        particulars: i % 2 === 0 ? 'Sales Account' : 'HDFC Bank',
        narration: '',
        debit,
        credit,
        balance,
      };
    }),
    matchingLines: lines,
    page: 1,
    pageSize: null,
    totalDebit: 0,
    totalCredit: 0,
    closing: balance,
  };
}

export const outstanding = (
  kind: 'receivable' | 'payable',
  asOn: string,
  ageBy: 'due' | 'bill' = 'due',
): Outstanding => ({
  companyGuid: company.guid,
  kind,
  asOn,
  ageBy,
  buckets: [
    { label: '0-30', fromDays: 0, toDays: 30, amount: 100000 },
    { label: '31-60', fromDays: 31, toDays: 60, amount: 0 },
    { label: '61+', fromDays: 61, toDays: null, amount: 250000 },
  ],
  notDue: 30000,
  onAccount: -30000,
  parties: [
    {
      ledgerGuid: 'l-cust-1',
      name: 'Patil Enterprises',
      group: 'Sundry Debtors',
      total: 350000,
      notDue: 30000,
      onAccount: -30000,
      buckets: [100000, 0, 250000],
      bills: [
        {
          billName: 'INV-101',
          billDate: '2025-05-01',
          dueDate: '2025-05-31',
          overdueDays: 120,
          ageDays: 120,
          onAccount: false,
          amount: 250000,
        },
        {
          billName: 'INV-140',
          billDate: '2025-09-01',
          dueDate: '2025-09-20',
          overdueDays: 8,
          ageDays: 8,
          onAccount: false,
          amount: 100000,
        },
        {
          billName: 'INV-160',
          billDate: '2025-09-25',
          dueDate: '2025-10-25',
          overdueDays: -27,
          ageDays: null,
          onAccount: false,
          amount: 30000,
        },
        {
          billName: 'On Account',
          billDate: null,
          dueDate: null,
          overdueDays: 0,
          ageDays: null,
          onAccount: true,
          amount: -30000,
        },
      ],
    },
  ],
  total: 350000,
});

/** A posting sales voucher with a bill allocation, as voucher.get answers it. */
export const voucherView = (guid: string): VoucherView => ({
  companyGuid: company.guid,
  guid,
  date: '2025-09-01',
  voucherType: 'Tax Invoice',
  baseType: 'Sales',
  voucherNumber: 'INV-140',
  party: 'Patil Enterprises',
  reference: 'PO-77',
  narration: 'Goods as per order',
  isCancelled: false,
  isOptional: false,
  isPostDated: false,
  offBooks: null,
  postsToBooks: true,
  lines: [
    {
      ledgerGuid: 'l-cust-1',
      ledgerName: 'Patil Enterprises',
      amount: 118000,
      bills: [
        {
          billName: 'INV-140',
          billType: 'New Ref',
          amount: 118000,
          creditPeriodDays: 19,
          dueDate: '2025-09-20',
        },
      ],
    },
    { ledgerGuid: 'l-sales', ledgerName: 'Sales Account', amount: -100000, bills: [] },
    { ledgerGuid: 'l-gst', ledgerName: 'Output IGST', amount: -18000, bills: [] },
  ],
  totalDebit: 118000,
  totalCredit: 118000,
  inventory: [],
});

export const cacheStatus = (keyCount: number): CacheStatus => ({
  detection: {
    backend: 'memory',
    address: null,
    serverVersion: null,
    reason: 'No Redis answered on 127.0.0.1:6379, so reports are cached in memory.',
    mode: 'auto',
    services: [],
    memuraiStopped: false,
    configErrors: [],
    detectedAt: '2026-11-25T10:00:00.000Z',
  },
  stats: {
    backend: 'memory',
    hits: 3,
    misses: 1,
    hitRate: 0.75,
    errors: 0,
    fallbacks: 0,
    keyCount,
    memoryBytes: 20480,
  },
  redisMemory: null,
  keyPrefix: 'tc:',
  ttls: [
    {
      resource: 'dashboard',
      pattern: 'dashboard:{guid}:{alterid}:{fy}:{to}:{as_on}',
      ttlSeconds: 300,
      envVar: 'CACHE_TTL_DASHBOARD',
    },
  ],
  firstTier: false,
});

export const settings: Settings = {
  tallyHost: 'localhost',
  tallyPort: 9000,
  autoSyncMinutes: 0,
  language: 'en',
  cache: {
    redisEnabled: 'auto',
    redisUrl: 'redis://127.0.0.1:6379',
    keyPrefix: 'tc:',
    defaultTtlSeconds: 300,
    ttls: { dashboard: 300 },
  },
  portal: { enabled: false, bindAddress: '127.0.0.1', port: 4871 },
};

/** Handlers for a full demo company; tests override what they need. */
export function demoHandlers(): FakeHandlers {
  return {
    'companies.list': () => ({ data: [company], source: 'database', tookMs: 1.2 }),
    'collections.log': () => [],
    'dashboard.get': (input) => ({ data: dashboard(input.fy), source: 'cache', tookMs: 0.4 }),
    'ledgers.search': (input) =>
      [
        {
          guid: 'l-cust-1',
          name: 'Patil Enterprises',
          group: 'Sundry Debtors',
          primaryGroup: 'Current Assets',
          isBillWise: true,
        },
        {
          guid: 'l-cust-2',
          name: 'Kulkarni & Sons',
          group: 'Sundry Debtors',
          primaryGroup: 'Current Assets',
          isBillWise: true,
        },
      ].filter((l) => l.name.toLowerCase().includes((input.query ?? '').toLowerCase())),
    'ledger.statement': (input) => ({
      data: statement(input.ledgerGuid, input.from, input.to),
      source: 'database',
      tookMs: 12,
    }),
    'outstanding.get': (input) => ({
      data: outstanding(input.kind, input.asOn, input.ageBy),
      source: 'database',
      tookMs: 5,
    }),
    'bill.history': (input) => ({
      data: {
        companyGuid: input.companyGuid,
        ledgerGuid: input.ledgerGuid,
        ledgerName: 'Patil Enterprises',
        billName: input.billName,
        kind: input.kind,
        asOn: input.asOn,
        billDate: '2025-05-01',
        dueDate: '2025-05-31',
        overdueDays: daysBetween('2025-05-31', input.asOn),
        overdue: input.asOn >= '2025-05-31',
        opening: 0,
        lines: [
          {
            date: '2025-05-01',
            voucherGuid: 'v-sale-101',
            voucherType: 'Sales',
            voucherNumber: 'S/101',
            billType: 'New Ref',
            amount: 5_000_00,
            balance: 5_000_00,
          },
          {
            date: '2025-06-10',
            voucherGuid: 'v-rcpt-7',
            voucherType: 'Receipt',
            voucherNumber: 'R/7',
            billType: 'Agst Ref',
            amount: -2_000_00,
            balance: 3_000_00,
          },
        ],
        pending: 3_000_00,
      },
      source: 'database',
      tookMs: 1,
    }),
    'voucher.get': (input) => ({ data: voucherView(input.voucherGuid), source: 'database', tookMs: 2 }),
    'sync.status': () => ({ running: false, progress: null }),
    'settings.get': () => settings,
    'settings.update': (input) =>
      ({ ...settings, ...input, cache: { ...settings.cache, ...input.cache } }) as Settings,
    // Office portal: the desktop owner (no sign-in), no accounts yet.
    'auth.me': () => null,
    'users.list': () => [],
    'sessions.active': () => [],
    'portal.certificate': () => ({
      certificate: {
        source: 'generated',
        fingerprint256: Array.from({ length: 32 }, (_, i) =>
          (i * 7).toString(16).padStart(2, '0').toUpperCase(),
        ).join(':'),
        subject: 'CN=TallyConnect office portal (office-pc)',
        names: ['office-pc', 'localhost', '127.0.0.1'],
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: '2028-04-05T00:00:00.000Z',
        path: '/tmp/data/tls/portal-cert.pem',
      },
      problem: null,
      configured: { pfxPath: '', certPath: '', keyPath: '', hasPassphrase: false },
    }),
    'app.info': () => ({
      version: '0.1.0',
      dataDir: '/tmp/data',
      databasePath: '/tmp/data/tc.db',
      mode: 'serve',
    }),
  };
}
