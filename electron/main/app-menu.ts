import { app, type MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  openDataFolder(): void;
  openLogFolder(): void;
  about(): void;
  checkForUpdates(): void;
  quit(): void;
}

/**
 * The window's menu (hidden until Alt is pressed): zoom for small screens, standard editing keys, and
 * the folders support asks for. Reload and developer tools only in unpackaged builds: `dev` is ignored
 * when the app is packaged (app.isPackaged), whatever the caller passes.
 */
export function appMenuTemplate(
  options: { dev: boolean },
  actions: AppMenuActions,
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', accelerator: 'CommandOrControl+=' },
    { role: 'zoomOut' },
    { role: 'resetZoom' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.dev && !app.isPackaged)
    view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    {
      label: '&File',
      submenu: [
        {
          id: 'app.quit',
          label: 'Quit TallyConnect',
          accelerator: 'CommandOrControl+Q',
          click: () => actions.quit(),
        },
      ],
    },
    {
      // Alt+E is the reports' Export (Tally's key): the Edit menu opens with Alt+D instead.
      label: 'E&dit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    {
      label: '&Help',
      submenu: [
        { id: 'help.logs', label: 'Open log folder (for support)', click: () => actions.openLogFolder() },
        { id: 'help.data', label: 'Open data folder', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { id: 'help.checkUpdates', label: 'Check for updates…', click: () => actions.checkForUpdates() },
        { id: 'help.about', label: 'About TallyConnect', click: () => actions.about() },
      ],
    },
  ];
}

export function aboutText(info: {
  version: string;
  /** YYYY-MM-DD of the build (injected at build time); null when running from sources. */
  buildDate?: string | null;
  dataDir: string;
  logFile: string;
  electron: string;
}): string {
  const built = info.buildDate ? `, built ${info.buildDate}` : '';
  return [
    `Version ${info.version}${built} (Electron ${info.electron})`,
    `Data folder: ${info.dataDir}`,
    `Log file: ${info.logFile}`,
  ].join('\n');
}
