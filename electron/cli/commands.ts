import { AppError } from '../../shared/errors';
import type { OperationName } from '../../shared/contract';
import { GST_COMMANDS } from './gst-commands';

/**
 * Friendly commands mapped onto contract operations: flags become the operation's input, and the
 * dispatcher validates it exactly as for the app. Other areas add their commands to this table.
 */
export interface CommandSpec {
  operation: OperationName;
  summary: string;
  /** flag name -> input field and how to read it. */
  flags: Record<
    string,
    {
      field: string;
      type: 'string' | 'number' | 'boolean' | 'numberList' | 'jsonFile' | 'columns';
      /** A string flag's shape, checked before the operation runs (the error names the flag). */
      pattern?: { regex: RegExp; hint: string };
    }
  >;
  /** What to print of the operation's answer (default: all of it). */
  show?: (data: unknown) => unknown;
  /** Lines for stderr about the answer (warnings the printed JSON leaves out). */
  notes?: (data: unknown) => string[];
}

const company = { company: { field: 'companyGuid', type: 'string' } } as const;
const range = { from: { field: 'from', type: 'string' }, to: { field: 'to', type: 'string' } } as const;
/** Comparison columns: FROM..TO or an as-on DATE, comma-separated, the current one first. */
const columns = { columns: { field: 'columns', type: 'columns' } } as const;
const COLUMNS_HELP = '--columns FROM..TO|AS-ON[,...] (current first, at most 4)';

export const COMMANDS: Record<string, CommandSpec> = {
  companies: {
    operation: 'companies.list',
    summary: 'List companies with sync status and counts',
    flags: {},
  },
  dashboard: {
    operation: 'dashboard.get',
    summary: 'Dashboard of one financial year: --company GUID --fy 2025-26 [--to DATE (period end)]',
    flags: { ...company, fy: { field: 'fy', type: 'string' }, to: { field: 'to', type: 'string' } },
  },
  ledgers: {
    operation: 'ledgers.search',
    summary: 'Find ledgers: --company GUID [--query TEXT] [--limit N]',
    flags: {
      ...company,
      query: { field: 'query', type: 'string' },
      limit: { field: 'limit', type: 'number' },
    },
  },
  ledger: {
    operation: 'ledger.statement',
    summary: 'Ledger statement: --company GUID --ledger LEDGER-GUID --from DATE --to DATE',
    flags: { ...company, ledger: { field: 'ledgerGuid', type: 'string' }, ...range },
  },
  outstanding: {
    operation: 'outstanding.get',
    summary:
      'Bills outstanding: --company GUID --kind receivable|payable --as-on DATE [--buckets 30,60,90,180] [--age-by due|bill]',
    flags: {
      ...company,
      kind: { field: 'kind', type: 'string' },
      'as-on': { field: 'asOn', type: 'string' },
      buckets: { field: 'buckets', type: 'numberList' },
      'age-by': { field: 'ageBy', type: 'string' },
    },
  },
  bill: {
    operation: 'bill.history',
    summary:
      "One bill's vouchers: --company GUID --ledger LEDGER-GUID --bill NAME --kind receivable|payable --as-on DATE",
    flags: {
      ...company,
      ledger: { field: 'ledgerGuid', type: 'string' },
      bill: { field: 'billName', type: 'string' },
      kind: { field: 'kind', type: 'string' },
      'as-on': { field: 'asOn', type: 'string' },
    },
  },
  voucher: {
    operation: 'voucher.get',
    summary: 'One voucher as Tally shows it: --company GUID --voucher VOUCHER-GUID',
    flags: { ...company, voucher: { field: 'voucherGuid', type: 'string' } },
  },
  'trial-balance': {
    operation: 'trialBalance.get',
    summary: 'Trial balance: --company GUID --from DATE --to DATE',
    flags: { ...company, ...range },
  },
  'profit-loss': {
    operation: 'profitLoss.get',
    summary: 'Profit & loss: --company GUID --from DATE --to DATE',
    flags: { ...company, ...range },
  },
  'balance-sheet': {
    operation: 'balanceSheet.get',
    summary: 'Balance sheet: --company GUID --as-on DATE',
    flags: { ...company, 'as-on': { field: 'asOn', type: 'string' } },
  },
  'group-summary': {
    operation: 'groupSummary.get',
    summary: 'Group summary: --company GUID --group NAME --from DATE --to DATE',
    flags: { ...company, group: { field: 'groupName', type: 'string' }, ...range },
  },
  'trial-balance-compare': {
    operation: 'trialBalance.compare',
    summary: `Trial balance with comparison columns: --company GUID ${COLUMNS_HELP}`,
    flags: { ...company, ...columns },
  },
  'profit-loss-compare': {
    operation: 'profitLoss.compare',
    summary: `Profit & loss with comparison columns: --company GUID ${COLUMNS_HELP}`,
    flags: { ...company, ...columns },
  },
  'balance-sheet-compare': {
    operation: 'balanceSheet.compare',
    summary: `Balance sheet as on several dates: --company GUID ${COLUMNS_HELP}`,
    flags: { ...company, ...columns },
  },
  'group-summary-compare': {
    operation: 'groupSummary.compare',
    summary: `Group summary with comparison columns: --company GUID --group NAME ${COLUMNS_HELP}`,
    flags: { ...company, group: { field: 'groupName', type: 'string' }, ...columns },
  },
  'ledger-monthly': {
    operation: 'ledgerMonthly.get',
    summary: "A ledger's monthly summary: --company GUID --ledger LEDGER-GUID --from DATE --to DATE",
    flags: { ...company, ledger: { field: 'ledgerGuid', type: 'string' }, ...range },
  },
  register: {
    operation: 'register.summary',
    summary:
      "A voucher type's register month by month: --company GUID --type Sales|Purchase|... --from DATE --to DATE",
    flags: { ...company, type: { field: 'voucherType', type: 'string' }, ...range },
  },
  'register-vouchers': {
    operation: 'register.vouchers',
    summary:
      "A register's vouchers: --company GUID --type Sales|Purchase|... --from DATE --to DATE [--page N] [--page-size N]",
    flags: {
      ...company,
      type: { field: 'voucherType', type: 'string' },
      ...range,
      page: { field: 'page', type: 'number' },
      'page-size': { field: 'pageSize', type: 'number' },
    },
  },
  'stock-summary': {
    operation: 'stockSummary.get',
    summary: 'Stock summary: --company GUID --from DATE --to DATE [--group STOCK-GROUP]',
    flags: { ...company, group: { field: 'groupName', type: 'string' }, ...range },
  },
  'stock-item': {
    operation: 'stockItem.movements',
    summary: "A stock item's movements: --company GUID --item ITEM-GUID --from DATE --to DATE",
    flags: { ...company, item: { field: 'itemGuid', type: 'string' }, ...range },
  },
  'day-book': {
    operation: 'dayBook.get',
    summary: 'Day book: --company GUID --from DATE --to DATE [--page N] [--page-size N]',
    flags: {
      ...company,
      ...range,
      page: { field: 'page', type: 'number' },
      'page-size': { field: 'pageSize', type: 'number' },
    },
  },
  'delete-company': {
    operation: 'company.delete',
    summary: 'Remove a company from the local store: --company GUID',
    flags: { ...company },
  },
  info: { operation: 'app.info', summary: 'Version and data folder', flags: {} },
  sync: {
    operation: 'sync.start',
    summary: 'Sync from Tally (TALLY_HOST/TALLY_PORT): [--company GUID] [--full]',
    flags: { ...company, full: { field: 'full', type: 'boolean' } },
  },
  ...GST_COMMANDS,
  'tally-test': {
    operation: 'tally.testConnection',
    summary: 'Check that Tally answers and list its open companies: [--host H] [--port P]',
    flags: { host: { field: 'host', type: 'string' }, port: { field: 'port', type: 'number' } },
  },
};

/** Flags every command accepts (handled by main.ts, not passed to the operation). */
export const GLOBAL_FLAGS = new Set(['data-dir', 'compact', 'out']);

function convert(flag: string, raw: string | true, type: CommandSpec['flags'][string]['type']): unknown {
  if (type === 'boolean') return raw === true || raw === 'true' || raw === 'yes';
  if (raw === true) throw new AppError('VALIDATION', `--${flag} needs a value`, { field: flag });
  if (type === 'string' || type === 'jsonFile') return raw;
  // The dates are checked by the operation's schema, which names the column at fault.
  if (type === 'columns') {
    return raw.split(',').map((part) => {
      const [from, to] = part.trim().split('..');
      return to === undefined ? { asOn: from } : { from, to };
    });
  }
  const toNumber = (text: string): number => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value)) {
      throw new AppError('VALIDATION', `--${flag} must be a number, not "${text}"`, { field: flag });
    }
    return value;
  };
  return type === 'number' ? toNumber(raw) : raw.split(',').map(toNumber);
}

/** Builds an operation's input from a command's flags; unknown flags are an error, not ignored. */
export function commandInput(
  name: string,
  spec: CommandSpec,
  flags: Map<string, string | true>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const given = new Map<string, string>();
  for (const [flag, raw] of flags) {
    if (GLOBAL_FLAGS.has(flag)) continue;
    const def = spec.flags[flag];
    if (!def) {
      const known = Object.keys(spec.flags).map((f) => `--${f}`);
      throw new AppError(
        'VALIDATION',
        `Unknown option --${flag} for "${name}"${known.length ? ` (options: ${known.join(', ')})` : ''}`,
        { field: flag },
      );
    }
    const other = given.get(def.field);
    if (other !== undefined) {
      throw new AppError('VALIDATION', `--${other} and --${flag} give the same thing: give one of them`, {
        field: flag,
      });
    }
    given.set(def.field, flag);
    if (def.pattern && (typeof raw !== 'string' || !def.pattern.regex.test(raw.trim()))) {
      throw new AppError('VALIDATION', `--${flag} ${def.pattern.hint}, not "${String(raw)}"`, {
        field: flag,
      });
    }
    input[def.field] = convert(flag, raw, def.type);
  }
  return input;
}
