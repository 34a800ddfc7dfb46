/**
 * Build facts injected by Vite (`define` in vite.electron.config.ts) when main.js is built; absent when
 * the sources run directly (tests), where they read as null.
 */
declare const __TALLYCONNECT_BUILD_DATE__: string | undefined;

/** ISO date (YYYY-MM-DD, UTC) of the build that produced this main.js, or null. */
export const BUILD_DATE: string | null =
  typeof __TALLYCONNECT_BUILD_DATE__ === 'string' ? __TALLYCONNECT_BUILD_DATE__ : null;
