/**
 * What the update policy needs from an updater. The desktop shell passes electron-updater's
 * NsisUpdater through electron/main/updater.ts; tests pass the same real updater or a fake. The engine
 * downloads the installer and verifies it (sha512 from latest.yml; Authenticode publisher on Windows
 * when the app is signed) — the policy never touches the file.
 */
export interface EngineUpdateInfo {
  version: string;
  releaseDate?: string | null;
}

export interface EngineProgress {
  percent: number;
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

export interface UpdateEngine {
  /** Points the engine at a generic feed (a folder holding latest.yml and the installer). */
  setFeed(url: string): void;
  /** Null when the engine is inactive (an unpackaged app). */
  check(): Promise<{ isUpdateAvailable: boolean; updateInfo: EngineUpdateInfo } | null>;
  /** Downloads and verifies the offered version; rejects on a bad hash or signature. */
  download(): Promise<unknown>;
  onProgress(listener: (progress: EngineProgress) => void): () => void;
  /** Quits the app and runs the downloaded installer (silently, then restarts TallyConnect). */
  quitAndInstall(): void;
  /**
   * Starts the downloaded installer silently for an app that is quitting anyway (no restart). Called by
   * the shell's shutdown, only after the user agreed; electron-updater's own install-on-quit stays off.
   */
  installOnQuit(): boolean;
}
