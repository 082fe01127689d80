import { z } from 'zod';

/**
 * What moderation tells the e-mail follow-up (server/mail/) about a contribution: it was
 * received, decided, got a status or became part of an initiative. Moderation names the
 * events; the mail feature (above it) keeps them in its outbox and writes the mails, so
 * moderation never imports mail.
 */
const followUpFields = {
  boardId: z.string(),
  /** The contribution (= idea id): its contact record holds the address. */
  itemId: z.string(),
};

export const followUpEventSchemas = [
  z.object({ kind: z.literal('receipt'), ...followUpFields }).strict(),
  z.object({ kind: z.literal('decision'), ...followUpFields, at: z.number(), published: z.boolean(), reason: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('status'), ...followUpFields, at: z.number(), status: z.string(), rationale: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('initiative'), ...followUpFields, initiativeId: z.string(), title: z.string() }).strict(),
] as const;
export type FollowUpEvent = z.infer<(typeof followUpEventSchemas)[number]>;

/** A contributor's e-mail (SPACE.contacts(boardId), keyed by contribution id), kept apart from everything shown. */
export const contactSchema = z
  .object({
    email: z.string(),
    locale: z.string(),
    consentAt: z.number(),
    /** When the last mail went to it: the retention (CONTACT_RETENTION_DAYS) counts from here. */
    lastMailAt: z.number().optional(),
  })
  .strict();
export type Contact = z.infer<typeof contactSchema>;
