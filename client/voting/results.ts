import type { Idea } from '../../shared';

/**
 * Ideas by votes, most first; ties keep the order they came in (their place on the
 * board), so a results view does not reshuffle ideas with equal support.
 */
export function sortByVotes<T extends Pick<Idea, 'id'>>(ideas: readonly T[], totals: Readonly<Record<string, number>>): T[] {
  return ideas
    .map((idea, index) => ({ idea, index, votes: totals[idea.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map((entry) => entry.idea);
}

export function sumVotes(ideas: readonly Pick<Idea, 'id'>[], totals: Readonly<Record<string, number>>): number {
  return ideas.reduce((sum, idea) => sum + (totals[idea.id] ?? 0), 0);
}
