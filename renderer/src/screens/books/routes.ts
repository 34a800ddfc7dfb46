import { featureRoutes } from '../feature-routes';

export const booksRoutes = featureRoutes({
  ledger: { scope: 'company', load: () => import('./Ledger').then((m) => m.Ledger) },
  dayBook: { scope: 'company', load: () => import('./DayBook').then((m) => m.DayBook) },
  // Opened from the day book, a ledger statement or a bill; not in the menu.
  voucher: { scope: 'company', load: () => import('./Voucher').then((m) => m.Voucher) },
  // Drill-down from a group summary.
  ledgerMonthly: { scope: 'company', load: () => import('./LedgerMonthly').then((m) => m.LedgerMonthly) },
});
