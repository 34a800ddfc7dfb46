import type { MenuItemConstructorOptions } from 'electron';

/** Set to 1 by `npm run test:electron` only. */
export const TEST_HOOKS_ENV = 'TALLYCONNECT_TEST_HOOKS';
export const TEST_HOOKS_GLOBAL = '__tallyConnectTestHooks';

export interface TrayMenuItemView {
  id: string;
  label: string;
  enabled: boolean;
}

/**
 * What the Electron smoke test (tools/electron-smoke) reads in the main process through Playwright's
 * electronApp.evaluate: the tray cannot be reached from the window, and Playwright has no tray API.
 * Installed only when TALLYCONNECT_TEST_HOOKS=1; it lives in the main process only and gives the renderer
 * nothing.
 */
export interface TestHooks {
  trayExists(): boolean;
  trayTooltip(): string;
  trayMenu(): TrayMenuItemView[];
  /** Clicks a tray menu item by id, as the user would; false when there is no such enabled item. */
  clickTray(id: string): boolean;
  /** Resolves when every tray action started so far has finished. */
  settled(): Promise<void>;
  windowState(): { exists: boolean; visible: boolean; focused: boolean };
}

export function flattenMenu(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flattenMenu(item.submenu) : [])]);
}

export function trayMenuView(items: MenuItemConstructorOptions[]): TrayMenuItemView[] {
  return flattenMenu(items)
    .filter((item) => item.id)
    .map((item) => ({ id: item.id ?? '', label: item.label ?? '', enabled: item.enabled !== false }));
}

export function clickMenuItem(items: MenuItemConstructorOptions[], id: string): boolean {
  const item = flattenMenu(items).find((i) => i.id === id);
  if (!item || item.enabled === false || typeof item.click !== 'function') return false;
  // Tray clicks carry Electron's (menuItem, window, event); the app's handlers ignore them.
  (item.click as unknown as () => void)();
  return true;
}

export function installTestHooks(
  env: NodeJS.ProcessEnv,
  hooks: TestHooks,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): boolean {
  if (env[TEST_HOOKS_ENV] !== '1') return false;
  target[TEST_HOOKS_GLOBAL] = hooks;
  return true;
}
