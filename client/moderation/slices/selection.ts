import type { StateCreator } from 'zustand';
import type { ModerationState } from '../moderation-store';

/** Queue items ticked for a bulk decision. */
export interface SelectionSlice {
  selected: ReadonlySet<string>;
  toggleSelected: (itemId: string) => void;
  setSelected: (ids: Iterable<string>) => void;
  /** Forgets ids that are no longer selectable (decided, gone). */
  keepSelected: (selectable: ReadonlySet<string>) => void;
}

export const createSelectionSlice: StateCreator<ModerationState, [], [], SelectionSlice> = (set) => ({
  selected: new Set(),
  toggleSelected: (itemId) =>
    set((s) => {
      const selected = new Set(s.selected);
      if (selected.has(itemId)) selected.delete(itemId);
      else selected.add(itemId);
      return { selected };
    }),
  setSelected: (ids) => set({ selected: new Set(ids) }),
  keepSelected: (selectable) =>
    set((s) => {
      const kept = [...s.selected].filter((id) => selectable.has(id));
      return kept.length === s.selected.size ? {} : { selected: new Set(kept) };
    }),
});
