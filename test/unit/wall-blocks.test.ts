import { describe, expect, it } from 'vitest';
import { comparePositions } from '../../shared/model/position';
import { groupIdeas, matchesFilters } from '../../client/board/grouping';
import { applyToIndex, buildIndex } from '../../client/state/idea-index';
import { initialFilters, noFilters } from '../../client/state/slices/ui';
import { WALL_LIMIT, capBlocks, focusMembers, groupBlocks, newestInOrder, type WallBlock } from '../../client/observer/wall-blocks';
import { sampleIdea, twoQuestions } from './idea-fixture';

const idea = sampleIdea;

/** What the wall did before it read the index: rank every idea, newest first. */
function rankedNewest<T extends { id: string; createdAt: number }>(ideas: readonly T[], limit: number): T[] {
  if (ideas.length <= limit) return [...ideas];
  const ranked = ideas.map((i, at) => ({ i, at })).sort((a, b) => b.i.createdAt - a.i.createdAt || b.at - a.at);
  const keep = new Set(ranked.slice(0, limit).map((r) => r.i.id));
  return ideas.filter((i) => keep.has(i.id));
}

const settings = twoQuestions;

describe('the projector wall from the index', () => {
  it('keeps the newest ideas in board order, ties to the later ones, as ranking them all did', () => {
    let seed = 7;
    const random = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % k;
    };
    for (const [size, spread, limit] of [
      [500, 40, 24],
      [500, 3, 24],
      [100, 1, 12],
      [30, 1000, 30],
      [31, 1000, 30],
      [2000, 2000, 240],
    ] as const) {
      const list = Array.from({ length: size }, () => idea({ createdAt: random(spread) }));
      expect(newestInOrder(list, limit).map((i) => i.id)).toEqual(rankedNewest(list, limit).map((i) => i.id));
    }
    expect(newestInOrder([idea()], 0)).toEqual([]);
  });

  it('shows the focus question with the ideas that have none or a removed one, in board order', () => {
    const list = [
      idea({ questionId: 'q1', position: 'a5' }),
      idea({ questionId: null, position: 'a1' }),
      idea({ questionId: 'q2', position: 'a2' }),
      idea({ questionId: 'gone-question', position: 'a3' }),
      idea({ questionId: 'q1', position: 'a0' }),
    ];
    const expected = list.filter((i) => matchesFilters(i, initialFilters, settings)).sort(comparePositions);
    expect(focusMembers(buildIndex(list), settings, 'q1').map((m) => m.id)).toEqual(expected.map((i) => i.id));
  });

  it('groups as regrouping every idea did, and cuts again only the groups a change touched', () => {
    const list = Array.from({ length: 900 }, (_, i) =>
      idea({ phase: (((i % 3) + 1) as 1 | 2 | 3), principle: (((i >> 2) % 3) + 1) as 1 | 2 | 3, createdAt: i }),
    );
    const label = (id: { kind: string }) => id.kind;
    const index = buildIndex(list);
    const blocks = capBlocks(groupBlocks(index, 'phase-principle', null, label));
    const full = groupIdeas(list, 'phase-principle', null, noFilters).filter((g) => g.ideas.length > 0);
    expect(blocks.map((b) => [b.key, b.count])).toEqual(full.map((g) => [g.key, g.ideas.length]));
    const share = Math.max(12, Math.floor(WALL_LIMIT / full.length));
    expect(blocks.map((b) => b.ideas.map((m) => m.id))).toEqual(full.map((g) => rankedNewest(g.ideas, share).map((i) => i.id)));

    // A text edit elsewhere changes no group; a move re-cuts only the two groups it touches.
    const moved = { ...list[0]!, phase: 3 as const, principle: 3 as const };
    const after = capBlocks(groupBlocks(applyToIndex(index, new Map([[moved.id, moved]])), 'phase-principle', null, label));
    const byKey = (bs: WallBlock[]) => new Map(bs.map((b) => [b.key, b.ideas]));
    const [was, now] = [byKey(blocks), byKey(after)];
    const from = `cell-${list[0]!.phase}-${list[0]!.principle}`;
    for (const [key, ideas] of now) {
      if (key === from || key === 'cell-3-3') expect(ideas).not.toBe(was.get(key));
      else expect(ideas).toBe(was.get(key));
    }
  });
});
