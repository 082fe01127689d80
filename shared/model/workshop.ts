import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { contributorTypeSchema } from './taxonomy';

/**
 * Live workshops: the state a facilitator runs the room with. It lives in the board
 * document's server-only root maps (doc-layout.ts): `workshop` (this file's
 * WorkshopState, one key per field), `votes` (totals, only once revealed), `clusters` and
 * `history` (merged ideas). Clients read them; only the server writes them, through
 * socket.io commands (shared/protocol/events.ts). See docs/PROTOCOL.md "Live workshops".
 */

/** The agenda of each workshop question, in order. The facilitator may go back at any time. */
export const STEPS = ['write', 'reveal', 'group', 'vote', 'results'] as const;
export type Step = (typeof STEPS)[number];
export const stepSchema = z.enum(STEPS);

export interface StepRule {
  /** Create ideas (directly, or hidden while silent writing is on). */
  add: boolean;
  /** Change one's own ideas' text and author fields. */
  edit: boolean;
  /** Change placement fields (group, order, beacons, question, cluster). */
  move: boolean;
  /** Delete one's own ideas. */
  delete: boolean;
  /** Cast and retract dot votes. */
  vote: boolean;
}

/**
 * What a participant may do with an idea in each step of the idea's question. The server
 * enforces it (Yjs update policy and commands); clients use it to hide what would be refused.
 * Facilitators are never restricted; observers never write.
 */
export const STEP_RULES: Readonly<Record<Step, StepRule>> = {
  write: { add: true, edit: true, move: true, delete: true, vote: false },
  reveal: { add: true, edit: true, move: true, delete: true, vote: false },
  group: { add: false, edit: true, move: true, delete: true, vote: false },
  vote: { add: false, edit: false, move: false, delete: false, vote: true },
  results: { add: false, edit: false, move: false, delete: false, vote: false },
};

/** Join codes: 6 characters without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** What people type: any case, spaces and dashes ("acd-efg") are forgiven. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

/** A random join code from the CSPRNG, without modulo bias (bytes ≥ 250 are redrawn). */
export function randomJoinCode(): string {
  const size = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < JOIN_CODE_LENGTH) {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < limit && out.length < JOIN_CODE_LENGTH) out += JOIN_CODE_ALPHABET[b % size];
    }
  }
  return out;
}

export const TIMER_STATES = ['idle', 'running', 'paused', 'done'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

/**
 * The workshop timer. The server holds the end time in its own clock (`endsAt`, ms since
 * the epoch, set while running, and kept once done: when it ended, so every screen lets
 * "time's up" go at the same moment; null on a timer that ended before it was kept); a
 * client shows `endsAt - serverNow`, where serverNow is its clock corrected by the offset it
 * measured with `time:sync`. While idle or paused, `remainingMs` is what is left;
 * `durationMs` is the length that was set (plus added minutes).
 */
export const timerSchema = z
  .object({
    state: z.enum(TIMER_STATES),
    endsAt: z.number().int().nonnegative().nullable(),
    remainingMs: z.number().int().nonnegative(),
    durationMs: z.number().int().nonnegative(),
  })
  .strict();
export type Timer = z.infer<typeof timerSchema>;

export const votingConfigSchema = z
  .object({
    /** Votes each participant has per question. */
    votesPerPerson: z.number().int().min(1).max(LIMITS.votesMax),
    /** Most votes one participant may put on one idea. */
    maxPerIdea: z.number().int().min(1).max(LIMITS.votesMax),
  })
  .strict();
export type VotingConfig = z.infer<typeof votingConfigSchema>;

/**
 * What the room's projector shows, chosen by a facilitator from any device: all ideas of the
 * focus question, the results, or one cluster. The projector's own controls can still
 * switch it for the moment; a new choice from a facilitator wins again.
 */
export const screenViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ideas') }).strict(),
  z.object({ kind: z.literal('results') }).strict(),
  z.object({ kind: z.literal('cluster'), clusterId: idSchema }).strict(),
]);
export type ScreenView = z.infer<typeof screenViewSchema>;

export const workshopFieldSchemas = {
  /** questionId → step; a question without an entry is in `write`. */
  steps: z.record(idSchema, stepSchema),
  /** Participants may change nothing while locked. */
  locked: z.boolean(),
  /** Silent writing: participants' new ideas stay hidden (server-side) until revealed. */
  silent: z.boolean(),
  timer: timerSchema,
  voting: votingConfigSchema,
  /** Vote totals are in the `votes` root only while this is true. */
  votesRevealed: z.boolean(),
  /** Whether POST /api/join accepts this board's code. */
  joinOpen: z.boolean(),
  /** The board's join code ('' on an old board until the server assigns one). */
  joinCode: z.string(),
  /** What the projector shows (boards from before read as all ideas). */
  screen: screenViewSchema,
} as const;

export const workshopStateSchema = z.object(workshopFieldSchemas).strict();
export type WorkshopState = z.infer<typeof workshopStateSchema>;
export type WorkshopField = keyof WorkshopState;
export const WORKSHOP_FIELDS = Object.keys(workshopFieldSchemas) as WorkshopField[];

export const DEFAULT_TIMER_MS = 5 * 60_000;
export const DEFAULT_VOTING: VotingConfig = { votesPerPerson: 5, maxPerIdea: 3 };

/** The state of a new board, and what an old board without a `workshop` map reads as. */
export function defaultWorkshop(joinCode = ''): WorkshopState {
  return {
    steps: {},
    locked: false,
    silent: false,
    timer: { state: 'idle', endsAt: null, remainingMs: DEFAULT_TIMER_MS, durationMs: DEFAULT_TIMER_MS },
    voting: { ...DEFAULT_VOTING },
    votesRevealed: false,
    joinOpen: true,
    joinCode,
    screen: { kind: 'ideas' },
  };
}

/** The step of one question ('write' when it has none yet). */
export function stepOfQuestion(state: WorkshopState, questionId: string): Step {
  return Object.hasOwn(state.steps, questionId) ? (state.steps[questionId] as Step) : 'write';
}

/**
 * The step that governs an idea: its question's, else (no question) the focus question's,
 * else 'write' (a board without questions is always open for writing).
 */
export function stepForIdea(state: WorkshopState, questionId: string | null | undefined, focusQuestionId: string | null): Step {
  if (typeof questionId === 'string') return stepOfQuestion(state, questionId);
  if (focusQuestionId !== null) return stepOfQuestion(state, focusQuestionId);
  return 'write';
}

/** A named cluster of ideas, in the root map `clusters` under its id. */
export const clusterSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1).max(LIMITS.clusterName),
    /** The question whose ideas it gathers (null: none), so clients can show it while empty. */
    questionId: idSchema.nullable(),
    createdAt: z.number().int().nonnegative(),
  })
  .strict();
export type Cluster = z.infer<typeof clusterSchema>;

export const ideaAuthorSchema = z
  .object({
    authorId: idSchema,
    authorName: z.string().nullable(),
    contributorType: contributorTypeSchema.nullable(),
    organisation: z.string().nullable(),
  })
  .strict();
export type IdeaAuthor = z.infer<typeof ideaAuthorSchema>;

/** One idea as it was when it was merged into another. */
export const mergedOriginalSchema = ideaAuthorSchema
  .extend({
    ideaId: idSchema,
    text: z.string(),
    createdAt: z.number().int().nonnegative(),
    mergedAt: z.number().int().nonnegative(),
  })
  .strict();
export type MergedOriginal = z.infer<typeof mergedOriginalSchema>;

/**
 * Root map `history`, under the id of an idea that others were merged into: every author
 * (the idea's own first) and the merged ideas' original texts. Ideas keep their shape, so
 * a client that does not know about merges still shows the merged idea.
 */
export const ideaHistorySchema = z
  .object({
    authors: z.array(ideaAuthorSchema),
    originals: z.array(mergedOriginalSchema),
  })
  .strict();
export type IdeaHistory = z.infer<typeof ideaHistorySchema>;
