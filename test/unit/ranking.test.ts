import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../shared';
import { buildIndex } from '../../client/state/idea-index';
import { rankByVotes, rankedScope, memberGroupKey } from '../../client/voting/ranking';
import { WALL_LIMIT, rankingBlock } from '../../client/observer/wall-blocks';
import { sampleIdea, twoQuestions } from './idea-fixture';

const idea = sampleIdea;
const settings = twoQuestions;

describe('the results as a ranking', () => {
  it('puts the most votes first, ties in board order, and shares a rank between equal totals (1, 2, 2, 4)', () => {
    const [a, b, c, d, e] = [idea(), idea(), idea(), idea(), idea()];
    const totals = { [a.id]: 1, [b.id]: 5, [c.id]: 3, [d.id]: 3 };
    const ranked = rankByVotes([a, b, c, d, e], totals);
    expect(ranked.map((r) => [r.id, r.rank, r.votes, r.shared])).toEqual([
      [b.id, 1, 5, false],
      [c.id, 2, 3, true],
      [d.id, 2, 3, true],
      [a.id, 4, 1, false],
      [e.id, 5, 0, false],
    ]);
    // No votes at all: one shared first place, in board order.
    expect(rankByVotes([a, b, c], {}).map((r) => [r.rank, r.shared])).toEqual([
      [1, true],
      [1, true],
      [1, true],
    ]);
    expect(rankByVotes([], totals)).toEqual([]);
  });

  it('ranks the focus question’s ideas (with those of none or a removed question), never another question’s', () => {
    const own = idea({ questionId: 'q1', position: 'a3' });
    const none = idea({ questionId: null, position: 'a1' });
    const removed = idea({ questionId: 'gone', position: 'a2' });
    const other = idea({ questionId: 'q2', position: 'a0' });
    const index = buildIndex([own, none, removed, other]);
    // The other question's idea has the most votes of all: still not in this ranking.
    const totals = { [other.id]: 9, [own.id]: 2, [removed.id]: 2 };
    const scope = rankedScope(index, settings, 'focus');
    expect(scope.map((m) => m.id)).toEqual([none.id, removed.id, own.id]);
    expect(rankByVotes(scope, totals).map((r) => [r.id, r.rank])).toEqual([
      [removed.id, 1],
      [own.id, 1],
      [none.id, 3],
    ]);
    // "All questions" does not mix them: the focus question is ranked. A chosen question is ranked alone.
    expect(rankedScope(index, settings, 'all')).toEqual(scope);
    expect(rankedScope(index, settings, { id: 'q2' }).map((m) => m.id)).toEqual([other.id]);
    // A board without a focus question ranks every idea.
    expect(rankedScope(index, { ...settings, focusQuestionId: null }, 'focus')).toHaveLength(4);
    // A note in the ranking moves from the group it is in.
    expect(memberGroupKey(index, removed.id, 'question', settings)).toBe('question-none');
    expect(memberGroupKey(index, own.id, 'question', settings)).toBe('question-q1');
    expect(memberGroupKey(index, own.id, 'phase-principle', settings)).toBe('unclassified');
  });

  it('on the wall: the top of the ranking (not the newest), ranks among all, the cluster named', () => {
    const cluster: Cluster = { id: 'c1', name: 'Grønne steder', questionId: 'q1' } as Cluster;
    const list = Array.from({ length: WALL_LIMIT + 30 }, (_, i) => idea({ questionId: 'q1', createdAt: i, clusterId: i % 2 === 0 ? 'c1' : null }));
    const totals = Object.fromEntries(list.map((m, i) => [m.id, i % 7]));
    const members = rankedScope(buildIndex(list), settings, 'focus');
    const block = rankingBlock(members, { clusters: [cluster], totals });
    expect(block.kind).toBe('ranking');
    expect(block.count).toBe(list.length);
    expect(block.ideas).toHaveLength(WALL_LIMIT);
    const votes = block.places!.map((p) => p.votes);
    expect(votes).toEqual([...votes].sort((x, y) => y - x));
    expect(block.places![0]).toMatchObject({ rank: 1, votes: 6 });
    expect(block.places!.every((p, i) => p.cluster === (block.ideas[i]!.clusterId ? 'Grønne steder' : null))).toBe(true);
    // One cluster's ideas keep their places among all.
    const inCluster = rankingBlock(members, { clusters: [cluster], totals, shown: (m) => m.clusterId === 'c1' });
    const all = rankByVotes(members, totals);
    for (const [i, m] of inCluster.ideas.entries()) expect(inCluster.places![i]!.rank).toBe(all.find((r) => r.id === m.id)!.rank);
  });
});
