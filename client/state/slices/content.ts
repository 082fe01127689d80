import type { StateCreator } from 'zustand';
import type { AwarenessUser, BoardSettings, Idea } from '../../../shared';
import type { BoardState } from '../board-store';
import { applyToIndex, emptyIndex, replaceIndex, type IdeaIndex } from '../idea-index';

/** Another connection's presence, as the server vouched for it. */
export interface PresentUser extends AwarenessUser {
  /** The idea that person has open for editing, if any. */
  editing: string | null;
}

/** A mirror of the Yjs document (the source of truth) plus presence from awareness. */
export interface ContentSlice {
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
  replaceIdeas: (ideas: ReadonlyMap<string, Idea>) => void;
  setSettings: (settings: BoardSettings | null) => void;
  setPresent: (present: PresentUser[]) => void;
}

export const createContentSlice: StateCreator<BoardState, [], [], ContentSlice> = (set) => ({
  ideas: new Map(),
  index: emptyIndex,
  settings: null,
  present: [],
  editing: new Map(),
  applyIdeas: (changes) =>
    set((s) => {
      const ideas = new Map(s.ideas);
      for (const [id, idea] of changes) {
        if (idea) ideas.set(id, idea);
        else ideas.delete(id);
      }
      return { ideas, index: applyToIndex(s.index, changes) };
    }),
  replaceIdeas: (ideas) => set((s) => ({ ideas, index: replaceIndex(s.index, ideas.values()) })),
  setSettings: (settings) => set({ settings }),
  setPresent: (present) => set({ present, editing: editingByIdea(present) }),
});

/** Who edits which idea, built once per presence change instead of filtered by every note. */
export function editingByIdea(present: readonly PresentUser[]): Map<string, (string | null)[]> {
  const editing = new Map<string, (string | null)[]>();
  for (const p of present) if (p.editing !== null) editing.set(p.editing, [...(editing.get(p.editing) ?? []), p.name]);
  return editing;
}
