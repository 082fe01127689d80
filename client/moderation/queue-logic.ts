import {
  MODERATION_REASONS,
  type ApproveEdit,
  type DecideOutcome,
  type DecisionKind,
  type Idea,
  type ModerationReason,
  type Phase,
  type Principle,
  type QueueItem,
  type Track,
} from '../../shared';
import type { ItemNotice } from './slices/notices';

/** Oldest first: a queue is worked through in the order it arrived. */
export function sortQueue(items: Iterable<QueueItem>): QueueItem[] {
  return [...items].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The cards to show: the server's list, plus items that left it while a facilitator was
 * looking (kept with their notice until dismissed, so nobody's work vanishes unexplained).
 */
export function visibleItems(items: readonly QueueItem[], notices: ReadonlyMap<string, ItemNotice>): QueueItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const notice of notices.values()) if (!byId.has(notice.shown.id)) byId.set(notice.shown.id, notice.shown);
  return sortQueue(byId.values());
}

/**
 * Items that were waiting before a refresh and are not any more, though nobody on this
 * device decided them (or is deciding them right now): another facilitator did.
 */
export function decidedElsewhere(
  before: readonly QueueItem[],
  after: readonly QueueItem[],
  mine: ReadonlySet<string>,
): QueueItem[] {
  const now = new Map(after.map((item) => [item.id, item]));
  return before.filter((item) => {
    if (item.state !== 'pending' || mine.has(item.id)) return false;
    const latest = now.get(item.id);
    return !latest || latest.state !== 'pending';
  });
}

/** Which decisions fit which kind of item. */
export function decisionFits(item: QueueItem, decision: DecisionKind): boolean {
  if (decision === 'approve' || decision === 'reject') return item.kind !== 'report';
  return item.kind === 'report';
}

/** The selected items a bulk decision applies to (waiting ones of a fitting kind). */
export function applicableIds(items: readonly QueueItem[], selected: ReadonlySet<string>, decision: DecisionKind): string[] {
  return items.filter((item) => selected.has(item.id) && item.state === 'pending' && decisionFits(item, decision)).map((item) => item.id);
}

export function summarizeOutcomes(results: readonly DecideOutcome[]): { done: number; problems: number } {
  const done = results.filter((r) => r.outcome === 'done').length;
  return { done, problems: results.length - done };
}

/** What edit-before-approve lets a facilitator change. */
export interface EditDraft {
  text: string;
  questionId: string | null;
  phase: Phase | null;
  principle: Principle | null;
  track: Track | null;
}

export function draftFromIdea(idea: Idea): EditDraft {
  return { text: idea.text, questionId: idea.questionId, phase: idea.phase, principle: idea.principle, track: idea.track };
}

/** Only what changed, so the audit log's before→after shows the facilitator's edit and nothing else. */
export function editPatch(idea: Idea, draft: EditDraft): ApproveEdit | undefined {
  const patch: ApproveEdit = {};
  const text = draft.text.trim();
  if (text !== idea.text.trim()) patch.text = text;
  if (draft.questionId !== idea.questionId) patch.questionId = draft.questionId;
  if (draft.phase !== idea.phase) patch.phase = draft.phase;
  if (draft.principle !== idea.principle) patch.principle = draft.principle;
  if (draft.track !== idea.track) patch.track = draft.track;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** A predefined reason travels as its key, so every reader sees it in their own language. */
export function reasonKey(reason: string | null | undefined): ModerationReason | null {
  return (MODERATION_REASONS as readonly string[]).includes(reason ?? '') ? (reason as ModerationReason) : null;
}

/** The start of a long text, for names and summaries. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The main text of an item, whatever its kind. */
export function itemText(item: QueueItem): string {
  switch (item.kind) {
    case 'contribution':
      return item.idea.text;
    case 'comment':
      return item.comment.text;
    case 'report':
      return item.excerpt;
  }
}
