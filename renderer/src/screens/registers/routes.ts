import { featureRoutes } from '../feature-routes';

export const registersRoutes = featureRoutes({
  // Tally's Sales Register and Purchase Register (Display › Account Books): the months of the period.
  salesRegister: {
    scope: 'company',
    load: () => import('./RegisterSummary').then((m) => m.SalesRegister),
  },
  purchaseRegister: {
    scope: 'company',
    load: () => import('./RegisterSummary').then((m) => m.PurchaseRegister),
  },
  // A month of a register (Enter on a month): its vouchers; not in the menu.
  registerVouchers: {
    scope: 'company',
    load: () => import('./RegisterVouchers').then((m) => m.RegisterVouchers),
  },
});
