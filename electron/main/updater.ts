import type { AppUpdater, Logger as UpdaterLogger, ProgressInfo } from 'electron-updater';
import type { UpdateEngine } from '../core/update/engine';

interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** electron-updater writes free text; it goes to main.log under the 'update' area. */
export function updaterLogger(log: Log): UpdaterLogger {
  const text = (message: unknown) => (message instanceof Error ? message.message : String(message));
  return {
    info: (message?: unknown) => log.info(text(message)),
    warn: (message?: unknown) => log.warn(text(message)),
    error: (message?: unknown) => log.error(text(message)),
  };
}

/**
 * Adapts electron-updater's NsisUpdater to the core's UpdateEngine. The policy decides when to check
 * and when to install; electron-updater fetches latest.yml from the generic feed, downloads the
 * installer, checks its sha512 (and, for a signed app, the Authenticode publisher named in
 * app-update.yml) and runs it. Its own automatic download and install-on-quit are switched off, so
 * nothing happens without the policy — and nothing is installed without the user's consent.
 */
export function engineFromUpdater(
  updater: AppUpdater & { install(isSilent?: boolean, isForceRunAfter?: boolean): boolean },
): UpdateEngine {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  // No web installers: the full, hashed installer only.
  updater.disableWebInstaller = true;
  return {
    setFeed: (url) => updater.setFeedURL({ provider: 'generic', url }),
    async check() {
      const result = await updater.checkForUpdates();
      if (!result) return null;
      return {
        isUpdateAvailable: result.isUpdateAvailable,
        updateInfo: {
          version: result.updateInfo.version,
          releaseDate: result.updateInfo.releaseDate ?? null,
        },
      };
    },
    download: () => updater.downloadUpdate(),
    onProgress(listener) {
      const forward = (progress: ProgressInfo): void => listener(progress);
      updater.on('download-progress', forward);
      return () => {
        updater.removeListener('download-progress', forward);
      };
    },
    // Silent install, then TallyConnect starts again on its own.
    quitAndInstall: () => updater.quitAndInstall(true, true),
    installOnQuit: () => updater.install(true, false),
  };
}
