import type { AppEventName, AppEvents, Bridge } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

export const TOKEN_STORAGE_KEY = 'tallyconnect.token';

/**
 * The per-launch secret of serve mode (electron/serve/server.ts): the server writes it into index.html
 * as <meta name="tallyconnect-token">, and every API call, upload and event stream sends it back, so a
 * page of another site (which cannot read this page) cannot make the browser call the API.
 */
export const LAUNCH_TOKEN_META = 'tallyconnect-token';
export const LAUNCH_TOKEN_HEADER = 'x-tallyconnect-token';
export const LAUNCH_TOKEN_QUERY = 'launch';
/** Uploads carry this header (a cross-site form or simple request cannot). */
export const UPLOAD_HEADER = 'x-tallyconnect-upload';

export interface HttpBridgeOptions {
  /** '' for same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
  /** Session token for the office portal; sent as a bearer token when present. */
  getToken?: () => string | null;
  /** The per-launch secret; defaults to the meta tag of the page the server served. */
  getLaunchToken?: () => string | null;
}

export interface UploadResult {
  path: string;
  bytes: number;
}

export interface HttpBridge extends Bridge {
  /** Streams a file to the server's upload folder and answers its server-side path for import.files. */
  upload(file: File): Promise<Envelope<UploadResult>>;
}

function storedToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function metaLaunchToken(): string | null {
  try {
    const meta = globalThis.document?.querySelector(`meta[name="${LAUNCH_TOKEN_META}"]`);
    return meta?.getAttribute('content') || null;
  } catch {
    return null;
  }
}

/** The launch token in a served index.html, or null. */
export function launchTokenIn(html: string): string | null {
  return new RegExp(`<meta name="${LAUNCH_TOKEN_META}" content="([A-Za-z0-9_-]+)"`).exec(html)?.[1] ?? null;
}

function isTokenRefusal(status: number, envelope: Envelope<unknown>): boolean {
  return status === 403 && !envelope.ok && envelope.error.details?.reason === 'token';
}

/** The Bridge over HTTP: POST /api/<operation> and one shared EventSource on /api/events. */
export function createHttpBridge(options: HttpBridgeOptions = {}): HttpBridge {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const getToken = options.getToken ?? storedToken;
  // The page's own copy; replaced when the server restarted with a new one (see refreshLaunchToken).
  let launchToken: string | null = (options.getLaunchToken ?? metaLaunchToken)();
  const makeSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const registered = new Set<string>();

  const headers = (extra: Record<string, string>): Record<string, string> => {
    const token = getToken();
    const out = launchToken ? { ...extra, [LAUNCH_TOKEN_HEADER]: launchToken } : { ...extra };
    return token ? { ...out, authorization: `Bearer ${token}` } : out;
  };

  /**
   * After serve mode restarts, this page holds the previous launch's token: read the new one from a
   * fresh copy of the page (same origin, so the browser lets this page read it). One attempt per call.
   */
  const refreshLaunchToken = async (): Promise<boolean> => {
    try {
      const page = await doFetch(`${base}/`, { cache: 'no-store', headers: { accept: 'text/html' } });
      const fresh = launchTokenIn(await page.text());
      if (!fresh || fresh === launchToken) return false;
      launchToken = fresh;
      return true;
    } catch {
      return false;
    }
  };

  const send = async <T>(
    path: string,
    init: () => RequestInit,
  ): Promise<{ status: number; envelope: Envelope<T> }> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, init());
    } catch {
      return {
        status: 0,
        envelope: {
          ok: false,
          error: { code: 'INTERNAL', message: 'Cannot reach the TallyConnect server. Is it still running?' },
        },
      };
    }
    try {
      return { status: response.status, envelope: (await response.json()) as Envelope<T> };
    } catch {
      return {
        status: response.status,
        envelope: {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `The server answered ${response.status} without a readable reply`,
          },
        },
      };
    }
  };

  const request = async <T>(path: string, init: () => RequestInit, retry = true): Promise<Envelope<T>> => {
    const { status, envelope } = await send<T>(path, init);
    if (retry && isTokenRefusal(status, envelope as Envelope<unknown>) && (await refreshLaunchToken())) {
      syncSource();
      return request(path, init, false);
    }
    return envelope;
  };

  let sourceToken: string | null = null;
  let sourceLaunch: string | null = null;

  const listen = (target: EventSource, event: string) => {
    target.addEventListener(event, (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };

  const open = (token: string | null): EventSource => {
    sourceToken = token;
    sourceLaunch = launchToken;
    // EventSource cannot send headers; the tokens travel as query parameters instead (same origin,
    // and Referrer-Policy: no-referrer keeps the URL from leaking).
    const query = new URLSearchParams();
    if (token) query.set('token', token);
    if (launchToken) query.set(LAUNCH_TOKEN_QUERY, launchToken);
    const search = query.toString().replace(/\+/g, '%20');
    const opened = makeSource(`${base}/api/events${search ? `?${search}` : ''}`);
    for (const event of registered) listen(opened, event);
    // Refused for good (serve mode restarted with a new launch token): fetch the new one and reopen.
    opened.addEventListener?.('error', () => {
      if (opened.readyState !== 2 || source !== opened) return;
      void refreshLaunchToken().then((changed) => {
        if (changed) syncSource();
      });
    });
    return opened;
  };

  /**
   * The stream always carries the current token: after a sign-out and another sign-in in the same tab
   * the old stream (opened with the old session) is closed and a new one opened, with every event
   * already subscribed to. Checked on every call and subscription, so the first request after the
   * token changes switches the stream.
   */
  const syncSource = () => {
    if (!source) return;
    const token = getToken();
    if (token === sourceToken && launchToken === sourceLaunch) return;
    source.close();
    source = open(token);
  };

  const ensureSource = (event: string) => {
    syncSource();
    source ??= open(getToken());
    if (!registered.has(event)) {
      registered.add(event);
      listen(source, event);
    }
  };

  // Another tab of this site signed in or out: follow its token without waiting for the next call.
  if (!options.getToken)
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (event.key === TOKEN_STORAGE_KEY || event.key === null) syncSource();
    });

  return {
    invoke(operation, input) {
      syncSource();
      const body = JSON.stringify(input ?? {});
      return request(`/api/${operation}`, () => ({
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body,
      }));
    },
    subscribe<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      ensureSource(event);
      return () => {
        set.delete(wrapped);
      };
    },
    upload(file) {
      return request<UploadResult>('/api/upload', () => ({
        method: 'POST',
        headers: headers({
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(file.name),
          [UPLOAD_HEADER]: '1',
        }),
        body: file,
      }));
    },
  };
}
