import type { StateCreator } from 'zustand';
import type { AwarenessUser, BoardSettings, Idea } from '../../../shared';
import type { BoardState } from '../board-store';
import { applyToIndex, emptyIndex, replaceIndex, type IdeaIndex } from '../idea-index';
import { PersistentMap } from '../persistent-map';

/** Another connection's presence, as the server vouched for it. */
export interface PresentUser extends AwarenessUser {
  /** The idea that person has open for editing, if any. */
  editing: string | null;
}

/** A store change built in steps (the pieces of a first sync), stored at once. */
export interface IdeaStage {
  add(changes: ReadonlyMap<string, Idea | null>): void;
  commit(): void;
}

/** A mirror of the Yjs document (the source of truth) plus presence from awareness. */
export interface ContentSlice {
  /**
   * Idea id → idea: an immutable value (a PersistentMap), a new one per change that shares
   * everything the change did not touch, so an edit costs O(changed), not O(board).
   */
  ideas: ReadonlyMap<string, Idea>;
  /** The board's groups, kept in step with `ideas` (idea-index.ts); read one group at a time. */
  index: IdeaIndex;
  settings: BoardSettings | null;
  /** Other people here now, one entry per participant (several tabs count once). */
  present: PresentUser[];
  /** Idea id → names of the people editing it now (from `present`), so a note reads only its own. */
  editing: ReadonlyMap<string, readonly (string | null)[]>;
  /** Applies changed ideas; null removes. */
  applyIdeas: (changes: ReadonlyMap<string, Idea | null>) => void;
  /**
   * applyIdeas in steps, for the pieces of a first sync: each `add` computes the next ideas
   * and index on top of the previous one (in the tasks between the pieces), and `commit`
   * stores the result (and so renders it, synchronously: zustand's subscription), typically
   * in a later task, so that computing and React's render are not one long task. If
   * anything changed the ideas meanwhile, the commit applies every staged change again.
   */
  stageIdeas: () => IdeaStage;
  replaceIdeas: (ideas: ReadonlyMap<string, Idea>) => void;
  setSettings: (settings: BoardSettings | null) => void;
  setPresent: (present: PresentUser[]) => void;
}

function applied(s: Pick<ContentSlice, 'ideas' | 'index'>, changes: ReadonlyMap<string, Idea | null>): Pick<ContentSlice, 'ideas' | 'index'> {
  return {
    ideas: PersistentMap.of(s.ideas).batch((draft) => {
      for (const [id, idea] of changes) {
        if (idea) draft.set(id, idea);
        else draft.delete(id);
      }
    }),
    index: applyToIndex(s.index, changes),
  };
}

export const createContentSlice: StateCreator<BoardState, [], [], ContentSlice> = (set, get) => ({
  ideas: PersistentMap.empty(),
  index: emptyIndex,
  settings: null,
  present: [],
  editing: new Map(),
  applyIdeas: (changes) => set((s) => applied(s, changes)),
  stageIdeas: () => {
    const base = get();
    let next: Pick<ContentSlice, 'ideas' | 'index'> = base;
    const all = new Map<string, Idea | null>();
    return {
      add: (changes) => {
        next = applied(next, changes);
        for (const [id, idea] of changes) all.set(id, idea);
      },
      commit: () => set((s) => (s.ideas === base.ideas && s.index === base.index ? { ideas: next.ideas, index: next.index } : applied(s, all))),
    };
  },
  replaceIdeas: (ideas) => set((s) => ({ ideas: PersistentMap.of(ideas), index: replaceIndex(s.index, ideas.values()) })),
  setSettings: (settings) => set({ settings }),
  setPresent: (present) => set({ present, editing: editingByIdea(present) }),
});

/** Who edits which idea, built once per presence change instead of filtered by every note. */
export function editingByIdea(present: readonly PresentUser[]): Map<string, (string | null)[]> {
  const editing = new Map<string, (string | null)[]>();
  for (const p of present) if (p.editing !== null) editing.set(p.editing, [...(editing.get(p.editing) ?? []), p.name]);
  return editing;
}
