import type { App } from 'electron';
import { HIDDEN_ARG } from './paths';

export interface LoginItems {
  /** null where the OS has no login items (Linux): the tray leaves the toggle out. */
  get(): boolean | null;
  set(enabled: boolean): void;
}

/** "Start with Windows": a login item that launches TallyConnect quietly in the tray (--hidden). */
export function createLoginItems(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
): LoginItems {
  const supported = platform === 'win32' || platform === 'darwin';
  return {
    get: () => (supported ? app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin : null),
    set: (enabled) => {
      if (supported) app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    },
  };
}
