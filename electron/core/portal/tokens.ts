import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';

/**
 * Session tokens: 32 random bytes, base64url, with a recognisable prefix. The store only ever sees the
 * SHA-256 of a token (its session id), so reading Redis or a memory dump does not yield usable tokens.
 */
export const TOKEN_PREFIX = 'tcp_';
const TOKEN_RE = /^tcp_[A-Za-z0-9_-]{43}$/;

export function createSessionToken(randomBytes: (size: number) => Uint8Array = nodeRandomBytes): string {
  return TOKEN_PREFIX + Buffer.from(randomBytes(32)).toString('base64url');
}

/** Cheap shape check so malformed or forged-looking tokens never reach the store. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_RE.test(token);
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
