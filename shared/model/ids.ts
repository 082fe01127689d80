import { z } from 'zod';

/** Ids of boards, ideas, questions and beacons: url-safe, never a path. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
export const idSchema = z.string().regex(ID_PATTERN, 'invalid id');

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random id from the platform's CSPRNG (browser and Node 20 both have globalThis.crypto). */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
