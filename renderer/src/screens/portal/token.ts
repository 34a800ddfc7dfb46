import { TOKEN_STORAGE_KEY } from '../../bridge/http-bridge';

/** The portal session token, kept where the HTTP bridge reads it (per browser, this site only). */
export function saveToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Private mode without storage: the session lasts until the page is closed.
  }
}

export function clearToken(): void {
  try {
    localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
