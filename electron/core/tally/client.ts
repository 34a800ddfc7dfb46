import http from 'node:http';
import { AppError } from '../../../shared/errors';
import { createTextCleaner } from './clean';
import { createStreamDecoder } from './decode';
import { FIELDS_READ } from './mappers';
import type { XNode } from './node';
import { createTallyParser, type ANY_OBJECT, type ParseSummary } from './parser';
import { createTypeAttributeStripper } from './type-attributes';

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
  /**
   * The answer's bytes as they arrived, unparsed, with the same retries: for another thread to parse with
   * `parseAnswer` while this one asks Tally for the next answer.
   */
  requestBytes(xml: string, options: RequestOptions): Promise<Uint8Array<ArrayBuffer>[]>;
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

  /** One exchange with Tally: the answer's bytes go to `reader` as they arrive. */
  const once = <T>(body: Buffer, reader: AnswerReader<T>, opts: RequestOptions): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let settled = false;

      const finish = (error: unknown, result?: T): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (error !== null) {
          req.destroy();
          reject(error);
        } else resolve(result as T);
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
            try {
              reader.push(chunk);
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
              finish(null, reader.end());
            } catch (error) {
              // An answer that stops mid-object is a cut connection, not bad data.
              finish(answerWasCut(error) ? new TransientError((error as AppError).message) : error);
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

  /** Asks until an answer comes or a failure is not transient; `fresh` makes the reader for each attempt. */
  const withRetries = async <T>(
    xml: string,
    opts: RequestOptions,
    sink: RequestSink | null,
    fresh: () => AnswerReader<T>,
  ): Promise<T> => {
    const body = Buffer.from(xml, 'utf16le');
    let lastError: TransientError | null = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (opts.signal?.aborted) throw cancelled();
      if (attempt > 1) {
        sink?.reset();
        await sleep(backoffMs * 2 ** (attempt - 2), opts.signal);
      }
      try {
        return await once(body, fresh(), opts);
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
  };

  return {
    host: options.host,
    port: options.port,
    request: (xml, sink, opts) => withRetries(xml, opts, sink, () => createAnswerParser(sink, opts)),
    requestBytes: (xml, opts) => withRetries(xml, opts, null, () => answerBytes()),
  };
}

/** What consumes an answer's bytes as they arrive, and gives the request's result at its end. */
interface AnswerReader<T> {
  push(chunk: Uint8Array): void;
  end(): T;
}

/**
 * Whether a parse failed because the answer stops mid-way: `request` asks again, so a caller of
 * `parseAnswer` should too.
 */
export function answerWasCut(error: unknown): boolean {
  return error instanceof AppError && /ended early/.test(error.message);
}

/**
 * Decodes, cleans and parses an answer as its bytes arrive, handing objects to `sink`; at the end, an
 * empty answer or Tally's status 0 fail in plain words.
 */
function createAnswerParser(
  sink: Pick<RequestSink, 'capture' | 'onObject'>,
  opts: RequestOptions,
): AnswerReader<ParseSummary> {
  const parser = createTallyParser({
    source: `Tally's answer for ${opts.what}`,
    capture: sink.capture,
    keep: FIELDS_READ,
    onObject: (node) => sink.onObject(node),
  });
  const decoder = createStreamDecoder(`Tally's answer for ${opts.what}`);
  const cleaner = createTextCleaner();
  const types = createTypeAttributeStripper();
  let bytes = 0;
  return {
    push(chunk) {
      bytes += chunk.length;
      parser.write(types.push(cleaner.push(decoder.push(chunk))));
    },
    end() {
      parser.write(types.push(cleaner.push(decoder.end())));
      parser.write(types.push(cleaner.flush()));
      const summary = parser.close();
      if (bytes === 0 || !summary.sawRoot) {
        throw opts.company !== undefined
          ? new AppError(
              'TALLY_ERROR',
              `Tally gave an empty answer for ${opts.what}: the company "${opts.company}" is not open in Tally (open it there, then sync again)`,
              { company: opts.company },
            )
          : new AppError('TALLY_ERROR', `Tally gave an empty answer for ${opts.what}`);
      }
      if (summary.status === '0') {
        throw new AppError('TALLY_ERROR', `Tally could not answer ${opts.what} (status 0, no reason given)`);
      }
      return summary;
    },
  };
}

/**
 * The answer as it arrived, each read copied into a buffer of its own (a socket's read may be a slice of
 * memory Node shares), so the chunks can be transferred to another thread; not joined into one buffer,
 * which would hold the answer twice at its end.
 */
function answerBytes(): AnswerReader<Uint8Array<ArrayBuffer>[]> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  return {
    push(chunk) {
      chunks.push(new Uint8Array(chunk));
    },
    end: () => chunks,
  };
}

/**
 * Parses an answer fetched with `requestBytes` exactly as `request` would have while it arrived: the
 * same objects to `sink`, the same errors (an answer cut mid-way fails with "ended early"; `request` would
 * have asked again).
 */
export function parseAnswer(
  chunks: readonly Uint8Array[],
  sink: Pick<RequestSink, 'capture' | 'onObject'>,
  opts: RequestOptions,
): ParseSummary {
  const reader = createAnswerParser(sink, opts);
  for (const chunk of chunks) reader.push(chunk);
  return reader.end();
}
