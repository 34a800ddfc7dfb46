import { featureRoutes } from '../feature-routes';

export const receivablesRoutes = featureRoutes({
  outstanding: { scope: 'company', load: () => import('./Outstanding').then((m) => m.Outstanding) },
});
