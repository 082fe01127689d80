import { z } from 'zod';
import type { BoardStore } from '../store/board-store';
import type { ReservationSource } from '../realtime/reservation-cache';
import { SPACE } from '../core/record-spaces';

/**
 * What is read of a queue record here: whether it is a contribution, and whose. Not the
 * whole item: a room's load reads every record, a board's call may gather thousands over
 * weeks, and checking each against queueItemSchema took 17–56 ms of the load's main thread
 * per 3,000 (this check 8–18 ms; measured in Node 20 here). The server wrote them checked;
 * a record damaged elsewhere still reserves its id, which is the safe side.
 */
const contributionAuthorSchema = z.object({ kind: z.literal('contribution'), idea: z.object({ authorId: z.string() }) });

/**
 * Idea ids kept out of the document, and whose they are: ideas waiting in silent writing
 * (their author's) and contributions in the moderation queue, pending or decided (their
 * contributor's, whom no session is). Nobody else may write an idea under such an id
 * (IDEA_ID_TAKEN, server/realtime/update-policy.ts): otherwise the reveal or the approval
 * would find "its" idea already there and the author's would be lost.
 * Ideas a moderator hid or deleted are in the document's `removed` root instead.
 */
export async function reservedIdeaAuthors(store: BoardStore, boardId: string, ideaIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ideaIds.length === 0) return out;
  const wanted = [...new Set(ideaIds)];
  // Asked all at once: the store pipelines them into one round trip, and judging an update
  // (which holds every later update of the board) waits for one round trip, not 1 + one per idea.
  const [hidden, queued] = await Promise.all([
    store.getHiddenIdeas(boardId, wanted),
    Promise.all(wanted.map((id) => store.getRecord(SPACE.queue(boardId), id))),
  ]);
  for (const idea of hidden) out.set(idea.id, idea.authorId);
  wanted.forEach((id, i) => {
    if (out.has(id)) return;
    const raw = queued[i] ?? null;
    const item = raw === null ? null : contributionAuthorSchema.safeParse(safeJson(raw));
    if (item?.success) out.set(id, item.data.idea.authorId);
  });
  return out;
}

/**
 * Every reserved id of a board with its author: all its silent ideas and every contribution
 * in its queue. Read when a room loads (server/realtime/reservation-cache.ts keeps them).
 */
export async function allReservedIdeaAuthors(store: BoardStore, boardId: string): Promise<Map<string, string>> {
  const [hidden, queued] = await Promise.all([store.listHiddenIdeas(boardId), store.listRecords(SPACE.queue(boardId))]);
  const out = new Map<string, string>();
  for (const record of queued) {
    const item = contributionAuthorSchema.safeParse(safeJson(record.value));
    if (item.success) out.set(record.key, item.data.idea.authorId);
  }
  // A silent idea's author wins, as in reservedIdeaAuthors.
  for (const idea of hidden) out.set(idea.id, idea.authorId);
  return out;
}

/** Where the rooms' reservation cache reads reservations (server/realtime/reservation-cache.ts). */
export function reservationSource(store: BoardStore): ReservationSource {
  return {
    all: (boardId) => allReservedIdeaAuthors(store, boardId),
    some: (boardId, ideaIds) => reservedIdeaAuthors(store, boardId, ideaIds),
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
