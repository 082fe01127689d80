import type { Idea } from '../../shared';
import { comparePositions } from '../../shared/model/position';
import { PersistentMap } from './persistent-map';

/**
 * The board's groups, kept incrementally as the Yjs observer reports changed ideas, so a
 * remote edit on a 10,000-idea board touches only the groups it leaves or enters instead
 * of regrouping every idea (issue 17, item 5).
 *
 * Every idea is in one group of each grouping at once (its phase × principle cell or
 * "unclassified", its track, its question as stored), so switching the grouping costs
 * nothing. A group holds members: the idea's id and the fields that decide where it is
 * shown within the group (position, cluster) and the question filter, sorted as the board
 * shows them (comparePositions: position, then id). An edit that changes none of those (the
 * text, the author's name) changes no group: the index object stays the same.
 *
 * Groups are immutable values: a batch copies each group it touches once, and every group
 * it does not touch keeps its identity, so a component selecting one group re-renders only
 * when that group changed. Absent groups read as EMPTY. `homes` is a PersistentMap, so a
 * batch of k changes costs O(k) there; a group it touches costs O(k log k + group size)
 * (the changes sorted, then merged in one pass), never a sort of the whole group.
 */

export interface Member {
  readonly id: string;
  readonly position: string;
  readonly clusterId: string | null;
  readonly questionId: string | null;
  /** Set once when the idea is written (immutable): the projector's wall shows the newest. */
  readonly createdAt: number;
}

export interface IdeaIndex {
  /** Group key (grouping.ts's groupKey, questions by the stored id) → members in board order. */
  readonly groups: ReadonlyMap<string, readonly Member[]>;
  /** Idea id → its member and the three group keys it is in. */
  readonly homes: ReadonlyMap<string, Home>;
}

interface Home {
  readonly member: Member;
  readonly keys: readonly [cell: string, track: string, question: string];
}

export const EMPTY: readonly Member[] = Object.freeze([]);

export const emptyIndex: IdeaIndex = { groups: new Map(), homes: PersistentMap.empty() };

/** The group keys an idea is in: phase × principle (or unclassified), track, stored question. */
export function homeKeys(idea: Pick<Idea, 'phase' | 'principle' | 'track' | 'questionId'>): Home['keys'] {
  return [
    idea.phase !== null && idea.principle !== null ? `cell-${idea.phase}-${idea.principle}` : 'unclassified',
    `track-${idea.track ?? 'none'}`,
    `question-${idea.questionId ?? 'none'}`,
  ];
}

function toHome(idea: Idea): Home {
  return {
    member: { id: idea.id, position: idea.position, clusterId: idea.clusterId, questionId: idea.questionId, createdAt: idea.createdAt },
    keys: homeKeys(idea),
  };
}

function sameMember(a: Member, b: Member): boolean {
  return a.position === b.position && a.clusterId === b.clusterId && a.questionId === b.questionId && a.createdAt === b.createdAt;
}

/** Where a member is, or would be inserted, in a sorted group (binary search). */
function slot(list: readonly Member[], member: Member): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePositions(list[mid] as Member, member) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One group's pending removals (by id) and additions within a batch. */
interface Draft {
  removed: Map<string, Member>;
  added: Member[];
}

/** Above this many changes to one group a batch merges them in one pass instead of splicing. */
const SPLICE_LIMIT = 32;

/** Two lists sorted by comparePositions as one sorted list. */
function merge(a: readonly Member[], b: readonly Member[]): readonly Member[] {
  // One list wholly after the other: the usual case for the pieces of a first sync, which
  // come in the order the ideas were written, and new ideas go to the end of their group.
  const [aFirst, aLast, bFirst, bLast] = [a[0], a[a.length - 1], b[0], b[b.length - 1]];
  if (!aLast || !bFirst) return aLast ? a : b;
  if (comparePositions(aLast, bFirst) < 0) return a.concat(b);
  if (comparePositions(bLast as Member, aFirst as Member) < 0) return b.concat(a);
  const out: Member[] = new Array<Member>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Member;
    const y = b[j] as Member;
    if (comparePositions(y, x) < 0) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as Member;
  while (j < b.length) out[k++] = b[j++] as Member;
  return out;
}

function settle(list: readonly Member[], draft: Draft): readonly Member[] {
  if (draft.removed.size + draft.added.length <= SPLICE_LIMIT) {
    const next = list.slice();
    for (const old of draft.removed.values()) {
      let at = slot(next, old);
      if (next[at]?.id !== old.id) at = next.findIndex((m) => m.id === old.id);
      if (at >= 0) next.splice(at, 1);
    }
    for (const member of draft.added) next.splice(slot(next, member), 0, member);
    return next.length === 0 ? EMPTY : next;
  }
  // A piece of a first sync (thousands of new ideas): sort only the piece, then one merge.
  const kept = draft.removed.size === 0 ? list : list.filter((m) => !draft.removed.has(m.id));
  const next = merge(kept, draft.added.slice().sort(comparePositions));
  return next.length === 0 ? EMPTY : next;
}

/**
 * The index after a batch of changes (idea id → the idea, or null: removed). Returns the
 * same index when no group changed.
 */
export function applyToIndex(index: IdeaIndex, changes: ReadonlyMap<string, Idea | null>): IdeaIndex {
  const drafts = new Map<string, Draft>();
  const draft = (key: string): Draft => {
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { removed: new Map(), added: [] }));
    return d;
  };
  const homes = PersistentMap.of(index.homes).batch((next) => {
    for (const [id, idea] of changes) {
      const before = next.get(id);
      const after = idea ? toHome(idea) : undefined;
      if (!before && !after) continue;
      if (before && after && sameMember(before.member, after.member) && before.keys.every((k, i) => k === after.keys[i])) continue;
      const same = before !== undefined && after !== undefined && sameMember(before.member, after.member);
      for (let i = 0; i < 3; i++) {
        // A move between tracks leaves the idea's cell group as it was.
        if (same && before.keys[i] === after.keys[i]) continue;
        // A Map has each id once, so an idea is removed and added at most once per batch.
        if (before) draft(before.keys[i] as string).removed.set(id, before.member);
        if (after) draft(after.keys[i] as string).added.push(after.member);
      }
      if (after) next.set(id, after);
      else next.delete(id);
    }
  });
  if (homes === index.homes) return index;
  const groups = new Map(index.groups);
  for (const [key, d] of drafts) {
    if (d.removed.size === 0 && d.added.length === 0) continue;
    const next = settle(index.groups.get(key) ?? EMPTY, d);
    if (next === EMPTY) groups.delete(key);
    else groups.set(key, next);
  }
  return { groups, homes };
}

/** The index of a whole set of ideas (a board loaded or reloaded). */
export function buildIndex(ideas: Iterable<Idea>): IdeaIndex {
  const lists = new Map<string, Member[]>();
  const homes = PersistentMap.empty<Home>().batch((draft) => {
    for (const idea of ideas) {
      const home = toHome(idea);
      draft.set(idea.id, home);
      for (const key of home.keys) {
        const list = lists.get(key);
        if (list) list.push(home.member);
        else lists.set(key, [home.member]);
      }
    }
  });
  for (const list of lists.values()) list.sort(comparePositions);
  return { groups: lists, homes };
}

/**
 * A bulk replace that keeps the identity of every group whose members did not change (a
 * reload after reconnecting usually changes little).
 */
export function replaceIndex(index: IdeaIndex, ideas: Iterable<Idea>): IdeaIndex {
  const fresh = buildIndex(ideas);
  const groups = new Map<string, readonly Member[]>();
  for (const [key, list] of fresh.groups) {
    const old = index.groups.get(key);
    groups.set(key, old && old.length === list.length && old.every((m, i) => m.id === list[i]?.id && sameMember(m, list[i] as Member)) ? old : list);
  }
  return { groups, homes: fresh.homes };
}
