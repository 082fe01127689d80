import { create } from 'zustand';
import { createAuditSlice, type AuditSlice } from './slices/audit';
import { createCountsSlice, type CountsSlice } from './slices/counts';
import { createNoticesSlice, type NoticesSlice } from './slices/notices';
import { createPanelSlice, type PanelSlice } from './slices/panel';
import { createQueueSlice, type QueueSlice } from './slices/queue';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';

export type ModerationState = CountsSlice & QueueSlice & NoticesSlice & SelectionSlice & PanelSlice & AuditSlice;

/**
 * What the server tells facilitators about moderation: the queue, its counts, the audit
 * log. None of it is in the Yjs document (pending items must never reach participants),
 * so it has its own store, fed by commands and `moderation:changed`.
 */
export const useModerationStore = create<ModerationState>()((...a) => ({
  ...createCountsSlice(...a),
  ...createQueueSlice(...a),
  ...createNoticesSlice(...a),
  ...createSelectionSlice(...a),
  ...createPanelSlice(...a),
  ...createAuditSlice(...a),
}));

const initial = useModerationStore.getState();

/** A fresh start for another board (or another facilitator session on this page). */
export function resetModeration(): void {
  useModerationStore.setState(initial, true);
}

// Selectors: components read single values, never a new object per render.
export const selectPending = (s: ModerationState): number | null => s.counts?.pending ?? null;
export const selectOpen = (s: ModerationState) => s.open;
export const selectTab = (s: ModerationState) => s.tab;
export const selectView = (s: ModerationState) => s.view;
export const selectItems = (s: ModerationState) => s.items;
export const selectQueueStatus = (s: ModerationState) => s.queueStatus;
export const selectNotices = (s: ModerationState) => s.notices;
export const selectInFlight = (s: ModerationState) => s.inFlight;
export const selectSelected = (s: ModerationState) => s.selected;
export const selectFeedback = (s: ModerationState) => s.feedback;
export const selectChangeSeq = (s: ModerationState) => s.changeSeq;
export const selectAuditEntries = (s: ModerationState) => s.auditEntries;
export const selectAuditStatus = (s: ModerationState) => s.auditStatus;
export const selectAuditFilters = (s: ModerationState) => s.auditFilters;
