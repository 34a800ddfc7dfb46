import { featureRoutes } from '../feature-routes';

export const collectionsRoutes = featureRoutes({
  // Parties with dues, a party's contacts and messages, preview and sending (issue 28; docs/COLLECTIONS.md).
  collections: { scope: 'company', load: () => import('./Collections').then((m) => m.Collections) },
});
