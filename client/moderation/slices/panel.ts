import type { StateCreator } from 'zustand';
import type { ModerationState } from '../moderation-store';

export const MODERATION_TABS = ['queue', 'call', 'audit', 'people'] as const;
export type ModerationTab = (typeof MODERATION_TABS)[number];

/** Whether the moderation area is open, and on which tab. */
export interface PanelSlice {
  open: boolean;
  tab: ModerationTab;
  setOpen: (open: boolean) => void;
  setTab: (tab: ModerationTab) => void;
}

export const createPanelSlice: StateCreator<ModerationState, [], [], PanelSlice> = (set) => ({
  open: false,
  tab: 'queue',
  setOpen: (open) => set({ open }),
  setTab: (tab) => set({ tab }),
});
