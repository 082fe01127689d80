import type * as Y from 'yjs';
import { z } from 'zod';
import { POLL_LIMITS, contributorTypeSchema, idSchema, pollAnswerSchema, pollSchema, pollsMap, readPolls, type Poll } from '../../shared';
import { SPACE } from '../core/record-spaces';
import { Records } from '../core/records';
import { PollAnswerBook, PollDraftBook, pollAnswerSpace, storedDraftSchema, type StoredPollAnswer } from '../polls';
import type { BoardStore } from '../store/board-store';

/**
 * Poll answers in a backup: the opened polls' definitions travel in the document (root `polls`), drafts beside it;
 * every individual answer lives in the store (server/polls/answer-book.ts) and goes into
 * the backup's `store.pollAnswers`, keyed like votes by the pseudonymous participant id, so a
 * restored board has the same answers, one per person and poll.
 */
export const backedUpPollAnswerSchema = z
  .object({
    pollId: idSchema,
    participantId: z.string().min(1).max(200),
    answer: pollAnswerSchema,
    answeredAt: z.number().int().nonnegative(),
    contributorType: contributorTypeSchema.nullable(),
    /** A public respondent's name, when they gave one (absent in backups made before surveys). */
    name: z.string().max(200).nullable().default(null),
  })
  .strict();
export type BackedUpPollAnswer = z.infer<typeof backedUpPollAnswerSchema>;

/** Far above what a board collects (50 polls × thousands of people); the body limit is the real bound. */
export const MAX_POLL_ANSWERS = 500_000;
export const pollAnswersBackupSchema = z.array(backedUpPollAnswerSchema).max(MAX_POLL_ANSWERS);

/** Every answer to the board's polls, sorted by poll, then participant. */
export async function readPollAnswers(store: BoardStore, boardId: string, doc: Y.Doc): Promise<BackedUpPollAnswer[]> {
  const book = new PollAnswerBook(store);
  const out: BackedUpPollAnswer[] = [];
  for (const poll of readPolls(doc)) {
    for (const row of await book.list(boardId, poll.id)) {
      out.push({ pollId: poll.id, participantId: row.participantId, answer: row.answer, answeredAt: row.answeredAt, contributorType: row.contributorType, name: row.name ?? null });
    }
  }
  return out.sort((a, b) => (a.pollId !== b.pollId ? (a.pollId < b.pollId ? -1 : 1) : a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0));
}

/**
 * The draft polls in a backup (`store.pollDrafts`): they are not in the document (a draft is
 * for facilitators only), so they travel beside it. Absent in backups made before; their
 * drafts are in the document and move out when the restored board first loads.
 */
export const pollDraftsBackupSchema = z.array(storedDraftSchema).max(POLL_LIMITS.pollsPerBoard);

/** The board's draft polls, oldest first. */
export function readPollDrafts(store: BoardStore, boardId: string, doc: Y.Doc): Promise<Poll[]> {
  return new PollDraftBook(new Records(store)).list(boardId, doc);
}

/** Drafts in a backup: ids unique and not the document's, and all polls within the board's limit. */
export function checkPollDrafts(drafts: readonly Poll[], pollIds: ReadonlySet<string>, invalid: (message: string) => Error): void {
  const ids = new Set(drafts.map((draft) => draft.id));
  if (ids.size !== drafts.length) throw invalid('two drafts have the same id.');
  if (drafts.some((draft) => pollIds.has(draft.id))) throw invalid('a draft has the id of a poll in the document.');
  if (pollIds.size + drafts.length > POLL_LIMITS.pollsPerBoard) throw invalid(`more than ${POLL_LIMITS.pollsPerBoard} polls, drafts included.`);
}

export function pollDraftRecords(boardId: string, drafts: readonly Poll[]): Array<{ space: string; key: string; value: string }> {
  return drafts.map((draft) => ({ space: SPACE.pollDrafts(boardId), key: draft.id, value: JSON.stringify(draft) }));
}

/** The store records a restore writes for the new board. */
export function pollAnswerRecords(boardId: string, answers: readonly BackedUpPollAnswer[]): Array<{ space: string; key: string; value: string }> {
  return answers.map((a) => {
    const value: StoredPollAnswer = { answer: a.answer, answeredAt: a.answeredAt, contributorType: a.contributorType, name: a.name };
    return { space: pollAnswerSpace(boardId, a.pollId), key: a.participantId, value: JSON.stringify(value) };
  });
}

/**
 * A restored document's `polls` root holds only what the server itself writes: valid polls
 * under their own id, at most 50, at most one live. Returns the poll ids, against which the
 * backup's answers are checked (an answer to no poll, or two for one person, is refused).
 */
export function checkPollsRoot(doc: Y.Doc, invalid: (message: string) => Error): Set<string> {
  const map = pollsMap(doc);
  if (map.size > POLL_LIMITS.pollsPerBoard) throw invalid(`more than ${POLL_LIMITS.pollsPerBoard} polls.`);
  let live = 0;
  for (const [key, value] of map.entries()) {
    const parsed = pollSchema.safeParse(value);
    if (!parsed.success || parsed.data.id !== key) throw invalid(`invalid poll ${key}.`);
    if (parsed.data.live) live++;
  }
  if (live > 1) throw invalid('more than one live poll.');
  return new Set(map.keys());
}

export function checkPollAnswers(answers: readonly BackedUpPollAnswer[], pollIds: ReadonlySet<string>, invalid: (message: string) => Error): void {
  const seen = new Set<string>();
  for (const a of answers) {
    if (!pollIds.has(a.pollId)) throw invalid(`an answer to poll ${a.pollId}, which the document does not have.`);
    const key = `${a.pollId}/${a.participantId}`;
    if (seen.has(key)) throw invalid('two answers of one person to one poll.');
    seen.add(key);
  }
}
