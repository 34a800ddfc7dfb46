import type { AppEventName, AppEvents, Bridge } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

export const TOKEN_STORAGE_KEY = 'tallyconnect.token';

export interface HttpBridgeOptions {
  /** '' for same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
  /** Session token for the office portal; sent as a bearer token when present. */
  getToken?: () => string | null;
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

/** The Bridge over HTTP: POST /api/<operation> and one shared EventSource on /api/events. */
export function createHttpBridge(options: HttpBridgeOptions = {}): HttpBridge {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const getToken = options.getToken ?? storedToken;
  const makeSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const registered = new Set<string>();

  const headers = (extra: Record<string, string>): Record<string, string> => {
    const token = getToken();
    return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
  };

  const request = async <T>(path: string, init: RequestInit): Promise<Envelope<T>> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, init);
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Cannot reach the TallyConnect server. Is it still running?' },
      };
    }
    try {
      return (await response.json()) as Envelope<T>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `The server answered ${response.status} without a readable reply`,
        },
      };
    }
  };

  let sourceToken: string | null = null;

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
    // EventSource cannot send headers; the token travels as a query parameter instead.
    const opened = makeSource(`${base}/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    for (const event of registered) listen(opened, event);
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
    if (token === sourceToken) return;
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
      return request(`/api/${operation}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(input ?? {}),
      });
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
      return request<UploadResult>('/api/upload', {
        method: 'POST',
        headers: headers({
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(file.name),
        }),
        body: file,
      });
    },
  };
}
