import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { ideaSchema } from './idea';
import { contributorTypeSchema, phaseSchema, principleSchema, roleSchema, trackSchema } from './taxonomy';

/**
 * Asynchronous contribution and moderation (docs/PROTOCOL.md "Public calls and moderation").
 * What the public sees is in the board's Yjs document; everything waiting for a decision,
 * hidden by a moderator, or private to a contributor (e-mail) is kept by the server and
 * never enters a participant's or observer's document.
 */

/** pre: a contribution waits for a facilitator's approval; post: shown at once, may be hidden later. */
export const MODERATION_MODES = ['pre', 'post'] as const;
export const moderationModeSchema = z.enum(MODERATION_MODES);
export type ModerationMode = z.infer<typeof moderationModeSchema>;

/**
 * A board's public call: a link open between two instants (shown in Europe/Copenhagen).
 * Kept in the `board` root under `call` (null: the board has no public call); written only
 * by the server through `call:configure`.
 */
export const publicCallSchema = z
  .object({
    /** The public link's id: `/c/<callId>`. A new id (rotation) retires the old link. */
    callId: idSchema,
    enabled: z.boolean(),
    /** ms since epoch; null: open from now / never closes. */
    opensAt: z.number().int().nonnegative().nullable(),
    closesAt: z.number().int().nonnegative().nullable(),
    moderation: moderationModeSchema,
    /**
     * Whether the call's page takes ideas. false: a survey-only call, whose page asks only its
     * survey questions (polls marked `inCall`). Calls from before this field take ideas.
     */
    ideas: z.boolean().default(true),
  })
  .strict();
export type PublicCall = z.infer<typeof publicCallSchema>;

/** Whether a call accepts contributions at `now`, and if not, why. */
export function callWindow(call: PublicCall | null, now: number): 'open' | 'disabled' | 'not-yet-open' | 'closed' {
  if (!call?.enabled) return 'disabled';
  if (call.opensAt !== null && now < call.opensAt) return 'not-yet-open';
  if (call.closesAt !== null && now >= call.closesAt) return 'closed';
  return 'open';
}

/** The most a single contribution form may hold. */
export const contributionRequestSchema = z
  .object({
    /** Chosen by the device: resending the same id never creates a second contribution. */
    id: idSchema,
    text: z.string().trim().min(1).max(LIMITS.ideaText),
    questionId: idSchema.nullable().default(null),
    phase: phaseSchema.nullable().default(null),
    principle: principleSchema.nullable().default(null),
    track: trackSchema.nullable().default(null),
    contributorType: contributorTypeSchema.nullable().default(null),
    organisation: z.string().trim().max(LIMITS.organisation).nullable().default(null),
    /** null or empty: anonymous. */
    name: z.string().trim().max(LIMITS.displayName).nullable().default(null),
    /** For follow-up only: never shown publicly, stored apart from the idea, deletable. */
    email: z.string().trim().max(LIMITS.email).email().nullable().default(null),
    /** Must be true when an e-mail is given. */
    consent: z.boolean().default(false),
    /** Honeypot: people never see it, so anything here marks a bot. */
    website: z.string().max(200).optional(),
    locale: z.enum(['da', 'en']).default('da'),
  })
  .strict();
export type ContributionRequest = z.input<typeof contributionRequestSchema>;
export type Contribution = z.output<typeof contributionRequestSchema>;

/** Three groups of four from A–Z and 2–9 without the look-alikes I and O. */
export const RECEIPT_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
export const receiptCodeSchema = z.string().regex(RECEIPT_PATTERN, 'invalid receipt code');

/** What a contributor's receipt link shows. */
export const RECEIPT_STATES = ['pending', 'published', 'not-published', 'removed'] as const;
export type ReceiptState = (typeof RECEIPT_STATES)[number];

/** Reasons a facilitator can pick when rejecting or hiding (free text is also allowed). */
export const MODERATION_REASONS = ['off-topic', 'duplicate', 'offensive', 'personal-data', 'spam', 'other'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];
/** A reason: one of MODERATION_REASONS, or free text a facilitator typed. */
export const reasonSchema = z.string().trim().min(1).max(LIMITS.reason);

/** A published comment, in the root map `comments` under its id (server-written). */
export const commentSchema = z
  .object({
    id: idSchema,
    ideaId: idSchema,
    text: z.string().trim().min(1).max(LIMITS.commentText),
    authorId: idSchema,
    authorName: z.string().max(LIMITS.displayName).nullable(),
    contributorType: contributorTypeSchema.nullable(),
    createdAt: z.number().int().nonnegative(),
    /** Set when a facilitator edited it. */
    editedAt: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type Comment = z.infer<typeof commentSchema>;

export const REACTIONS = ['support', 'love', 'insight', 'question'] as const;
export const reactionSchema = z.enum(REACTIONS);
export type Reaction = z.infer<typeof reactionSchema>;

const reactorsSchema = z.array(z.string().min(1).max(200)).min(1);

/**
 * Root map `reactions`: idea id → who reacted how, `{ [reaction]: participant ids }` (each
 * list sorted, no empty list; an idea nobody reacted to has no entry). One plain value per
 * idea, replaced whole on every change, so that deleting it (a hidden idea) leaves none of
 * the reactors' ids in the document: a deleted map entry keeps its key, never its value.
 */
export const ideaReactionsSchema = z
  .object({ support: reactorsSchema, love: reactorsSchema, insight: reactorsSchema, question: reactorsSchema })
  .partial()
  .strict();
export type IdeaReactionsValue = z.infer<typeof ideaReactionsSchema>;

/** Boards written before kept one key per reaction: `<ideaId>/<reaction>/<participantId>` → 1. */
export function reactionKey(ideaId: string, reaction: Reaction, participantId: string): string {
  return `${ideaId}/${reaction}/${participantId}`;
}
export function parseReactionKey(key: string): { ideaId: string; reaction: Reaction; participantId: string } | null {
  const [ideaId, reaction, participantId, extra] = key.split('/');
  const parsed = reactionSchema.safeParse(reaction);
  if (extra !== undefined || !ideaId || !participantId || !parsed.success) return null;
  return { ideaId, reaction: parsed.data, participantId };
}

/**
 * One entry of the `reactions` root, either form: the idea it belongs to and who reacted
 * how (a legacy key names one reaction of one participant). Null: not a reaction entry.
 */
export function readReactionEntry(key: string, value: unknown): { ideaId: string; reactions: Map<Reaction, Set<string>>; legacy: boolean } | null {
  const legacy = parseReactionKey(key);
  if (legacy) return { ideaId: legacy.ideaId, reactions: new Map([[legacy.reaction, new Set([legacy.participantId])]]), legacy: true };
  if (key.includes('/')) return null;
  const parsed = ideaReactionsSchema.safeParse(value);
  if (!parsed.success) return null;
  const reactions = new Map<Reaction, Set<string>>();
  for (const reaction of REACTIONS) {
    const who = parsed.data[reaction];
    if (who) reactions.set(reaction, new Set(who));
  }
  return { ideaId: key, reactions, legacy: false };
}

/** The `reactions` value for one idea's reactions; null when nobody reacted (no entry). */
export function ideaReactionsValue(reactions: ReadonlyMap<Reaction, ReadonlySet<string>>): IdeaReactionsValue | null {
  const out: IdeaReactionsValue = {};
  for (const reaction of REACTIONS) {
    const who = reactions.get(reaction);
    if (who && who.size > 0) out[reaction] = [...who].sort();
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Root map `removed`: ideas a facilitator hid or deleted, so no client can write them back. */
export const removedMarkSchema = z.enum(['hidden', 'deleted']);
export type RemovedMark = z.infer<typeof removedMarkSchema>;

export const actorSchema = z
  .object({ participantId: idSchema, name: z.string().nullable(), role: roleSchema.or(z.literal('public')) })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

export const decisionSchema = z
  .object({ by: actorSchema, at: z.number().int().nonnegative(), reason: z.string().nullable() })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;

export const QUEUE_STATES = ['pending', 'approved', 'rejected', 'dismissed', 'resolved'] as const;
export const queueStateSchema = z.enum(QUEUE_STATES);
export type QueueState = z.infer<typeof queueStateSchema>;

export const reportTargetSchema = z
  .object({ kind: z.enum(['idea', 'comment']), id: idSchema })
  .strict();
export type ReportTarget = z.infer<typeof reportTargetSchema>;

const queueBase = {
  id: idSchema,
  createdAt: z.number().int().nonnegative(),
  state: queueStateSchema,
  decision: decisionSchema.nullable(),
};

/**
 * One item of the moderation queue. `contribution`: an idea from the public call waiting
 * for approval (pre-moderation); `comment`: a comment waiting for approval; `report`: a
 * participant flagged an idea or comment. Only `pending` items ask for a decision; decided
 * ones stay (for receipts and the audit trail).
 */
export const queueItemSchema = z.discriminatedUnion('kind', [
  z.object({ ...queueBase, kind: z.literal('contribution'), idea: ideaSchema, receipt: receiptCodeSchema }).strict(),
  z.object({ ...queueBase, kind: z.literal('comment'), comment: commentSchema }).strict(),
  z
    .object({
      ...queueBase,
      kind: z.literal('report'),
      target: reportTargetSchema,
      /** The reported text as it was when reported, so the queue can show it. */
      excerpt: z.string(),
      reason: reasonSchema,
      reporterId: idSchema,
    })
    .strict(),
]);
export type QueueItem = z.infer<typeof queueItemSchema>;
export type QueueKind = QueueItem['kind'];

// An idea a facilitator hid (HiddenIdea) is in hidden-idea.ts: it holds statuses and merge history too.

/** A facilitator's edit of someone's text: the original is kept, for facilitators only. */
export const revisionSchema = z
  .object({
    at: z.number().int().nonnegative(),
    by: actorSchema,
    before: z.string(),
    after: z.string(),
    reason: z.string().nullable(),
  })
  .strict();
export type Revision = z.infer<typeof revisionSchema>;

export const AUDIT_ACTIONS = [
  'call.configure',
  'contribution.received',
  'contribution.approve',
  'contribution.reject',
  'comment.approve',
  'comment.reject',
  'comment.hide',
  'comment.delete',
  'report.dismiss',
  'idea.hide',
  'idea.restore',
  'idea.edit',
  'idea.delete',
  /** Everything a person wrote, their votes, reactions, address and sessions deleted at once (GDPR). */
  'person.delete',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One line of a board's audit log: who did what to which thing, when, before and after. */
export const auditEntrySchema = z
  .object({
    id: idSchema,
    at: z.number().int().nonnegative(),
    actor: actorSchema,
    action: auditActionSchema,
    target: z.object({ kind: z.enum(['idea', 'comment', 'contribution', 'report', 'call', 'person']), id: z.string() }).strict(),
    /** The thing before and after (text fields; a GDPR deletion blanks them to "[deleted]"). */
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
  })
  .strict();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Placeholder that replaces deleted personal text in the audit log and history. */
export const DELETED_TEXT = '[deleted]';
