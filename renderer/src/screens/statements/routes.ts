import { featureRoutes } from '../feature-routes';

export const statementsRoutes = featureRoutes({
  trialBalance: { scope: 'company', load: () => import('./TrialBalance').then((m) => m.TrialBalance) },
  profitLoss: { scope: 'company', load: () => import('./ProfitLoss').then((m) => m.ProfitLoss) },
  balanceSheet: { scope: 'company', load: () => import('./BalanceSheet').then((m) => m.BalanceSheet) },
  // Drill-down from the balance sheet and the trial balance.
  groupSummary: { scope: 'company', load: () => import('./GroupSummary').then((m) => m.GroupSummary) },
});
