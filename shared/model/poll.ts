import { z } from 'zod';
import { idSchema } from './ids';

/**
 * Polls on a board (issue 15): a question with a type, asked live in the room or left open
 * for a while. The definition (and, only when the facilitator shows them, the aggregated
 * results) lives in the board's Yjs document under the server-only root `polls`; every
 * individual answer stays in the store on the server (server/polls/), so no client ever
 * receives another person's answer. See docs/PROTOCOL.md "Polls and surveys".
 */

export const POLL_TYPES = ['single', 'multiple', 'scale', 'wordcloud', 'ranking', 'text'] as const;
export type PollType = (typeof POLL_TYPES)[number];
export const pollTypeSchema = z.enum(POLL_TYPES);

export const POLL_LIMITS = {
  pollsPerBoard: 50,
  question: 300,
  optionLabel: 120,
  /** Choice polls: 2–12 options. */
  minOptions: 2,
  maxOptions: 12,
  /** Ranking polls: 2–8 options. */
  maxRankingOptions: 8,
  scaleLabel: 60,
  /** Word cloud: 1–3 words (or short phrases) per person, each at most this many characters after normalising. */
  maxWords: 3,
  wordLength: 25,
  /** How far a payload may exceed the limits and still reach the checks that name the error. */
  wordPayloadLength: 200,
  /** Open text answers. */
  textAnswer: 500,
  /** Word cloud results carry the most frequent words only. */
  cloudWords: 60,
  /** Open-text answers turned into ideas in one command. */
  toIdeasBatch: 100,
  /** Polls asked in the board's public call, as its survey. */
  surveyQuestions: 10,
  /** A respondent's name on a survey answer (optional). */
  respondentName: 80,
} as const;

/** 'draft': being prepared (nobody answers); 'open': answers taken; 'closed': answers kept, none taken. */
export const POLL_STATES = ['draft', 'open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];

/** 'hidden': results shown to participants and the projector only when revealed; 'live': as they come in. */
export const POLL_RESULT_MODES = ['hidden', 'live'] as const;
export type PollResultMode = (typeof POLL_RESULT_MODES)[number];

/** Option ids are short and chosen by the server (or kept from an earlier edit). */
export const pollOptionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid option id');
export const pollOptionSchema = z
  .object({ id: pollOptionIdSchema, label: z.string().trim().min(1).max(POLL_LIMITS.optionLabel) })
  .strict();
export type PollOption = z.infer<typeof pollOptionSchema>;

const options = (max: number) => z.array(pollOptionSchema).min(POLL_LIMITS.minOptions).max(max);
const scaleLabel = z.string().trim().max(POLL_LIMITS.scaleLabel);

/** What each type adds to a poll (the `type` names the shape). */
const KIND_OBJECTS = [
  z.object({ type: z.literal('single'), options: options(POLL_LIMITS.maxOptions) }).strict(),
  z
    .object({
      type: z.literal('multiple'),
      options: options(POLL_LIMITS.maxOptions),
      /** null: as many as there are options. */
      maxChoices: z.number().int().min(1).max(POLL_LIMITS.maxOptions).nullable(),
    })
    .strict(),
  z.object({ type: z.literal('scale'), scaleMax: z.union([z.literal(5), z.literal(10)]), minLabel: scaleLabel, maxLabel: scaleLabel }).strict(),
  z.object({ type: z.literal('wordcloud'), maxWords: z.number().int().min(1).max(POLL_LIMITS.maxWords) }).strict(),
  z.object({ type: z.literal('ranking'), options: options(POLL_LIMITS.maxRankingOptions) }).strict(),
  z.object({ type: z.literal('text') }).strict(),
] as const;
export const pollKindSchema = z.discriminatedUnion('type', [...KIND_OBJECTS]);
export type PollKind = z.infer<typeof pollKindSchema>;

/** Aggregated results: counts only, never who answered what. */
export const pollResultsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('choice'),
      answers: z.number().int().nonnegative(),
      /** option id → how many chose it (every option present, 0 included). */
      counts: z.record(z.number().int().nonnegative()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('scale'),
      answers: z.number().int().nonnegative(),
      /** distribution[i]: how many answered i + 1. */
      distribution: z.array(z.number().int().nonnegative()),
      /** null with no answers. */
      mean: z.number().nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('words'),
      answers: z.number().int().nonnegative(),
      /** The most frequent normalised words, most frequent first (ties alphabetically). */
      words: z.array(z.object({ word: z.string(), count: z.number().int().positive() }).strict()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('ranking'),
      answers: z.number().int().nonnegative(),
      /** Every option with its average place (1 = first), best first; null with no answers. */
      order: z.array(z.object({ optionId: pollOptionIdSchema, averagePlace: z.number().nullable() }).strict()),
    })
    .strict(),
  /** Open text: only the count is ever aggregated; the texts stay with the facilitators. */
  z.object({ kind: z.literal('text'), answers: z.number().int().nonnegative() }).strict(),
]);
export type PollResults = z.infer<typeof pollResultsSchema>;

const pollCommonFields = {
  id: idSchema,
  question: z.string().trim().min(1).max(POLL_LIMITS.question),
  /** The workshop question it belongs to, or null. */
  questionId: idSchema.nullable(),
  /** The vision's beacon it is about, or null. */
  beaconId: idSchema.nullable(),
  state: z.enum(POLL_STATES),
  resultMode: z.enum(POLL_RESULT_MODES),
  /** The facilitator showed the results (they stay shown until hidden again). */
  revealed: z.boolean(),
  /** The one poll shown on phones and the projector; at most one poll on a board is live. */
  live: z.boolean(),
  /** Also asked in the board's public call, as a survey question (answers without a session). */
  inCall: z.boolean().default(false),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /**
   * The results, present only while everyone may see them (revealed, or live results of an
   * open or closed poll); null otherwise, so participants' and observers' copies hold no counts.
   */
  results: pollResultsSchema.nullable(),
};

/** A poll as kept in the `polls` root (value keyed by its id). */
export const pollSchema = z.discriminatedUnion('type', [
  KIND_OBJECTS[0].extend(pollCommonFields),
  KIND_OBJECTS[1].extend(pollCommonFields),
  KIND_OBJECTS[2].extend(pollCommonFields),
  KIND_OBJECTS[3].extend(pollCommonFields),
  KIND_OBJECTS[4].extend(pollCommonFields),
  KIND_OBJECTS[5].extend(pollCommonFields),
]);
export type Poll = z.infer<typeof pollSchema>;

/** Whether everyone (participants, the projector) may see a poll's results now. */
export function resultsPublic(poll: Pick<Poll, 'state' | 'resultMode' | 'revealed'>): boolean {
  if (poll.state === 'draft') return false;
  return poll.revealed || poll.resultMode === 'live';
}

/** The options a poll's answers refer to ([] for scale, word cloud and open text). */
export function pollOptions(poll: PollKind): PollOption[] {
  return poll.type === 'single' || poll.type === 'multiple' || poll.type === 'ranking' ? poll.options : [];
}

/**
 * Normalises a word-cloud entry so that "Fællesskab", " fællesskab " and "FÆLLESSKAB" count
 * as one: Unicode NFC (æ, ø, å typed as a + combining ring become one letter), Danish lower
 * case, inner whitespace collapsed, surrounding punctuation dropped.
 */
export function normaliseWord(input: string): string {
  return input
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}
