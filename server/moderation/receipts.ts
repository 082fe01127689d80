import type * as Y from 'yjs';
import {
  historyMap,
  ideaHistorySchema,
  ideaStatusRecordSchema,
  ideasMap,
  readBoardSettings,
  removedMap,
  statusesMap,
  type QueueItem,
  type ReceiptState,
  type ReceiptStatus,
  type ReceiptView,
} from '../../shared';

/**
 * What a receipt code shows its holder (docs/PROTOCOL.md "Receipts"), read from the board's
 * document and the contribution's queue item. Only what is meant for the author: the state,
 * the reason a facilitator gave them, their own text, and what became of the idea on the
 * board (statuses and public rationale, never who set them).
 */

type ContributionItem = Extract<QueueItem, { kind: 'contribution' }>;

/** Where a contribution's idea is now: on the board itself, or merged into an idea that is. */
export function placeOf(doc: Y.Doc, ideaId: string): { ideaId: string; mergedAt: number | null } | null {
  if (ideasMap(doc).has(ideaId)) return { ideaId, mergedAt: null };
  // A merge deletes the source and quotes it in the target's history; a source that was itself
  // a target brings its history along, so the idea is found under the target it ended in.
  for (const [targetId, value] of historyMap(doc).entries()) {
    if (targetId === ideaId || !ideasMap(doc).has(targetId)) continue;
    const history = ideaHistorySchema.safeParse(value);
    const quoted = history.success ? history.data.originals.filter((o) => o.ideaId === ideaId) : [];
    if (quoted.length > 0) return { ideaId: targetId, mergedAt: Math.max(...quoted.map((o) => o.mergedAt)) };
  }
  return null;
}

/** Where a contribution stands, read from the document (hidden, deleted or merged since?). */
export function receiptState(item: ContributionItem, doc: Y.Doc): ReceiptState {
  // Hidden or deleted for good by a moderator, whatever was decided before.
  if (removedMap(doc).has(item.id)) return 'removed';
  if (item.state === 'pending') return 'pending';
  if (item.state === 'rejected') return 'not-published';
  return placeOf(doc, item.id) ? 'published' : 'removed';
}

/** An idea's status as its author may see it; null while it has none (new). */
export function receiptStatus(doc: Y.Doc, ideaId: string): ReceiptStatus | null {
  const record = ideaStatusRecordSchema.safeParse(statusesMap(doc).get(ideaId));
  if (!record.success) return null;
  const { current, history } = record.data;
  return {
    current: { status: current.status, rationale: current.rationale, at: current.at },
    // Stored oldest first; the receipt reads newest first. `by` (the facilitator) stays out.
    history: [...history].reverse().map(({ status, at }) => ({ status, at })),
  };
}

/**
 * The view of one receipt code. `item` is its queue item, or null when a person's GDPR
 * deletion took it. Null: the code names nothing this board knows of.
 */
export function receiptView(code: string, itemId: string, item: ContributionItem | null, doc: Y.Doc): ReceiptView | null {
  const settings = readBoardSettings(doc);
  const board = { boardTitle: settings?.title ?? '', callId: settings?.call?.callId ?? '' };
  if (removedMap(doc).get(itemId) === 'deleted') {
    // Deleted for good (idea:purge, a person's deletion): the `removed` mark outlives every
    // record of the contribution, so the code says "removed" and carries nothing of it.
    return { receipt: code, state: 'removed', deleted: true, reason: null, text: '', submittedAt: null, decidedAt: null, ...board, status: null, mergedAt: null };
  }
  if (!item) return null;
  const state = receiptState(item, doc);
  const place = state === 'published' ? placeOf(doc, item.id) : null;
  const decided = item.state === 'pending' || item.decision?.reason === 'post-moderation' ? null : (item.decision?.reason ?? null);
  return {
    receipt: code,
    state,
    deleted: false,
    // The decision's reason is written for the sender (a rejection's is shown on this page). A
    // moderator's reason for hiding is the facilitators' own note: a removed idea shows none.
    reason: state === 'removed' ? null : decided,
    text: item.idea.text,
    submittedAt: item.createdAt,
    decidedAt: item.state === 'pending' ? null : (item.decision?.at ?? null),
    ...board,
    // A merged idea goes on as the idea it was merged into: that idea's status is its status.
    status: place ? receiptStatus(doc, place.ideaId) : null,
    mergedAt: place?.mergedAt ?? null,
  };
}
