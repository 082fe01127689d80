import { z } from 'zod';
import { contactSchema, type Contact } from '../moderation';
import type { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';

export { contactSchema, type Contact };

/** Facilitators who asked for the moderation digest: `<boardId>/<participantId>` → subscription. */
export const SUBSCRIPTIONS_SPACE = 'mailsubs';

export const subscriptionSchema = z
  .object({
    boardId: z.string(),
    participantId: z.string(),
    email: z.string(),
    locale: z.enum(['da', 'en']),
    createdAt: z.number(),
    /** When the last digest was queued: at most one an hour. */
    lastDigestAt: z.number().nullable(),
  })
  .strict();
export type Subscription = z.infer<typeof subscriptionSchema>;

export function subscriptionKey(boardId: string, participantId: string): string {
  return `${boardId}/${participantId}`;
}

export function localeOf(value: string): 'da' | 'en' {
  return value === 'en' ? 'en' : 'da';
}

export function getContact(records: Records, boardId: string, itemId: string) {
  return records.get(SPACE.contacts(boardId), itemId, contactSchema);
}
