import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Records } from '../core/records';

/**
 * Unsubscribe links: a payload naming the address (contribution or digest subscription)
 * and the moment it was given, signed with an HMAC key kept in the store (made once by the
 * first process, shared by all). A forged link fails the signature; a used one names an
 * address that is gone (or was given again later: another moment), so it changes nothing.
 */
const KEY_SPACE = 'mailkeys';

export const unsubscribePayloadSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('c'), b: z.string(), i: z.string(), t: z.number() }).strict(),
  z.object({ k: z.literal('s'), b: z.string(), p: z.string(), t: z.number() }).strict(),
]);
export type UnsubscribePayload = z.infer<typeof unsubscribePayloadSchema>;

export class UnsubscribeTokens {
  private key: Promise<Buffer> | null = null;

  constructor(private readonly records: Records) {}

  private secret(): Promise<Buffer> {
    this.key ??= this.records.store
      .insertRecord(KEY_SPACE, 'unsubscribe', JSON.stringify(randomBytes(32).toString('base64url')))
      .then((r) => Buffer.from(JSON.parse(r.value) as string, 'base64url'))
      .catch((error: unknown) => {
        this.key = null;
        throw error;
      });
    return this.key;
  }

  async sign(payload: UnsubscribePayload): Promise<string> {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${mac(await this.secret(), body)}`;
  }

  /** The payload of a genuine token, or null (malformed or forged). */
  async verify(token: string): Promise<UnsubscribePayload | null> {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined || token.length > 1000) return null;
    const expected = Buffer.from(mac(await this.secret(), body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed = unsubscribePayloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
