import { z } from 'zod';
import { idSchema } from '../model/ids';
import { LIMITS } from '../model/limits';
import { phaseSchema, principleSchema, trackSchema } from '../model/taxonomy';
import {
  auditActionSchema,
  moderationModeSchema,
  reactionSchema,
  reasonSchema,
  reportTargetSchema,
  type AuditEntry,
  type Comment,
  type QueueItem,
  type Reaction,
  type ReceiptState,
  type Revision,
} from '../model/moderation';
import type { Idea } from '../model/idea';
import type { HiddenIdea } from '../model/hidden-idea';
import { ideaStatusSchema, type IdeaStatus } from '../model/status';
import { initiativeFieldsSchema } from '../model/initiative';

/**
 * Payloads of the moderation, comment and reaction commands (events.ts names them), and
 * the public call's REST bodies. Strict: unknown keys are refused.
 */

export const configureCallSchema = z
  .object({
    enabled: z.boolean(),
    opensAt: z.number().int().nonnegative().nullable(),
    closesAt: z.number().int().nonnegative().nullable(),
    moderation: moderationModeSchema,
    /** false: a survey-only call (no idea form). Absent: as it was (a new call takes ideas). */
    ideas: z.boolean().optional(),
    /** true: a new link; the old one stops working. */
    rotate: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.opensAt === null || c.closesAt === null || c.opensAt < c.closesAt, {
    message: 'The call must open before it closes.',
    path: ['closesAt'],
  });
export type ConfigureCall = z.input<typeof configureCallSchema>;

export const queueQuerySchema = z.object({ state: z.enum(['pending', 'all']).default('pending') }).strict();

/** What a facilitator may change before approving a contribution (edit-before-approve). */
export const approveEditSchema = z
  .object({
    text: z.string().trim().min(1).max(LIMITS.ideaText).optional(),
    questionId: idSchema.nullable().optional(),
    phase: phaseSchema.nullable().optional(),
    principle: principleSchema.nullable().optional(),
    track: trackSchema.nullable().optional(),
  })
  .strict();
export type ApproveEdit = z.infer<typeof approveEditSchema>;

export const DECISIONS = ['approve', 'reject', 'dismiss', 'hide-target'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/**
 * approve/reject: contributions and comments; dismiss: a report that needs nothing done;
 * hide-target: a report whose idea or comment is hidden (the report is then resolved).
 * `edit` applies to a single contribution or comment being approved.
 */
export const decideSchema = z
  .object({
    itemIds: z.array(idSchema).min(1).max(LIMITS.bulkDecisions),
    decision: z.enum(DECISIONS),
    reason: reasonSchema.nullable().optional(),
    edit: approveEditSchema.optional(),
  })
  .strict()
  .refine((d) => d.edit === undefined || (d.decision === 'approve' && d.itemIds.length === 1), {
    message: 'Only a single item being approved can be edited.',
    path: ['edit'],
  });
export type DecideRequest = z.input<typeof decideSchema>;

export interface DecideOutcome {
  itemId: string;
  /** done: this decision was taken; already-decided: another facilitator got there first (their decision is in item); not-found; not-applicable: the decision does not fit the item's kind. */
  outcome: 'done' | 'already-decided' | 'not-found' | 'not-applicable';
  item: QueueItem | null;
}
export interface DecideResult {
  results: DecideOutcome[];
}

export const hideIdeaSchema = z.object({ ideaId: idSchema, reason: reasonSchema }).strict();
export const ideaIdSchema = z.object({ ideaId: idSchema }).strict();
export const moderateEditSchema = z
  .object({ ideaId: idSchema, text: z.string().trim().min(1).max(LIMITS.ideaText), reason: reasonSchema.nullable().optional() })
  .strict();
export const purgeIdeaSchema = z.object({ ideaId: idSchema, reason: reasonSchema.nullable().optional() }).strict();

export const addCommentSchema = z
  .object({ id: idSchema, ideaId: idSchema, text: z.string().trim().min(1).max(LIMITS.commentText) })
  .strict();
export const commentIdSchema = z.object({ commentId: idSchema }).strict();
export const hideCommentSchema = z.object({ commentId: idSchema, reason: reasonSchema }).strict();
export const toggleReactionSchema = z.object({ ideaId: idSchema, reaction: reactionSchema }).strict();
export const reportSchema = z.object({ target: reportTargetSchema, reason: reasonSchema }).strict();

/** Facilitators: what became of an idea; a rationale is required for 'not-taken-forward'. */
export const setStatusSchema = z
  .object({ ideaId: idSchema, status: ideaStatusSchema, rationale: z.string().trim().max(LIMITS.rationale).nullable().optional() })
  .strict()
  .refine((s) => s.status !== 'not-taken-forward' || (s.rationale ?? '').length > 0, {
    message: 'Say why an idea is not taken forward.',
    path: ['rationale'],
  });
export type SetStatusRequest = z.input<typeof setStatusSchema>;

/** Facilitators: create (no id) or replace (with id) an initiative. */
export const saveInitiativeSchema = z.object({ id: idSchema.optional(), fields: initiativeFieldsSchema }).strict();
export type SaveInitiativeRequest = z.input<typeof saveInitiativeSchema>;
export const deleteInitiativeSchema = z.object({ initiativeId: idSchema }).strict();

export const auditQuerySchema = z
  .object({
    action: auditActionSchema.optional(),
    actorId: idSchema.optional(),
    targetId: z.string().max(64).optional(),
    since: z.number().int().nonnegative().optional(),
    until: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(LIMITS.auditPage).default(LIMITS.auditPage),
  })
  .strict();
export type AuditQuery = z.input<typeof auditQuerySchema>;

export interface AddCommentResult {
  comment: Comment;
  /**
   * published: in the `comments` root now; pending: waiting for a facilitator (pre-moderated
   * board); rejected: a resend of a comment a facilitator rejected or hid.
   */
  state: 'published' | 'pending' | 'rejected';
}
export interface ReactionResult {
  ideaId: string;
  reaction: Reaction;
  /** Whether this person's reaction is now on. */
  active: boolean;
}
export interface ModerationCounts {
  /** Queue items waiting for a decision. */
  pending: number;
  /** Ideas hidden by a facilitator. */
  hidden: number;
}
export interface ModerateEditResult {
  idea: Idea;
  revision: Revision;
}

// REST, public (no session): GET /api/calls/:callId, POST /api/calls/:callId/contributions,
// GET /api/receipts/:code.

/** GET /api/calls/:callId: what the contribution form shows. */
export interface PublicCallInfo {
  callId: string;
  boardTitle: string;
  description: string;
  questions: { id: string; text: string }[];
  state: 'open' | 'disabled' | 'not-yet-open' | 'closed';
  opensAt: number | null;
  closesAt: number | null;
  moderation: 'pre' | 'post';
  /** false: a survey-only call; its page shows only the survey questions. */
  ideas: boolean;
  /**
   * Whether this server sends mail (SMTP_URL is set), so a contributor who gives an e-mail
   * address hears what becomes of the idea. false: the form does not ask for one.
   */
  followUpByMail: boolean;
}

/** POST /api/calls/:callId/contributions answer (201 when new, 200 for a resend of the same id). */
export interface ContributionReceipt {
  /** Show it to the contributor; with it they can look up what became of the contribution. */
  receipt: string;
  state: ReceiptState;
  /** Absolute URL of the receipt page. */
  statusUrl: string;
}

/**
 * What became of a published idea, as its author may see it: the statuses and the public
 * rationale from the document's `statuses`, never who set them.
 */
export interface ReceiptStatus {
  current: { status: IdeaStatus; rationale: string | null; at: number };
  /** Every change, newest first (the current one first): status and date only. */
  history: { status: IdeaStatus; at: number }[];
}

/** GET /api/receipts/:code */
export interface ReceiptView {
  receipt: string;
  state: ReceiptState;
  /**
   * true: deleted for good (idea:purge, a person's GDPR deletion). The view then carries
   * nothing of the contribution: `text` "", `reason`, `submittedAt`, `decidedAt`, `status`
   * and `mergedAt` null.
   */
  deleted: boolean;
  /**
   * Why it was not published, when a facilitator said (the approval's note, if any, once
   * published). null when removed: a moderator's reason for hiding is the facilitators' own.
   */
  reason: string | null;
  /** The contribution's text as submitted ("" after a GDPR deletion). */
  text: string;
  /** null after a GDPR deletion. */
  submittedAt: number | null;
  decidedAt: number | null;
  boardTitle: string;
  callId: string;
  /** Published: the idea's status on the board (when a facilitator set one); else null. */
  status: ReceiptStatus | null;
  /** When a facilitator merged the idea into another; `status` is then that idea's. null: not merged. */
  mergedAt: number | null;
}

export interface QueueResult {
  items: QueueItem[];
  counts: ModerationCounts;
}
export interface HiddenIdeasResult {
  ideas: HiddenIdea[];
}
export interface AuditResult {
  entries: AuditEntry[];
}
