import type * as Y from 'yjs';
import {
  commentSchema,
  commentsMap,
  historyMap,
  ideaHistorySchema,
  ideaStatusRecordSchema,
  ideasMap,
  reactionsMap,
  readIdeaReactions,
  removedMap,
  writeIdeaReactions,
  statusesMap,
  votesMap,
  type Comment,
  type HiddenTraces,
} from '../../shared';

/**
 * Everything of an idea's content besides the idea itself: its merge history (which quotes
 * its text and names its authors), its published comments, its status with the public
 * rationale, who reacted, and its vote total. A hidden idea takes all of it out of the
 * document (hidden means hidden); the record keeps it, and a restore puts it back.
 */
export function readTraces(doc: Y.Doc, ideaId: string): HiddenTraces {
  const history = ideaHistorySchema.safeParse(historyMap(doc).get(ideaId));
  const status = ideaStatusRecordSchema.safeParse(statusesMap(doc).get(ideaId));
  const comments: Comment[] = [];
  for (const value of commentsMap(doc).values()) {
    const comment = commentSchema.safeParse(value);
    if (comment.success && comment.data.ideaId === ideaId) comments.push(comment.data);
  }
  comments.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const reactions: HiddenTraces['reactions'] = [];
  for (const [reaction, who] of readIdeaReactions(doc, ideaId)) {
    for (const participantId of [...who].sort()) reactions.push({ reaction, participantId });
  }
  return { history: history.success ? history.data : null, comments, status: status.success ? status.data : null, reactions };
}

/**
 * Reads and deletes, in the caller's server transaction (so nothing written meanwhile is
 * missed): everything readTraces names, and the vote total. Also comments and reaction keys
 * that no schema reads any more: they are the idea's all the same.
 */
export function takeTraces(doc: Y.Doc, ideaId: string): HiddenTraces {
  const traces = readTraces(doc, ideaId);
  historyMap(doc).delete(ideaId);
  statusesMap(doc).delete(ideaId);
  votesMap(doc).delete(ideaId);
  for (const [id, value] of [...commentsMap(doc).entries()]) {
    if ((value as { ideaId?: unknown } | null)?.ideaId === ideaId) commentsMap(doc).delete(id);
  }
  writeIdeaReactions(doc, ideaId, new Map());
  return traces;
}

/**
 * Puts a restored idea's traces back, in the caller's server transaction, with the idea
 * already back in `ideas`. Comments come back only if `keepComment` says they still stand
 * (one deleted by its author while the idea was hidden stays deleted). Votes are not here:
 * the store kept counting them, and the totals mirror shows them again.
 */
export function putTracesBack(doc: Y.Doc, ideaId: string, traces: HiddenTraces, keepComment: (comment: Comment) => boolean): void {
  if (!ideasMap(doc).has(ideaId)) return;
  if (traces.history && !historyMap(doc).has(ideaId)) historyMap(doc).set(ideaId, traces.history);
  if (traces.status && !statusesMap(doc).has(ideaId)) statusesMap(doc).set(ideaId, traces.status);
  for (const comment of traces.comments) {
    if (comment.ideaId === ideaId && !commentsMap(doc).has(comment.id) && keepComment(comment)) commentsMap(doc).set(comment.id, comment);
  }
  const reactions = readIdeaReactions(doc, ideaId);
  for (const { reaction, participantId } of traces.reactions) reactions.set(reaction, new Set([...(reactions.get(reaction) ?? []), participantId]));
  writeIdeaReactions(doc, ideaId, reactions);
}

/** Ids of ideas a moderator hid (`removed` mark) that still have traces in the document. */
export function hiddenWithTraces(doc: Y.Doc): string[] {
  const commented = new Set<unknown>();
  for (const value of commentsMap(doc).values()) commented.add((value as { ideaId?: unknown } | null)?.ideaId);
  const reacted = new Set<string>();
  for (const key of reactionsMap(doc).keys()) reacted.add(key.split('/')[0] ?? key);
  const out: string[] = [];
  for (const [ideaId, mark] of removedMap(doc).entries()) {
    if (mark !== 'hidden' || ideasMap(doc).has(ideaId)) continue;
    const traced = historyMap(doc).has(ideaId) || statusesMap(doc).has(ideaId) || votesMap(doc).has(ideaId) || commented.has(ideaId) || reacted.has(ideaId);
    if (traced) out.push(ideaId);
  }
  return out;
}
