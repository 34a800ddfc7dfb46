import { isAbsolute, join, resolve } from 'node:path';

export const APP_ID = 'in.tallyconnect.desktop';
export const DATA_DIR_ENV = 'TALLYCONNECT_DATA_DIR';
/** Passed by the "Start with Windows" login item: start quietly in the tray. */
export const HIDDEN_ARG = '--hidden';

/**
 * Where the database, .env and logs live: Electron's per-user folder (%APPDATA%\TallyConnect), unless
 * TALLYCONNECT_DATA_DIR points elsewhere (tests, portable setups). A relative override is taken from
 * the current folder so the log line shows exactly which folder is used.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv,
  userDataPath: string,
): { dir: string; overridden: boolean } {
  const override = env[DATA_DIR_ENV]?.trim();
  if (!override) return { dir: userDataPath, overridden: false };
  return { dir: isAbsolute(override) ? override : resolve(override), overridden: true };
}

/** Files of the built app, relative to out/main/ (where main.js and the tray icons are). */
export function builtPaths(mainDir: string, platform: NodeJS.Platform) {
  return {
    preload: join(mainDir, '..', 'preload', 'preload.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
    trayIcon: join(mainDir, platform === 'win32' ? 'tray.ico' : 'tray.png'),
    // Windows takes the window icon from the .exe; elsewhere the window needs one.
    windowIcon: platform === 'win32' ? null : join(mainDir, 'tray@2x.png'),
  };
}
