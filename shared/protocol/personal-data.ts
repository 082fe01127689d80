import { z } from 'zod';
import { LIMITS } from '../model/limits';

/**
 * Personal data (GDPR) and mail follow-up commands: docs/PROTOCOL.md §19.
 * A person is found by one of: a participant id (a session's, or a public contribution's
 * author id `pc-…`), a receipt code, or an e-mail address given to the public call.
 */
export const personQuerySchema = z
  .object({
    by: z.enum(['participant', 'receipt', 'email']),
    value: z.string().trim().min(1).max(LIMITS.email),
  })
  .strict();
export type PersonQuery = z.infer<typeof personQuerySchema>;

export const personDeleteSchema = personQuerySchema.extend({ reason: z.string().trim().min(1).max(LIMITS.reason).nullable().default(null) }).strict();
export type PersonDeleteRequest = z.input<typeof personDeleteSchema>;

/** What `person:find` answers: how much the board holds about them, no content. */
export interface PersonSummary {
  participantIds: string[];
  ideas: number;
  comments: number;
  reactions: number;
  votes: number;
  emails: number;
  sessions: number;
}

/** Everything the board holds about one person (`person:export`, GET /api/receipts/:code/personal-data). */
export interface PersonExport {
  exportedAt: string;
  boardId: string;
  participantIds: string[];
  ideas: Array<{ id: string; text: string; where: 'board' | 'hidden' | 'queue' | 'silent'; state: string; createdAt: number; authorName: string | null; organisation: string | null; receipt: string | null }>;
  comments: Array<{ id: string; ideaId: string; text: string; where: 'board' | 'queue'; createdAt: number }>;
  reactions: Array<{ ideaId: string; reaction: string; participantId: string }>;
  votes: Array<{ ideaId: string; scope: string; count: number; participantId: string }>;
  reports: Array<{ id: string; targetId: string; reason: string; createdAt: number }>;
  emails: Array<{ email: string; locale: string; consentAt: number; lastMailAt: number | null; contributionId: string }>;
  digestSubscriptions: Array<{ email: string; locale: string; createdAt: number }>;
  sessions: Array<{ role: string; displayName: string | null; createdAt: number }>;
  /** Survey answers: none yet (the board has no polls). */
  surveyAnswers: unknown[];
}

export interface PersonDeleteResult {
  participantIds: string[];
  ideas: number;
  comments: number;
  reactions: number;
  votes: number;
  emails: number;
  sessions: number;
}

export const mailSubscribeRequestSchema = z
  .object({
    email: z.string().trim().max(LIMITS.email).email(),
    locale: z.enum(['da', 'en']).default('da'),
  })
  .strict();
export type MailSubscribeRequest = z.input<typeof mailSubscribeRequestSchema>;

/** A facilitator's moderation-digest subscription on one board. */
export interface MailSubscription {
  email: string;
  locale: 'da' | 'en';
}
