/**
 * The public face of polls: what other features may import. Kept light on purpose (the
 * restore worker loads it): the factory lives in create-polls.ts, which only
 * create-server.ts imports.
 */
export type { Polls } from './create-polls';
export { PollAnswerBook, pollAnswerSpace, type StoredPollAnswer } from './answer-book';
export { tally } from './tally';
export { PollDraftBook, storedDraftSchema } from './draft-book';
