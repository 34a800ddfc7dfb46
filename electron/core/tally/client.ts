import http from 'node:http';
import { AppError } from '../../../shared/errors';
import { createTextCleaner } from './clean';
import { createStreamDecoder } from './decode';
import { FIELDS_READ } from './mappers';
import type { XNode } from './node';
import { createTallyParser, type ANY_OBJECT, type ParseSummary } from './parser';

export interface TallyClientOptions {
  host: string;
  port: number;
  /** Per request; Tally itself never times out. Default 5 minutes. */
  timeoutMs?: number;
  /** Attempts for transient failures (connection reset, timeout, cut answer). Default 3. */
  attempts?: number;
  /** First backoff delay; doubles on each retry. Default 1 s. */
  backoffMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestSink {
  /** Element names of the objects wanted (VOUCHER, LEDGER ...). */
  capture: ReadonlySet<string> | typeof ANY_OBJECT;
  onObject(node: XNode): void;
  /** Called before a retry: objects of the failed attempt must be forgotten. */
  reset(): void;
}

export interface RequestOptions {
  /** What is asked, for messages: "the vouchers of April 2025". */
  what: string;
  /** The company the request is about: an empty answer means it is not open in Tally. */
  company?: string;
  signal?: AbortSignal;
}

export interface TallyClient {
  readonly host: string;
  readonly port: number;
  request(xml: string, sink: RequestSink, options: RequestOptions): Promise<ParseSummary>;
}

export const UNREACHABLE_MESSAGE =
  'Tally is not running, or its XML port is off (F1 > Settings > Connectivity)';

/** A failure worth another attempt: the network or Tally hiccuped, the request itself was fine. */
class TransientError extends Error {}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(cancelled());
      },
      { once: true },
    );
  });

export const cancelled = (): AppError =>
  new AppError('CANCELLED', 'The sync was cancelled; the previous data is unchanged');

const duration = (ms: number): string =>
  ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`;

export function createTallyClient(options: TallyClientOptions): TallyClient {
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? defaultSleep;
  const where = `${options.host}:${options.port}`;

  const once = (body: Buffer, sink: RequestSink, opts: RequestOptions): Promise<ParseSummary> =>
    new Promise<ParseSummary>((resolve, reject) => {
      let settled = false;
      const parser = createTallyParser({
        source: `Tally's answer for ${opts.what}`,
        capture: sink.capture,
        keep: FIELDS_READ,
        onObject: (node) => sink.onObject(node),
      });
      const decoder = createStreamDecoder(`Tally's answer for ${opts.what}`);
      const cleaner = createTextCleaner();
      let bytes = 0;

      const finish = (error: unknown, summary?: ParseSummary): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (error !== null) {
          req.destroy();
          reject(error);
        } else resolve(summary as ParseSummary);
      };
      const onAbort = (): void => finish(cancelled());
      const timer = setTimeout(
        () =>
          finish(
            new TransientError(`Tally did not finish answering ${opts.what} within ${duration(timeoutMs)}`),
          ),
        timeoutMs,
      );
      opts.signal?.addEventListener('abort', onAbort, { once: true });

      const req = http.request(
        {
          host: options.host,
          port: options.port,
          method: 'POST',
          path: '/',
          headers: { 'Content-Type': 'text/xml;charset=utf-16', 'Content-Length': body.length },
        },
        (res) => {
          if ((res.statusCode ?? 0) >= 500) {
            res.resume();
            finish(new TransientError(`Tally answered HTTP ${res.statusCode} for ${opts.what}`));
            return;
          }
          res.on('data', (chunk: Buffer) => {
            if (settled) return;
            bytes += chunk.length;
            try {
              parser.write(cleaner.push(decoder.push(chunk)));
            } catch (error) {
              finish(error);
            }
          });
          res.on('aborted', () =>
            finish(new TransientError(`The connection was cut while Tally sent ${opts.what}`)),
          );
          res.on('error', () =>
            finish(new TransientError(`The connection was cut while Tally sent ${opts.what}`)),
          );
          res.on('end', () => {
            if (settled) return;
            try {
              parser.write(cleaner.push(decoder.end()));
              parser.write(cleaner.flush());
              const summary = parser.close();
              if (bytes === 0 || !summary.sawRoot) {
                finish(
                  opts.company !== undefined
                    ? new AppError(
                        'TALLY_ERROR',
                        `Tally gave an empty answer for ${opts.what}: the company "${opts.company}" is not open in Tally (open it there, then sync again)`,
                        { company: opts.company },
                      )
                    : new AppError('TALLY_ERROR', `Tally gave an empty answer for ${opts.what}`),
                );
                return;
              }
              if (summary.status === '0') {
                finish(
                  new AppError(
                    'TALLY_ERROR',
                    `Tally could not answer ${opts.what} (status 0, no reason given)`,
                  ),
                );
                return;
              }
              finish(null, summary);
            } catch (error) {
              // An answer that stops mid-object is a cut connection, not bad data.
              if (error instanceof AppError && /ended early/.test(error.message)) {
                finish(new TransientError(error.message));
              } else finish(error);
            }
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EHOSTUNREACH') {
          finish(
            new AppError(
              'TALLY_UNREACHABLE',
              `${UNREACHABLE_MESSAGE} (nothing answers on ${where})`,
              {
                host: options.host,
                port: options.port,
                cause: error.code,
              },
              { reason: 'tallyNotRunning', params: { host: options.host, port: options.port } },
            ),
          );
        } else
          finish(
            new TransientError(`The connection to Tally (${where}) failed: ${error.code ?? error.message}`),
          );
      });
      req.end(body);
    });

  return {
    host: options.host,
    port: options.port,
    async request(xml, sink, opts) {
      const body = Buffer.from(xml, 'utf16le');
      let lastError: TransientError | null = null;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (opts.signal?.aborted) throw cancelled();
        if (attempt > 1) {
          sink.reset();
          await sleep(backoffMs * 2 ** (attempt - 2), opts.signal);
        }
        try {
          return await once(body, sink, opts);
        } catch (error) {
          if (!(error instanceof TransientError)) throw error;
          lastError = error;
        }
      }
      throw new AppError(
        'TALLY_UNREACHABLE',
        `${lastError?.message ?? 'Tally did not answer'} (tried ${attempts} times). Is Tally still running?`,
        { host: options.host, port: options.port },
        { reason: 'tallyStopped', params: { host: options.host, port: options.port, attempts } },
      );
    },
  };
}
