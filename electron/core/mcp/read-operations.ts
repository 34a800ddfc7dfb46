import type { OperationName } from '../../../shared/contract';

/**
 * The only contract operations an assistant's tool may call: reads of the books. Nothing here syncs,
 * imports, deletes, changes settings or accounts; the MCP layer refuses any other operation at run time
 * (see context.ts), so a tool cannot reach a write even by mistake.
 */
export const MCP_READ_OPERATIONS = [
  'companies.list',
  'masters.names',
  'dashboard.get',
  'trialBalance.get',
  'profitLoss.get',
  'balanceSheet.get',
  'groupSummary.get',
  'ledger.statement',
  'ledgerMonthly.get',
  'outstanding.get',
  'bill.history',
  'dayBook.get',
  'voucher.get',
  'stockSummary.get',
  'stockItem.movements',
  'register.summary',
  'register.vouchers',
  'trialBalance.compare',
  'profitLoss.compare',
  'balanceSheet.compare',
  'groupSummary.compare',
  'company.profile',
  // Desktop only (electron/core/portal/access.ts): offered to the desktop owner, not over the portal.
  'gst.gstr1',
  'gst.gstr3b',
] as const satisfies readonly OperationName[];

export type McpReadOperation = (typeof MCP_READ_OPERATIONS)[number];

const READS: ReadonlySet<string> = new Set(MCP_READ_OPERATIONS);

export function isMcpReadOperation(name: string): name is McpReadOperation {
  return READS.has(name);
}
