import type { Page } from 'playwright-core';

/**
 * One contract operation over serve's HTTP API, from inside the page (same origin and session, with the
 * launch token the served page carries: serve refuses API calls without it). Resolves with the
 * envelope's data; rejects naming the operation when serve answers with an error.
 */
export async function callInPage<T>(
  page: Page,
  operation: string,
  input: Record<string, unknown>,
): Promise<T> {
  const envelope = await page.evaluate(
    async ([op, body]) => {
      const token = document.querySelector('meta[name="tallyconnect-token"]')?.getAttribute('content') ?? '';
      const response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tallyconnect-token': token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
    },
    [operation, input] as const,
  );
  if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
  return envelope.data as T;
}
