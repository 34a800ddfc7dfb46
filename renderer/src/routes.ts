import { booksRoutes } from './screens/books/routes';
import { collectionsRoutes } from './screens/collections/routes';
import { companiesRoutes } from './screens/companies/routes';
import { gstRoutes } from './screens/gst/routes';
import type { FeatureRoute } from './screens/feature-routes';
import { inventoryRoutes } from './screens/inventory/routes';
import { receivablesRoutes } from './screens/receivables/routes';
import { registersRoutes } from './screens/registers/routes';
import { settingsRoutes } from './screens/settings/routes';
import { statementsRoutes } from './screens/statements/routes';

/** The app's route table: every feature's screens (renderer/src/screens/<feature>/routes.ts). */
export const ROUTES = {
  ...companiesRoutes,
  ...booksRoutes,
  ...statementsRoutes,
  ...receivablesRoutes,
  ...inventoryRoutes,
  ...gstRoutes,
  ...registersRoutes,
  ...collectionsRoutes,
  ...settingsRoutes,
} satisfies Record<string, FeatureRoute>;

export type Screen = keyof typeof ROUTES;
export const SCREENS = Object.keys(ROUTES) as Screen[];
