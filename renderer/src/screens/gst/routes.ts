import { featureRoutes } from '../feature-routes';

/** GST returns (issue 26): desktop-only, like their operations (screens/portal/portal-user.ts). */
export const gstRoutes = featureRoutes({
  gstr1: { scope: 'company', load: () => import('./Gstr1').then((m) => m.Gstr1) },
  gstr3b: { scope: 'company', load: () => import('./Gstr3b').then((m) => m.Gstr3b) },
  gstr2b: { scope: 'company', load: () => import('./Gstr2bReco').then((m) => m.Gstr2bReco) },
  gstExceptions: { scope: 'company', load: () => import('./GstExceptions').then((m) => m.GstExceptions) },
});
