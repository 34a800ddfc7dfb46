import { featureRoutes } from '../feature-routes';
// The dashboard is the first screen: it is in the first bundle, the others load when opened.
import { Dashboard } from './Dashboard';

export const companiesRoutes = featureRoutes({
  companies: { scope: 'app', load: () => import('./Companies').then((m) => m.Companies) },
  dashboard: { scope: 'company', load: () => Promise.resolve(Dashboard) },
});
