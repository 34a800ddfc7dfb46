import type { ToolDefinition } from '../tool';
import { dashboardTool, listCompanies, searchNames } from './companies';
import { ledgerMonthlyTool, ledgerStatementTool } from './ledgers';
import { billHistoryTool, outstandingTool } from './outstanding';
import { balanceSheetTool, groupSummaryTool, profitLossTool, trialBalanceTool } from './statements';
import { stockItemTool, stockSummaryTool } from './stock';
import { dayBookTool, voucherTool } from './vouchers';

/** Every tool an assistant sees, in the order it is listed. */
export const MCP_TOOLS: readonly ToolDefinition[] = [
  listCompanies,
  searchNames,
  dashboardTool,
  trialBalanceTool,
  profitLossTool,
  balanceSheetTool,
  groupSummaryTool,
  ledgerStatementTool,
  ledgerMonthlyTool,
  outstandingTool,
  billHistoryTool,
  dayBookTool,
  voucherTool,
  stockSummaryTool,
  stockItemTool,
];
