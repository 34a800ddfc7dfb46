import { featureRoutes } from '../feature-routes';

export const settingsRoutes = featureRoutes({
  settings: { scope: 'app', load: () => import('./Settings').then((m) => m.Settings) },
  // Diagnostics, reached from Settings; not in the accountant's menu.
  cache: { scope: 'app', load: () => import('./CachePanel').then((m) => m.CachePanel) },
});
