import type { StateCreator } from 'zustand';
import type { QueueItem } from '../../../shared';
import type { ModerationState } from '../moderation-store';

/**
 * Why an item is still shown although this facilitator can no longer act on it:
 * another facilitator decided it first (told by the server's answer, or noticed when it
 * left the queue), it is gone, or the action did not fit its kind.
 */
export type NoticeKind = 'already-decided' | 'decided-elsewhere' | 'not-found' | 'not-applicable';

export interface ItemNotice {
  kind: NoticeKind;
  /** The item as this facilitator last saw it, so the card can still say what it was. */
  shown: QueueItem;
  /** The item as the server has it now (with who decided what), when it still exists. */
  latest: QueueItem | null;
}

export interface NoticesSlice {
  notices: ReadonlyMap<string, ItemNotice>;
  putNotices: (notices: readonly ItemNotice[]) => void;
  dropNotice: (itemId: string) => void;
}

export const createNoticesSlice: StateCreator<ModerationState, [], [], NoticesSlice> = (set) => ({
  notices: new Map(),
  putNotices: (list) =>
    set((s) => {
      if (list.length === 0) return {};
      const notices = new Map(s.notices);
      for (const notice of list) notices.set(notice.shown.id, notice);
      return { notices };
    }),
  dropNotice: (itemId) =>
    set((s) => {
      const notices = new Map(s.notices);
      notices.delete(itemId);
      return { notices };
    }),
});
