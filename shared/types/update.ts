/**
 * The desktop app's self-update, as the renderer and the tray see it. The policy lives in
 * electron/core/update; the download and its sha512 / signature checks are electron-updater's.
 */
export type UpdatePhase =
  /** No feed configured, or this is not the installed desktop app: nothing is ever checked. */
  | 'disabled'
  /** Configured; no check has run yet. */
  | 'idle'
  | 'checking'
  | 'up-to-date'
  /** A newer version is being downloaded in the background. */
  | 'downloading'
  /** Downloaded and verified; waits for the user's consent to install. */
  | 'ready'
  | 'error';

export interface UpdateProgress {
  /** 0–100. */
  percent: number;
  transferredBytes: number;
  totalBytes: number;
  bytesPerSecond: number;
}

export interface UpdateStatus {
  phase: UpdatePhase;
  currentVersion: string;
  /** Where updates come from ('' when none is configured). */
  feedUrl: string;
  /** Where the feed URL was set: UPDATE_FEED_URL in the process environment or in Settings (.env). */
  feedSource: 'environment' | 'settings' | null;
  /** Why updates are off, when phase is 'disabled' (in English; the UI translates the phase). */
  disabledReason: 'no-feed' | 'not-installed' | 'not-desktop' | null;
  /** The newer version offered by the feed (while downloading and when ready). */
  available: { version: string; releaseDate: string | null } | null;
  progress: UpdateProgress | null;
  /** The user agreed to install the downloaded update when TallyConnect quits. */
  installOnQuit: boolean;
  /** ISO time of the last finished check, or null. */
  lastCheckedAt: string | null;
  /** The last check's or download's failure in plain words (bad hash, feed unreachable, ...). */
  error: string | null;
}
