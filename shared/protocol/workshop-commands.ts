import { z } from 'zod';
import { idSchema } from '../model/ids';
import { LIMITS } from '../model/limits';
import { ideaSchema, type Idea } from '../model/idea';
import { screenViewSchema, stepSchema, votingConfigSchema, type IdeaHistory } from '../model/workshop';

/**
 * Payloads of the live-workshop socket.io commands (events.ts names them). The server
 * validates every payload with these schemas (strict: unknown keys are refused) before a
 * handler sees it; clients may use them to validate before sending.
 */

export const setStepSchema = z.object({ questionId: idSchema, step: stepSchema }).strict();
export const setLockedSchema = z.object({ locked: z.boolean() }).strict();
export const setScreenSchema = z.object({ screen: screenViewSchema }).strict();
export const setSilentSchema = z.object({ silent: z.boolean() }).strict();
export const setJoinOpenSchema = z.object({ open: z.boolean() }).strict();

export const timerCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set'), durationMs: z.number().int().min(1000).max(LIMITS.timerMs) }).strict(),
  z.object({ action: z.literal('start') }).strict(),
  z.object({ action: z.literal('pause') }).strict(),
  z.object({ action: z.literal('addMinute') }).strict(),
  z.object({ action: z.literal('stop') }).strict(),
]);
export type TimerCommand = z.infer<typeof timerCommandSchema>;

export const configureVotingSchema = votingConfigSchema;
export const revealVotesSchema = z.object({ revealed: z.boolean() }).strict();
/** Without questionId: every vote on the board; with it: the votes cast for that question (null: ideas without a question). */
export const resetVotesSchema = z.object({ questionId: idSchema.nullable().optional() }).strict();

export const submitHiddenSchema = z.object({ idea: ideaSchema }).strict();
export const deleteHiddenSchema = z.object({ ideaId: idSchema }).strict();

export const voteSchema = z.object({ ideaId: idSchema }).strict();
/** Default: the focus question. null: ideas without a question. */
export const myVotesSchema = z.object({ questionId: idSchema.nullable().optional() }).strict();

export const clusterNameSchema = z.string().trim().min(1).max(LIMITS.clusterName);
export const createClusterSchema = z.object({ name: clusterNameSchema, questionId: idSchema.nullable().optional() }).strict();
export const renameClusterSchema = z.object({ clusterId: idSchema, name: clusterNameSchema }).strict();
export const deleteClusterSchema = z.object({ clusterId: idSchema }).strict();

export const mergeIdeasSchema = z
  .object({ targetId: idSchema, sourceIds: z.array(idSchema).min(1).max(LIMITS.mergeSources) })
  .strict();

/** One participant's dot votes for one question (votes are budgeted per question). */
export interface MyVotes {
  /** The question these votes belong to (null: ideas without a question). */
  questionId: string | null;
  /** idea id → this participant's votes on it (ideas without votes are left out). */
  votes: Record<string, number>;
  /** Votes this participant may still cast for this question. */
  remaining: number;
}

export interface SubmitHiddenResult {
  idea: Idea;
  /** 'hidden': kept on the server until reveal; 'published': already in the document (silent writing was off, or it was revealed). */
  state: 'hidden' | 'published';
}

export interface RevealResult {
  /** Ids of the ideas this reveal published (empty when another reveal got there first). */
  revealedIds: string[];
}

export interface MergeResult {
  idea: Idea;
  history: IdeaHistory;
}

export interface HiddenRemoved {
  ideaIds: string[];
  reason: 'revealed' | 'deleted';
}

/**
 * How far the room is, as counts only (event and command `workshop:progress`): every role may
 * know them, because no text, id or person is in them. Derived from the store on each change
 * (server/workshop/progress.ts), never kept, so they hold across restarts and processes.
 */
export interface WorkshopProgress {
  /** One entry per question with something to count; a question not listed counts zero everywhere. */
  questions: QuestionProgress[];
}

export interface QuestionProgress {
  /** The question (null: ideas without one, and votes on them). */
  questionId: string | null;
  /** Ideas written under silent writing for this question and not yet revealed or withdrawn. */
  hiddenIdeas: number;
  /** People with at least one vote on this question's ideas. */
  voters: number;
  /** Of those, how many have used all their votes for it (`workshop.voting.votesPerPerson` now). */
  votersDone: number;
}
