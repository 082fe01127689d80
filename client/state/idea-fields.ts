import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useBoardStore, type BoardState } from './board-store';
import { PersistentMap } from './persistent-map';
import { sameFields } from './useBoardFields';

type Entry = (s: BoardState, id: string) => unknown;

/** Fields keyed by idea id, and how to read one idea's entry: a change tells only the ideas whose entry changed. */
const PER_IDEA = {
  ideas: (s, id) => s.ideas.get(id),
  editing: (s, id) => s.editing.get(id),
  histories: (s, id) => s.histories.get(id),
  voteTotals: (s, id) => s.voteTotals[id],
  comments: (s, id) => s.comments.get(id),
  reactions: (s, id) => s.reactions.get(id),
  statuses: (s, id) => s.statuses.get(id),
  ideaInitiatives: (s, id) => s.ideaInitiatives.get(id),
  origins: (s, id) => s.origins.get(id),
  moderatorEdited: (s, id) => s.moderatorEdited.has(id),
} satisfies Partial<Record<keyof BoardState, Entry>>;
type PerIdeaField = keyof typeof PER_IDEA;
const PER_IDEA_FIELDS = Object.keys(PER_IDEA) as PerIdeaField[];

/** Board-wide fields a note shows or acts with: a change (rare) tells every idea. */
const BOARD_WIDE = ['identity', 'settings', 'boardGrouping', 'workshop', 'clusters', 'mergeSelection', 'myVotes', 'announce'] as const;

/**
 * What a selector for one idea may read: its entries of the per-idea fields and the
 * board-wide fields above. Nothing else reaches it, so a change of anything else (the
 * group index, presence, the connection and Saved light, the composer's draft, …) runs no
 * note's selector; a selector needing another field fails to compile until it is listed.
 */
export type IdeaView = Pick<BoardState, PerIdeaField | (typeof BOARD_WIDE)[number]>;

type Listener = () => void;
const byIdea = new Map<string, Set<Listener>>();
let stopStore: (() => void) | null = null;

/**
 * One store listener for every per-idea subscription. A zustand subscription per selector
 * (React's useSyncExternalStore) runs every selector on every store change: with ~360
 * notes shown and several subscriptions each, a remote edit of one idea cost well over a
 * millisecond of selectors returning what they returned before (issue 17's browser target).
 * Here a change of a per-idea field is compared per subscribed idea (a map lookup each; for
 * the ideas map, only the ideas the change touched), and only the ideas whose entry changed
 * are told; a change of a board-wide field tells all.
 */
function onStoreChange(next: BoardState, prev: BoardState): void {
  for (const field of BOARD_WIDE) {
    if (next[field] === prev[field]) continue;
    for (const listeners of byIdea.values()) for (const listener of listeners) listener();
    return;
  }
  const changed: Entry[] = [];
  let ideas = false;
  for (const field of PER_IDEA_FIELDS) {
    if (next[field] === prev[field]) continue;
    if (field === 'ideas') ideas = true;
    else changed.push(PER_IDEA[field]);
  }
  const due = new Set<string>();
  if (ideas) {
    // The ideas map is persistent: the ideas an edit changed are found along its path alone.
    if (next.ideas instanceof PersistentMap && prev.ideas instanceof PersistentMap) next.ideas.forEachChangedKey(prev.ideas, (id) => due.add(id));
    else changed.push(PER_IDEA.ideas);
  }
  if (changed.length > 0) {
    for (const id of byIdea.keys()) if (changed.some((entry) => entry(next, id) !== entry(prev, id))) due.add(id);
  }
  for (const id of due) {
    const listeners = byIdea.get(id);
    if (listeners) for (const listener of listeners) listener();
  }
}

/** Calls `listener` when something a selector for the idea may read changed (useIdeaValue's subscription). */
export function subscribeIdea(ideaId: string, listener: Listener): () => void {
  stopStore ??= useBoardStore.subscribe(onStoreChange);
  let listeners = byIdea.get(ideaId);
  if (!listeners) byIdea.set(ideaId, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && byIdea.get(ideaId) === listeners) byIdea.delete(ideaId);
    if (byIdea.size === 0 && stopStore) {
      stopStore();
      stopStore = null;
    }
  };
}

/**
 * A value of the store for the idea `ideaId`: `select` must read only that idea's entries
 * of the per-idea fields (and the board-wide ones, IdeaView); it re-runs only when one of
 * those changed. The value is compared with Object.is (return primitives or stored references).
 */
export function useIdeaValue<T>(ideaId: string, select: (s: IdeaView) => T): T {
  const subscribe = useCallback((listener: Listener) => subscribeIdea(ideaId, listener), [ideaId]);
  const snapshot = () => select(useBoardStore.getState());
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * Several values for one idea in one subscription (as useBoardFields, with useIdeaValue's
 * rule): the previous object is kept while every value is the same.
 */
export function useIdeaFields<T extends object>(ideaId: string, pick: (s: IdeaView) => T): T {
  const last = useRef<T | null>(null);
  return useIdeaValue(ideaId, (s) => {
    const next = pick(s);
    const prev = last.current;
    if (prev && sameFields(prev, next)) return prev;
    last.current = next;
    return next;
  });
}
