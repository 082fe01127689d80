import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contributorTypeSchema, pollAnswerSchema, type PollAnswer } from '../../shared';
import type { BoardStore } from '../store/board-store';

/**
 * Where individual poll answers live: server-side records, one space per poll, one record
 * per session's participant. The key is the participant id, so two tabs (or two processes
 * on one Redis) answering at once write the same record: one answer per person, the last
 * write counts. Only the server reads them; clients get their own answer and aggregates.
 */
export const pollAnswerSpace = (boardId: string, pollId: string): string => `pollanswers:${boardId}:${pollId}`;

export const storedPollAnswerSchema = z
  .object({
    answer: pollAnswerSchema,
    answeredAt: z.number().int().nonnegative(),
    /** What the person said they are (citizen, staff, …), kept for the export's breakdown. */
    contributorType: contributorTypeSchema.nullable(),
    /** A public respondent's name, when they gave one (a session's answers never carry one). */
    name: z.string().max(200).nullable().default(null),
  })
  .strict();
export type StoredPollAnswer = z.input<typeof storedPollAnswerSchema>;

export interface PollAnswerRow extends StoredPollAnswer {
  participantId: string;
  /** Stable per person and poll, and not the participant id: what facilitators and exports see. */
  answerId: string;
}

/**
 * The anonymous id of one person's answer to one poll. Starts with a letter: an id starting
 * with "-" would be taken for a formula by spreadsheets (and guarded with a quote in exports).
 */
export function answerIdOf(boardId: string, pollId: string, participantId: string): string {
  return `a${createHash('sha256').update(`${boardId}/${pollId}/${participantId}`).digest('base64url').slice(0, 21)}`;
}

/** The answers of every poll, through the store's records (either store, same behaviour). */
export class PollAnswerBook {
  constructor(private readonly store: Pick<BoardStore, 'getRecord' | 'putRecord' | 'listRecords' | 'deleteRecords'>) {}

  /** Stores (or replaces) one person's answer: one record per participant and poll. */
  put(boardId: string, pollId: string, participantId: string, value: StoredPollAnswer): Promise<void> {
    return this.store.putRecord(pollAnswerSpace(boardId, pollId), participantId, JSON.stringify(value));
  }

  async get(boardId: string, pollId: string, participantId: string): Promise<StoredPollAnswer | null> {
    return parse(await this.store.getRecord(pollAnswerSpace(boardId, pollId), participantId));
  }

  async list(boardId: string, pollId: string): Promise<PollAnswerRow[]> {
    const out: PollAnswerRow[] = [];
    for (const record of await this.store.listRecords(pollAnswerSpace(boardId, pollId))) {
      const value = parse(record.value);
      if (value) out.push({ ...value, participantId: record.key, answerId: answerIdOf(boardId, pollId, record.key) });
    }
    return out;
  }

  async answers(boardId: string, pollId: string): Promise<PollAnswer[]> {
    return (await this.list(boardId, pollId)).map((row) => row.answer);
  }

  remove(boardId: string, pollId: string, participantId: string): Promise<number> {
    return this.store.deleteRecords(pollAnswerSpace(boardId, pollId), [participantId]);
  }

  /** Removes every answer of a poll; returns how many there were. */
  async clear(boardId: string, pollId: string): Promise<number> {
    const space = pollAnswerSpace(boardId, pollId);
    const keys = (await this.store.listRecords(space)).map((r) => r.key);
    return keys.length === 0 ? 0 : this.store.deleteRecords(space, keys);
  }
}

function parse(raw: string | null): StoredPollAnswer | null {
  if (raw === null) return null;
  try {
    const parsed = storedPollAnswerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
