import { beforeEach, describe, expect, it } from 'vitest';
import type { Idea } from '../../shared';
import { groupIdeas, indexedGroups } from '../../client/board/grouping';
import { applyToIndex, buildIndex, EMPTY, emptyIndex, replaceIndex, type IdeaIndex } from '../../client/state/idea-index';
import { resetBoardContent, useBoardStore } from '../../client/state/board-store';
import { editingByIdea, type PresentUser } from '../../client/state/slices/content';
import { noFilters } from '../../client/state/slices/ui';
import { sampleIdea, twoQuestions } from './idea-fixture';

const idea = sampleIdea;

const ids = (index: IdeaIndex, key: string) => (index.groups.get(key) ?? EMPTY).map((m) => m.id);
const changes = (...entries: Array<[string, Idea | null]>) => new Map(entries);

const settings = twoQuestions;

/** The index must always group exactly as grouping.ts's full regrouping does. */
function expectSameAsRegrouping(index: IdeaIndex, ideas: Iterable<Idea>): void {
  const all = [...ideas];
  for (const grouping of ['phase-principle', 'track', 'question'] as const) {
    const full = groupIdeas(all, grouping, settings, noFilters).map((g) => [g.key, g.ideas.map((i) => i.id)]);
    const incremental = indexedGroups(index, grouping, settings).map((g) => [g.key, g.ideas.map((m) => m.id)]);
    expect(incremental).toEqual(full);
  }
}

describe('the incremental idea index', () => {
  it('adds ideas into every grouping, in position order', () => {
    const a = idea({ position: 'a2' });
    const b = idea({ position: 'a1', phase: 1, principle: 2 });
    const c = idea({ position: 'a0', track: 'inward', questionId: 'q2' });
    const index = applyToIndex(applyToIndex(emptyIndex, changes([a.id, a], [b.id, b])), changes([c.id, c]));
    expect(ids(index, 'unclassified')).toEqual([c.id, a.id]);
    expect(ids(index, 'track-none')).toEqual([b.id, a.id]);
    expect(ids(index, 'track-inward')).toEqual([c.id]);
    expect(ids(index, 'question-q2')).toEqual([c.id]);
    expectSameAsRegrouping(index, [a, b, c]);
  });

  it('moves an idea between groups, touching only the groups it leaves and enters', () => {
    const list = [idea(), idea({ track: 'inward' }), idea({ track: 'outward' }), idea({ questionId: 'q1' })];
    const index = buildIndex(list);
    const moved = { ...list[0]!, track: 'inward' as const };
    const next = applyToIndex(index, changes([moved.id, moved]));
    expect(ids(next, 'track-inward')).toEqual([moved.id, list[1]!.id]);
    expect(ids(next, 'track-none')).toEqual([list[3]!.id]);
    // Untouched: the other track, the idea's unchanged cell and question groups.
    for (const key of ['track-outward', 'unclassified', 'question-none', 'question-q1']) {
      expect(next.groups.get(key)).toBe(index.groups.get(key));
    }
    expectSameAsRegrouping(next, [moved, ...list.slice(1)]);
  });

  it('keeps the whole index when an edit changes no placement (a text edit)', () => {
    const list = [idea(), idea()];
    const index = buildIndex(list);
    const edited = { ...list[1]!, text: 'Nye ord', authorName: 'Ida' };
    expect(applyToIndex(index, changes([edited.id, edited]))).toBe(index);
  });

  it('deletes ideas, and a group emptied reads as EMPTY', () => {
    const list = [idea({ track: 'political' }), idea()];
    const index = applyToIndex(buildIndex(list), changes([list[0]!.id, null]));
    expect(index.groups.get('track-political')).toBeUndefined();
    expect(indexedGroups(index, 'track', settings).find((g) => g.key === 'track-political')?.ideas).toBe(EMPTY);
    expect(ids(index, 'unclassified')).toEqual([list[1]!.id]);
    expect(applyToIndex(index, changes(['missing', null]))).toBe(index);
  });

  it('reorders within a group and moves between clusters, keeping other groups', () => {
    const list = [idea({ position: 'a1' }), idea({ position: 'a2' }), idea({ position: 'a3', track: 'inward' })];
    const index = buildIndex(list);
    const last = { ...list[0]!, position: 'a5' };
    const next = applyToIndex(index, changes([last.id, last]));
    expect(ids(next, 'unclassified')).toEqual([list[1]!.id, list[2]!.id, last.id]);
    expect(next.groups.get('track-inward')).toBe(index.groups.get('track-inward'));
    const clustered = { ...list[1]!, clusterId: 'c1' };
    const after = applyToIndex(next, changes([clustered.id, clustered]));
    expect(after.groups.get('unclassified')?.find((m) => m.id === clustered.id)?.clusterId).toBe('c1');
    expect(after.groups.get('track-inward')).toBe(index.groups.get('track-inward'));
  });

  it('orders equal positions by id, as the board does', () => {
    const b = idea({ id: 'b', position: 'a1' });
    const a = idea({ id: 'a', position: 'a1' });
    expect(ids(applyToIndex(emptyIndex, changes([b.id, b], [a.id, a])), 'unclassified')).toEqual(['a', 'b']);
  });

  it('applies a large batch (more than it splices) the same as regrouping', () => {
    const list = Array.from({ length: 300 }, (_, i) => idea({ position: `a${(i * 7919) % 1000}`, track: i % 3 === 0 ? 'inward' : null }));
    let index = buildIndex(list.slice(0, 100));
    index = applyToIndex(index, new Map(list.slice(100).map((i) => [i.id, i] as const)));
    const moved = list.slice(0, 50).map((i) => ({ ...i, phase: 1 as const, principle: 3 as const }));
    const batch = new Map<string, Idea | null>(moved.map((i) => [i.id, i]));
    for (const gone of list.slice(250)) batch.set(gone.id, null);
    index = applyToIndex(index, batch);
    expectSameAsRegrouping(index, [...moved, ...list.slice(50, 250)]);
  });

  it('applies a first sync arriving in pieces the same as one load, keeping older versions', () => {
    const list = Array.from({ length: 2_000 }, (_, i) =>
      idea({
        position: `a${(i * 7919) % 5000}`,
        phase: i % 4 === 0 ? null : (((i % 3) + 1) as 1 | 2 | 3),
        principle: ((i % 3) + 1) as 1 | 2 | 3,
        track: i % 5 === 0 ? 'inward' : null,
        questionId: i % 7 === 0 ? 'q2' : null,
        createdAt: i,
      }),
    );
    let index = emptyIndex;
    const versions: Array<[IdeaIndex, Idea[]]> = [];
    for (let at = 0; at < list.length; at += 300) {
      const piece = list.slice(at, at + 300);
      const before = index;
      index = applyToIndex(index, new Map(piece.map((i) => [i.id, i] as const)));
      versions.push([before, list.slice(0, at)]);
    }
    expectSameAsRegrouping(index, list);
    expect(index.groups.get('unclassified')).toEqual(buildIndex(list).groups.get('unclassified'));
    // Every older index still groups exactly what it held (the homes are shared, not mutated).
    for (const [old, held] of versions) {
      expectSameAsRegrouping(old, held);
      expect(old.homes.size).toBe(held.length);
    }
    // Members carry createdAt (the projector's wall picks the newest from them).
    const created = new Map(list.map((i) => [i.id, i.createdAt]));
    for (const member of index.groups.get('question-q2') ?? []) expect(member.createdAt).toBe(created.get(member.id));
  });

  it('pieces wholly after or before what the group holds (a first sync in writing order, or the reverse) join it the same as one load', () => {
    const pad = (i: number) => `a${String(i).padStart(5, '0')}`;
    const list = Array.from({ length: 1_200 }, (_, i) => idea({ position: pad(i), track: i % 4 === 0 ? 'inward' : null }));
    for (const order of [list, [...list].reverse()]) {
      let index = emptyIndex;
      const versions: Array<[IdeaIndex, Idea[]]> = [];
      for (let at = 0; at < order.length; at += 100) {
        const before = index;
        index = applyToIndex(index, new Map(order.slice(at, at + 100).map((i) => [i.id, i] as const)));
        versions.push([before, order.slice(0, at)]);
      }
      expectSameAsRegrouping(index, list);
      expect(index.groups.get('unclassified')).toEqual(buildIndex(list).groups.get('unclassified'));
      for (const [old, held] of versions) expectSameAsRegrouping(old, held);
    }
  });

  it('a piece that touches one group leaves every other group as it was', () => {
    const list = Array.from({ length: 500 }, (_, i) => idea({ position: `a${i}`, track: i % 2 ? 'inward' : 'outward' }));
    const index = buildIndex(list);
    const more = Array.from({ length: 100 }, (_, i) => idea({ position: `b${String(i).padStart(3, '0')}`, track: 'inward', phase: 1, principle: 1 }));
    const next = applyToIndex(index, new Map(more.map((i) => [i.id, i] as const)));
    for (const key of ['track-outward', 'unclassified', 'question-none']) {
      if (key === 'question-none') expect(next.groups.get(key)).not.toBe(index.groups.get(key));
      else expect(next.groups.get(key)).toBe(index.groups.get(key));
    }
    expect(ids(next, 'cell-1-1')).toEqual(more.map((i) => i.id));
    expectSameAsRegrouping(next, [...list, ...more]);
  });

  it('shows ideas of a removed question under "no question"', () => {
    const list = [idea({ questionId: 'gone', position: 'a2' }), idea({ position: 'a1' }), idea({ questionId: 'q1' })];
    expectSameAsRegrouping(buildIndex(list), list);
  });

  it('a bulk replace keeps the identity of the groups that did not change', () => {
    const list = [idea(), idea({ track: 'inward' }), idea({ track: 'outward' })];
    const index = buildIndex(list);
    const changed = { ...list[2]!, track: 'inward' as const };
    const replaced = replaceIndex(index, [list[0]!, list[1]!, { ...changed, text: 'ny' }]);
    expect(replaced.groups.get('unclassified')).toBe(index.groups.get('unclassified'));
    expect(replaced.groups.get('track-none')).toBe(index.groups.get('track-none'));
    expect(replaced.groups.get('track-inward')).not.toBe(index.groups.get('track-inward'));
    expect(ids(replaced, 'track-inward')).toEqual([list[1]!.id, changed.id]);
    expect(replaced.groups.has('track-outward')).toBe(false);
    // And the replaced index goes on incrementally.
    const gone = applyToIndex(replaced, changes([list[0]!.id, null]));
    expect(ids(gone, 'track-none')).toEqual([]);
  });
});

const store = () => useBoardStore.getState();

/** The store mirrors the document: ideas by id and the index the board groups by, in step. */
describe('the board store\u2019s ideas and their index', () => {
  beforeEach(() => resetBoardContent());

  it('keeps the index in step with applied and replaced ideas', () => {
    store().replaceIdeas(new Map([['1', idea({ id: '1', position: 'a1' })], ['2', idea({ id: '2', position: 'a2', track: 'inward' })]]));
    expect(store().index.groups.get('unclassified')?.map((m) => m.id)).toEqual(['1', '2']);
    const trackNone = store().index.groups.get('track-none');

    const index = store().index;
    store().applyIdeas(new Map([['2', idea({ id: '2', position: 'a2', track: 'inward', text: 'Ny tekst' })]]));
    expect(store().ideas.get('2')?.text).toBe('Ny tekst');
    // A text edit changes no group: a selector of any group returns the same array.
    expect(store().index).toBe(index);

    store().applyIdeas(new Map<string, Idea | null>([['1', null], ['3', idea({ id: '3', position: 'a3', phase: 1, principle: 1 })]]));
    expect(store().index.groups.get('unclassified')?.map((m) => m.id)).toEqual(['2']);
    expect(store().index.groups.get('cell-1-1')?.map((m) => m.id)).toEqual(['3']);
    expect(store().index.groups.get('track-inward')).toBe(index.groups.get('track-inward'));
    expect(store().index.groups.get('track-none')).not.toBe(trackNone);

    resetBoardContent();
    expect(store().index.groups.size).toBe(0);
  });

  it('keeps each version of the ideas as it was: an edit makes a new map and shares the rest', () => {
    store().applyIdeas(new Map(Array.from({ length: 1_000 }, (_, i) => [`id-${i}`, idea({ id: `id-${i}`, position: `a${i}` })] as const)));
    const before = store().ideas;
    expect(before.size).toBe(1_000);
    store().applyIdeas(new Map<string, Idea | null>([['id-5', idea({ id: 'id-5', position: 'a5', text: 'Ændret' })], ['id-6', null]]));
    const after = store().ideas;
    expect(after).not.toBe(before);
    expect(after.get('id-5')?.text).toBe('Ændret');
    expect(after.has('id-6')).toBe(false);
    expect(after.size).toBe(999);
    // The older version (a paused projector keeps one) did not change.
    expect(before.get('id-5')?.text).not.toBe('Ændret');
    expect(before.has('id-6')).toBe(true);
    expect(after.get('id-7')).toBe(before.get('id-7'));
    // Ideas and index stay in step.
    expect(store().index.homes.size).toBe(after.size);
  });

  it('stages changes in steps and stores them at once; a change stored meanwhile is kept, and the stage applied on top of it', () => {
    const [a, b, c] = [idea(), idea(), idea()] as [Idea, Idea, Idea];
    const stage = store().stageIdeas();
    stage.add(changes([a.id, a], [b.id, b]));
    stage.add(changes([c.id, c], [a.id, null]));
    // Nothing is stored before the commit.
    expect(store().ideas.size).toBe(0);
    stage.commit();
    expect([...store().ideas.keys()].sort()).toEqual([b.id, c.id].sort());
    expectSameAsRegrouping(store().index, [b, c]);

    // Something stored between the stage's start and its commit (a local edit) is kept.
    const d = idea();
    const late = store().stageIdeas();
    late.add(changes([b.id, { ...b, phase: 1, principle: 1 }]));
    store().applyIdeas(changes([d.id, d]));
    late.commit();
    expect(store().ideas.get(b.id)?.phase).toBe(1);
    expect(store().ideas.has(d.id)).toBe(true);
    expectSameAsRegrouping(store().index, [...store().ideas.values()]);
  });

  it('says who edits which idea, from presence', () => {
    const person = (name: string | null, editing: string | null) => ({ name, editing }) as unknown as PresentUser;
    const editing = editingByIdea([person('Ida', 'a'), person(null, 'a'), person('Omar', null), person('Bo', 'b')]);
    expect([...editing]).toEqual([
      ['a', ['Ida', null]],
      ['b', ['Bo']],
    ]);
    store().setPresent([person('Ida', 'a')]);
    expect(store().editing.get('a')).toEqual(['Ida']);
  });
});
