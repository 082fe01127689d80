import type * as Y from 'yjs';
import { pollSchema, pollsMap, type Poll } from '../../shared';
import { SPACE } from '../core/record-spaces';
import type { Records } from '../core/records';

/** A stored draft: a Poll that has not opened yet. Anything else in the space reads as missing. */
export const storedDraftSchema = pollSchema.refine((poll) => poll.state === 'draft');

/**
 * Polls being prepared. A draft is the facilitator's preparation, so it is in no copy of the
 * board document (hidden means hidden: participants and the projector would have it in
 * theirs): it lives in the store, one record per poll in the board's space, and facilitators
 * read it with `poll:drafts`. It enters the `polls` root when it opens (or closes unopened).
 */
export class PollDraftBook {
  constructor(private readonly records: Records) {}

  /**
   * Every draft, oldest first. One whose id the document already has was published and its
   * record not yet removed (a crash between the two writes): the document's poll wins.
   */
  async list(boardId: string, doc: Y.Doc): Promise<Poll[]> {
    const published = pollsMap(doc);
    const out: Poll[] = [];
    for (const { value } of await this.records.list(SPACE.pollDrafts(boardId), storedDraftSchema)) {
      if (!published.has(value.id)) out.push(value);
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  async get(boardId: string, doc: Y.Doc, pollId: string): Promise<Poll | null> {
    if (pollsMap(doc).has(pollId)) return null;
    return (await this.records.get(SPACE.pollDrafts(boardId), pollId, storedDraftSchema))?.value ?? null;
  }

  put(boardId: string, poll: Poll): Promise<void> {
    return this.records.put(SPACE.pollDrafts(boardId), poll.id, poll);
  }

  async remove(boardId: string, pollId: string): Promise<void> {
    await this.records.delete(SPACE.pollDrafts(boardId), [pollId]);
  }
}
