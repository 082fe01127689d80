import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 192 random bits, url-safe: capability links and session tokens. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Tokens are stored only as SHA-256: a leaked store does not leak working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
