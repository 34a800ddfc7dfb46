import type { ComponentType } from 'react';
import type { CompanySummary } from '../../../shared/types/reports';

/**
 * How a feature declares its screens: the app's route table (routes.ts) is built from these lists, so a
 * new screen is added in its feature's routes.ts alone.
 * - `company`: shown for the selected company (the app shows "no company" first); keyed by company and
 *   visit so one company's figures never show under another's name.
 * - `app`: shown whatever the company (companies list, settings, diagnostics).
 * `load` is a dynamic import, so each screen's code arrives when it is first opened; `eager` marks the
 * first screen, which is in the first bundle.
 */
export type FeatureRoute =
  | { scope: 'company'; load: () => Promise<ComponentType<{ company: CompanySummary }>> }
  | { scope: 'app'; load: () => Promise<ComponentType<{ company: CompanySummary | null }>> };

/** Keeps each feature's screen names as literal types. */
export const featureRoutes = <const T extends Record<string, FeatureRoute>>(routes: T): T => routes;
