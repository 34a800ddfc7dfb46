import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the shell remembers between launches (in shell-state.json in the data folder). */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface ShellState {
  window: WindowBounds | null;
  /** The "still running in the tray" notification is shown once, ever. */
  trayNoticeShown: boolean;
  /** The user ticked "Don't ask again" on the Memurai prompt. */
  memuraiPromptDismissed: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowBounds = { width: 1280, height: 800, maximized: false };
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
export const EMPTY_SHELL_STATE: ShellState = {
  window: null,
  trayNoticeShown: false,
  memuraiPromptDismissed: false,
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A damaged or hand-edited file never stops the app: bad fields fall back to defaults. */
export function parseShellState(text: string | null): ShellState {
  if (!text) return { ...EMPTY_SHELL_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...EMPTY_SHELL_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_SHELL_STATE };
  const r = raw as Record<string, unknown>;
  const w = (typeof r.window === 'object' && r.window !== null ? r.window : {}) as Record<string, unknown>;
  const window: WindowBounds | null =
    isInt(w.width) && isInt(w.height)
      ? {
          ...(isInt(w.x) && isInt(w.y) ? { x: w.x, y: w.y } : {}),
          width: w.width,
          height: w.height,
          maximized: w.maximized === true,
        }
      : null;
  return {
    window,
    trayNoticeShown: r.trayNoticeShown === true,
    memuraiPromptDismissed: r.memuraiPromptDismissed === true,
  };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds when they still fit a connected display (a laptop that was
 * docked to a second monitor yesterday must not open off-screen today), else the default size, centred.
 */
export function restoreBounds(saved: WindowBounds | null, workAreas: Rect[]): WindowBounds {
  const largest = workAreas.reduce<Rect | null>(
    (best, a) => (!best || a.width * a.height > best.width * best.height ? a : best),
    null,
  );
  const fit = (b: WindowBounds): WindowBounds => {
    const maxW = largest ? largest.width : b.width;
    const maxH = largest ? largest.height : b.height;
    return {
      ...b,
      width: Math.max(MIN_WIDTH, Math.min(b.width, maxW)),
      height: Math.max(MIN_HEIGHT, Math.min(b.height, maxH)),
    };
  };
  if (!saved) return fit(DEFAULT_WINDOW);
  const sized = fit(saved);
  if (sized.x === undefined || sized.y === undefined) return sized;
  const rect = { x: sized.x, y: sized.y, width: sized.width, height: sized.height };
  // At least a quarter of the window (or 200x100 px) must be visible on some display.
  const needed = Math.min(rect.width * rect.height * 0.25, 200 * 100);
  const visible = workAreas.some((area) => overlap(rect, area) >= needed);
  if (visible) return sized;
  return { width: sized.width, height: sized.height, maximized: sized.maximized };
}

export interface ShellStateStore {
  get(): ShellState;
  update(patch: Partial<ShellState>): ShellState;
}

/** Reads once, writes atomically (temp file + rename) on every update. */
export function createShellStateStore(file: string): ShellStateStore {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  let state = parseShellState(text);
  return {
    get: () => state,
    update(patch) {
      state = { ...state, ...patch };
      try {
        mkdirSync(dirname(file), { recursive: true });
        const temp = `${file}.tmp`;
        writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
        renameSync(temp, file);
      } catch {
        // Losing the remembered window position is not worth interrupting the user.
      }
      return state;
    },
  };
}
