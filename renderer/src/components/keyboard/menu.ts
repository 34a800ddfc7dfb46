import type { Screen } from '../../lib/route';

export type MenuSection = 'overview' | 'reports' | 'gst' | 'tools';

/**
 * The sidebar menu, in its order: Alt+1 … Alt+9 open its first nine entries (as Tally's Gateway
 * lists its reports), and F1 lists them. Technical screens (the cache) are reached from Settings ›
 * Diagnostics, not from the accountant's menu.
 */
export const MENU: readonly { section: MenuSection; screens: readonly Screen[] }[] = [
  { section: 'overview', screens: ['companies', 'dashboard'] },
  {
    section: 'reports',
    screens: [
      'ledger',
      'outstanding',
      'trialBalance',
      'profitLoss',
      'balanceSheet',
      'stockSummary',
      'dayBook',
      'salesRegister',
      'purchaseRegister',
    ],
  },
  { section: 'gst', screens: ['gstr1', 'gstr3b', 'gstr2b', 'gstExceptions'] },
  { section: 'tools', screens: ['collections', 'settings'] },
];

/** Every menu entry in order; the n-th (1-based, up to 9) is Alt+n. */
export const MENU_SCREENS: readonly Screen[] = MENU.flatMap((group) => group.screens);

/** The screen Alt+n opens, or undefined. */
export function screenForAltKey(n: number): Screen | undefined {
  return n >= 1 && n <= 9 ? MENU_SCREENS[n - 1] : undefined;
}

/** "Alt+7" for a screen that has a key, else undefined. */
export function altKeyOf(screen: Screen): string | undefined {
  const index = MENU_SCREENS.indexOf(screen);
  return index >= 0 && index < 9 ? `Alt+${index + 1}` : undefined;
}
