/**
 * A small structured logger: one JSON line per record, written to an injected sink so the core never
 * decides where logs go (the Electron adapter writes a rotating file, the CLI writes stderr, tests
 * collect them in memory).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds these fields to every record (e.g. { area: 'sync' }). */
  child(fields: LogFields): Logger;
}

export interface LogRecord {
  time: string;
  level: LogLevel;
  message: string;
  [field: string]: unknown;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && Object.prototype.hasOwnProperty.call(ORDER, value);
}

/** Errors do not survive JSON.stringify; keep their message and code, never secrets from env. */
function plain(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

export function createLogger(options: {
  level?: LogLevel;
  sink: (record: LogRecord) => void;
  now?: () => Date;
  fields?: LogFields;
}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const base = options.fields ?? {};
  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (ORDER[level] < threshold) return;
    const record: LogRecord = { time: now().toISOString(), level, message };
    for (const [key, value] of Object.entries({ ...base, ...fields })) record[key] = plain(value);
    try {
      options.sink(record);
    } catch {
      // A broken log sink must never break the operation being logged.
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** JSON lines on a writable stream (stderr for the CLI and the headless server). */
export function streamLogger(
  stream: { write(text: string): unknown },
  level: LogLevel = 'info',
  now?: () => Date,
): Logger {
  return createLogger({ level, now, sink: (record) => stream.write(`${JSON.stringify(record)}\n`) });
}

export const silentLogger: Logger = createLogger({ level: 'error', sink: () => undefined });
