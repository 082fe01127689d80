import type { BoardSettings, Grouping } from '../../shared';
import { comparePositions } from '../../shared/model/position';
import { indexedGroups } from '../board/grouping';
import type { QuestionFilter } from '../state/slices/ui';
import { EMPTY, type IdeaIndex, type Member } from '../state/idea-index';
import { sortByVotes } from './results';

/** One idea's place in the results: its rank (equal totals share one), its total, whether the rank is shared. */
export interface Ranked<T extends { id: string } = Member> {
  id: string;
  idea: T;
  /** 1 for the most votes; equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  votes: number;
  /** Another idea has the same total, so the same rank. */
  shared: boolean;
}

/**
 * The results as a ranking: most votes first, equal totals in the order the ideas came in
 * (their board order: position, then id), so a tie never reshuffles; ranks as in sport,
 * equal totals share one and the next rank counts the ideas above it (1, 2, 2, 4).
 */
export function rankByVotes<T extends { id: string }>(ideas: readonly T[], totals: Readonly<Record<string, number>>): Ranked<T>[] {
  const sorted = sortByVotes(ideas, totals);
  const out: Ranked<T>[] = new Array<Ranked<T>>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const idea = sorted[i] as T;
    const votes = totals[idea.id] ?? 0;
    const above = out[i - 1];
    const rank = above && above.votes === votes ? above.rank : i + 1;
    if (above && above.votes === votes) above.shared = true;
    out[i] = { id: idea.id, idea, rank, votes, shared: above !== undefined && above.votes === votes };
  }
  return out;
}

/** Whether a place is one of the top three worth emphasising: nobody is on a podium with no votes. */
export const onPodium = (rank: number, votes: number): boolean => rank <= 3 && votes > 0;

/** Every member of the focus question: its own, those with none, those of a removed question. */
export function focusMembers(index: IdeaIndex, settings: BoardSettings | null, focusId: string): readonly Member[] {
  const groups = indexedGroups(index, 'question', settings);
  const own = groups.find((g) => g.key === `question-${focusId}`)?.ideas ?? EMPTY;
  // The last group is "no question" (with removed questions' ideas folded in).
  const none = groups[groups.length - 1]?.ideas ?? EMPTY;
  return mergeSorted(own, none);
}

/** Two lists in board order as one, in one pass. */
function mergeSorted(a: readonly Member[], b: readonly Member[]): readonly Member[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Member[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(comparePositions(b[j] as Member, a[i] as Member) < 0 ? (b[j++] as Member) : (a[i++] as Member));
  while (i < a.length) out.push(a[i++] as Member);
  while (j < b.length) out.push(b[j++] as Member);
  return out;
}

/** The board's focus question, if it is still one of its questions. */
export function focusOf(settings: BoardSettings | null): string | null {
  const id = settings?.focusQuestionId ?? null;
  return id !== null && settings?.questions.some((q) => q.id === id) ? id : null;
}

/**
 * The ideas a results list ranks, in board order: one question's, never several mixed. A
 * question the person chose in the filter; otherwise the focus question (with the ideas
 * that have none, as its workshop step does); on a board without one, every idea.
 */
export function rankedScope(index: IdeaIndex, settings: BoardSettings | null, question: QuestionFilter): readonly Member[] {
  if (typeof question === 'object') {
    const key = `question-${question.id ?? 'none'}`;
    return indexedGroups(index, 'question', settings).find((g) => g.key === key)?.ideas ?? EMPTY;
  }
  const focus = focusOf(settings);
  if (focus !== null) return focusMembers(index, settings, focus);
  const all = indexedGroups(index, 'question', settings).flatMap((g) => g.ideas);
  return all.sort(comparePositions);
}

/** The group a member is in under a grouping (what its note's "Move to…" starts from). */
export function memberGroupKey(index: IdeaIndex, id: string, grouping: Grouping, settings: BoardSettings | null): string {
  const keys = index.homes.get(id)?.keys;
  if (!keys) return 'unclassified';
  if (grouping === 'phase-principle') return keys[0];
  if (grouping === 'track') return keys[1];
  // An idea of a removed question shows under "no question" (grouping.ts).
  return settings?.questions.some((q) => `question-${q.id}` === keys[2]) ? keys[2] : 'question-none';
}
