import { z } from 'zod';
import { idSchema } from '../model/ids';
import { contributorTypeSchema } from '../model/taxonomy';
import {
  POLL_LIMITS,
  POLL_RESULT_MODES,
  pollOptionIdSchema,
  type Poll,
  type PollResults,
} from '../model/poll';

/**
 * Payloads of the poll socket.io commands (events.ts names them; docs/PROTOCOL.md "Polls
 * and surveys" describes them). Strict: unknown keys are refused. Limits a person can run
 * into while answering (too many choices, a word too long, a repeated ranking entry) are
 * checked by the server against the poll and answered with their own error code, so the
 * schemas below only bound the payload's size.
 */

/** An option in an editor's draft: keep the id of an existing option, leave it out for a new one. */
export const pollDraftOptionSchema = z
  .object({ id: pollOptionIdSchema.optional(), label: z.string().trim().min(1).max(POLL_LIMITS.optionLabel) })
  .strict();
export type PollDraftOption = z.infer<typeof pollDraftOptionSchema>;

const draftCommon = {
  question: z.string().trim().min(1).max(POLL_LIMITS.question),
  questionId: idSchema.nullable().default(null),
  beaconId: idSchema.nullable().default(null),
  resultMode: z.enum(POLL_RESULT_MODES).default('hidden'),
  /** Also ask it in the public call (at most 10 per board). */
  inCall: z.boolean().default(false),
};
const draftOptions = (max: number) => z.array(pollDraftOptionSchema).min(POLL_LIMITS.minOptions).max(max);
const scaleLabel = z.string().trim().max(POLL_LIMITS.scaleLabel).default('');

/** A poll as the facilitator writes it (create, or replace on update). */
export const pollDraftSchema = z.discriminatedUnion('type', [
  z.object({ ...draftCommon, type: z.literal('single'), options: draftOptions(POLL_LIMITS.maxOptions) }).strict(),
  z
    .object({
      ...draftCommon,
      type: z.literal('multiple'),
      options: draftOptions(POLL_LIMITS.maxOptions),
      maxChoices: z.number().int().min(1).max(POLL_LIMITS.maxOptions).nullable().default(null),
    })
    .strict(),
  z
    .object({ ...draftCommon, type: z.literal('scale'), scaleMax: z.union([z.literal(5), z.literal(10)]), minLabel: scaleLabel, maxLabel: scaleLabel })
    .strict(),
  z.object({ ...draftCommon, type: z.literal('wordcloud'), maxWords: z.number().int().min(1).max(POLL_LIMITS.maxWords).default(POLL_LIMITS.maxWords) }).strict(),
  z.object({ ...draftCommon, type: z.literal('ranking'), options: draftOptions(POLL_LIMITS.maxRankingOptions) }).strict(),
  z.object({ ...draftCommon, type: z.literal('text') }).strict(),
]);
export type PollDraft = z.input<typeof pollDraftSchema>;
export type PollDraftParsed = z.output<typeof pollDraftSchema>;

export const createPollSchema = z.object({ poll: pollDraftSchema }).strict();
export const updatePollSchema = z.object({ pollId: idSchema, poll: pollDraftSchema }).strict();
export const pollIdSchema = z.object({ pollId: idSchema }).strict();
export const revealPollSchema = z.object({ pollId: idSchema, revealed: z.boolean() }).strict();
/** null: no poll is live. */
export const setLivePollSchema = z.object({ pollId: idSchema.nullable() }).strict();

const payloadOption = z.string().min(1).max(64);

/** One person's answer; its `type` must be the poll's. */
export const pollAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), optionId: payloadOption }).strict(),
  z.object({ type: z.literal('multiple'), optionIds: z.array(payloadOption).min(1).max(50) }).strict(),
  z.object({ type: z.literal('scale'), value: z.number().int() }).strict(),
  z.object({ type: z.literal('wordcloud'), words: z.array(z.string().max(POLL_LIMITS.wordPayloadLength)).min(1).max(10) }).strict(),
  z.object({ type: z.literal('ranking'), order: z.array(payloadOption).min(1).max(20) }).strict(),
  z.object({ type: z.literal('text'), text: z.string().trim().min(1).max(POLL_LIMITS.textAnswer) }).strict(),
]);
export type PollAnswer = z.infer<typeof pollAnswerSchema>;

export const answerPollSchema = z.object({ pollId: idSchema, answer: pollAnswerSchema }).strict();

/** Facilitators: open-text answers (by their anonymous answer ids) that become ideas. */
export const pollToIdeasSchema = z
  .object({ pollId: idSchema, answerIds: z.array(idSchema).min(1).max(POLL_LIMITS.toIdeasBatch) })
  .strict();

/** Answer to poll:answer and poll:mine, and the `poll:mine` event to one's other tabs. */
export interface MyPollAnswer {
  pollId: string;
  /** As stored (word-cloud words normalised); null: not answered. */
  answer: PollAnswer | null;
  answeredAt: number | null;
}

/** How many have answered: to the whole board (event `poll:count`) and on request. */
export interface PollCount {
  pollId: string;
  answers: number;
}

/**
 * The board's draft polls, oldest first: facilitators only (poll:drafts, command and event).
 * A draft is not in the document: participants and the projector see a poll once it opens.
 */
export interface PollDrafts {
  polls: Poll[];
}

/** The aggregated results: always to facilitators, to others only while public. */
export interface PollResultsUpdate {
  pollId: string;
  results: PollResults;
}

/** One open-text answer, for facilitators: anonymous (answerId is not the participant id). */
export interface PollTextAnswer {
  answerId: string;
  text: string;
  answeredAt: number;
  contributorType: string | null;
  /** The idea it became (null while it is only a poll answer). */
  ideaId: string | null;
}

export interface PollToIdeasResult {
  /** Ideas now on the board for the given answers (already published ones included). */
  ideaIds: string[];
  /** How many this call put on the board. */
  published: number;
}

export interface LivePoll {
  livePollId: string | null;
}

/**
 * `POST /api/calls/:callId/survey`: answers from the public, without a session. Every
 * answer is checked before any is stored; a respondent is anonymous unless they give a name.
 * The respondent is the device (header `X-Samskab-Device`, required here): one answer per
 * device and poll, a later one replaces the earlier (as `poll:answer` does per person).
 */
export const surveyAnswerRequestSchema = z
  .object({
    answers: z.array(z.object({ pollId: idSchema, answer: pollAnswerSchema }).strict()).min(1).max(POLL_LIMITS.surveyQuestions),
    name: z.string().trim().max(POLL_LIMITS.respondentName).nullable().default(null),
    contributorType: contributorTypeSchema.nullable().default(null),
    /** Honeypot, as on the contribution form: a filled-in value is answered as a success and kept nowhere. */
    website: z.string().max(200).optional(),
  })
  .strict();
export type SurveyAnswerRequest = z.input<typeof surveyAnswerRequestSchema>;

/** This device's stored answer to one survey question (a device is not a person: see §18). */
export interface SurveyMyAnswer {
  pollId: string;
  /** As stored (word-cloud words normalised). */
  answer: PollAnswer;
  answeredAt: number;
  /** The name given with it, or null (anonymous). */
  name: string | null;
}

/** `GET /api/calls/:callId/survey`: the call's open survey questions (never results). */
export interface SurveyView {
  callId: string;
  state: 'open' | 'disabled' | 'not-yet-open' | 'closed';
  polls: Poll[];
  /** The answers the requesting device (`X-Samskab-Device`) gave to these polls; [] without one. */
  mine: SurveyMyAnswer[];
}

export interface SurveyAnswerResult {
  /** The polls answered. */
  pollIds: string[];
  /** The answers as stored now for this device (each replaces its earlier answer to that poll). */
  mine: SurveyMyAnswer[];
}

export type { Poll, PollResults };
