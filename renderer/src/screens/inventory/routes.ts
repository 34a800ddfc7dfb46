import { featureRoutes } from '../feature-routes';

export const inventoryRoutes = featureRoutes({
  stockSummary: { scope: 'company', load: () => import('./StockSummary').then((m) => m.StockSummary) },
  // Drill-down from the stock summary.
  stockItem: { scope: 'company', load: () => import('./StockItem').then((m) => m.StockItem) },
});
