import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useBoardStore, type BoardState } from './board-store';
import { PersistentMap } from './persistent-map';
import { sameFields } from './useBoardFields';

/**
 * What a selector for one idea may read: everything but the fields no note shows (the
 * group index, the raw presence list). A change of those notifies no idea's subscribers.
 */
export type IdeaView = Omit<BoardState, (typeof UNREAD)[number]>;

const UNREAD = ['index', 'present'] as const;
const unread: ReadonlySet<string> = new Set(UNREAD);

/** Fields keyed by idea id, and how to read one idea's entry: a change notifies only the ideas whose entry changed. */
const PER_IDEA: Readonly<Record<string, (s: BoardState, id: string) => unknown>> = {
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
};

type Listener = () => void;
const byIdea = new Map<string, Set<Listener>>();
let stopStore: (() => void) | null = null;

/**
 * One store listener for every per-idea subscription. A zustand subscription per selector
 * (React's useSyncExternalStore) runs every selector on every store change: with ~360
 * notes shown and several subscriptions each, a remote edit of one idea cost well over a
 * millisecond of selectors returning what they returned before (issue 17's browser target).
 * Here a change of a field keyed by idea id is compared per subscribed idea (a map lookup
 * each; for the ideas map, only the ideas the change touched) and notifies that idea's subscribers only if its entry changed; a change of any
 * other field the selectors may read (identity, settings, workshop, …: rare) notifies all.
 */
function onStoreChange(next: BoardState, prev: BoardState): void {
  let changed: ((s: BoardState, id: string) => unknown)[] | null = null;
  let ideas = false;
  for (const key in next) {
    const field = key as keyof BoardState;
    if (next[field] === prev[field] || unread.has(key)) continue;
    const entry = PER_IDEA[key];
    if (!entry) {
      for (const listeners of byIdea.values()) for (const listener of listeners) listener();
      return;
    }
    if (key === 'ideas') ideas = true;
    else (changed ??= []).push(entry);
  }
  const due = new Set<string>();
  if (ideas) {
    // The ideas map is persistent: the ideas an edit changed are found along its path alone.
    if (next.ideas instanceof PersistentMap && prev.ideas instanceof PersistentMap) next.ideas.forEachChangedKey(prev.ideas, (id) => due.add(id));
    else (changed ??= []).push(PER_IDEA.ideas!);
  }
  if (changed) {
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
 * of the per-idea fields (and any board-wide field); it re-runs only when one of those
 * changed. The value is compared with Object.is (return primitives or stored references).
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
