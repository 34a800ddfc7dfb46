import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import type { MainLogger } from 'electron-log';
import { createLogger, type LogLevel, type Logger } from '../core/logger';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP_FILES = 5;

interface RotateFs {
  existsSync(path: string): boolean;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
}

/**
 * Keeps main.log plus main.1.log … main.<keep>.log (newest first), so a support request can include a
 * few days of history without the folder growing forever.
 */
export function rotateLogFiles(
  current: string,
  keep: number,
  fs: RotateFs = { existsSync, renameSync, rmSync },
): void {
  const { dir, name, ext } = parse(current);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  fs.rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
  }
  fs.renameSync(current, numbered(1));
}

/** Points electron-log's file transport at <data>/logs/main.log with size-based rotation. */
export function configureLogFile(log: MainLogger, logDir: string, level: LogLevel = 'info'): string {
  const file = join(logDir, LOG_FILE_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = level;
  log.transports.file.archiveLogFn = (oldFile) => {
    try {
      rotateLogFiles(oldFile.path, LOG_KEEP_FILES);
    } catch {
      // electron-log then truncates the file itself; logging must never crash the app.
    }
  };
  log.transports.console.level = process.env.NODE_ENV === 'development' ? 'debug' : 'warn';
  // Uncaught errors go to the log file; the user sees our own dialogs, not a raw stack.
  log.errorHandler.startCatching({ showDialog: false });
  return file;
}

/** The core's structured logger, written through electron-log (one JSON object per line). */
export function coreLoggerFor(log: Pick<MainLogger, LogLevel>, level: LogLevel = 'info'): Logger {
  return createLogger({
    level,
    sink: (record) => {
      const { level: recordLevel, message, time: _time, ...fields } = record;
      const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
      log[recordLevel](`${message}${extra}`);
    },
  });
}
