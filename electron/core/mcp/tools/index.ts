import type { ToolDefinition } from '../tool';
import { companyProfileTool, dashboardTool, listCompanies, searchNames } from './companies';
import {
  compareBalanceSheetTool,
  compareGroupSummaryTool,
  compareProfitLossTool,
  compareTrialBalanceTool,
} from './comparisons';
import { gstr1SummaryTool, gstr3bSummaryTool } from './gst';
import { ledgerMonthlyTool, ledgerStatementTool } from './ledgers';
import { billHistoryTool, outstandingTool } from './outstanding';
import { registerSummaryTool, registerVouchersTool } from './registers';
import { balanceSheetTool, groupSummaryTool, profitLossTool, trialBalanceTool } from './statements';
import { stockItemTool, stockSummaryTool } from './stock';
import { dayBookTool, voucherTool } from './vouchers';

/** Every tool an assistant sees, in the order it is listed. */
export const MCP_TOOLS: readonly ToolDefinition[] = [
  listCompanies,
  companyProfileTool,
  searchNames,
  dashboardTool,
  trialBalanceTool,
  profitLossTool,
  balanceSheetTool,
  groupSummaryTool,
  compareTrialBalanceTool,
  compareProfitLossTool,
  compareBalanceSheetTool,
  compareGroupSummaryTool,
  ledgerStatementTool,
  ledgerMonthlyTool,
  outstandingTool,
  billHistoryTool,
  dayBookTool,
  voucherTool,
  registerSummaryTool,
  registerVouchersTool,
  stockSummaryTool,
  stockItemTool,
  gstr1SummaryTool,
  gstr3bSummaryTool,
];
