import type { StateCreator } from 'zustand';
import type { Comment, HiddenIdea, IdeaOrigin, IdeaStatusRecord, Initiative, Reaction } from '../../../shared';
import type { BoardState } from '../board-store';

/** Who reacted how to one idea: reaction → participant ids. */
export type IdeaReactions = Readonly<Partial<Record<Reaction, ReadonlySet<string>>>>;

/** An initiative as a note names it: enough to show and link it. */
export interface InitiativeRef {
  id: string;
  title: string;
}

/** The document roots this slice mirrors; replaced per idea, so one note's change re-renders one note. */
export interface SocialRoots {
  /** idea id → its published comments, oldest first (`comments` root). */
  comments: ReadonlyMap<string, readonly Comment[]>;
  /** idea id → who reacted how (`reactions` root). */
  reactions: ReadonlyMap<string, IdeaReactions>;
  /** idea id → what became of it (`statuses` root); absent: 'new'. */
  statuses: ReadonlyMap<string, IdeaStatusRecord>;
  /** What ideas led to (`initiatives` root), oldest first; replaced whole, there are few. */
  initiatives: readonly Initiative[];
  /** idea id → the initiatives it feeds, derived from `initiatives` so a note reads only its own. */
  ideaInitiatives: ReadonlyMap<string, readonly InitiativeRef[]>;
  /** idea id → the earlier round it was carried from (`origins` root). */
  origins: ReadonlyMap<string, IdeaOrigin>;
}

/** One change of the mirrored roots: per idea the new value or null to forget it; `initiatives` whole. */
export interface SocialPatch {
  comments?: ReadonlyMap<string, readonly Comment[] | null>;
  reactions?: ReadonlyMap<string, IdeaReactions | null>;
  statuses?: ReadonlyMap<string, IdeaStatusRecord | null>;
  initiatives?: readonly Initiative[];
  ideaInitiatives?: ReadonlyMap<string, readonly InitiativeRef[] | null>;
  origins?: ReadonlyMap<string, IdeaOrigin | null>;
}

/**
 * What this session learned over the command channel: comments waiting for a moderator
 * (the server keeps them out of the document, so only the answer to comment:add knows),
 * and, for facilitators, the ideas a moderator hid and those a moderator edited.
 */
export interface SocialSession {
  /** This session's own comments on a pre-moderated board, oldest first. */
  pendingComments: readonly Comment[];
  /** Facilitators: ideas hidden by a moderator, newest first; null until the server answered. */
  moderatorHidden: readonly HiddenIdea[] | null;
  /** Facilitators: ids of ideas whose text a moderator changed (from the audit log). */
  moderatorEdited: ReadonlySet<string>;
}

export interface SocialSlice extends SocialRoots, SocialSession {
  replaceSocial: (roots: SocialRoots) => void;
  /** Per idea: the new value, or null to forget it. */
  patchSocial: (patch: SocialPatch) => void;
  addPendingComment: (comment: Comment) => void;
  dropPendingComment: (commentId: string) => void;
  setModeratorHidden: (hidden: readonly HiddenIdea[] | null) => void;
  setModeratorEdited: (ids: ReadonlySet<string>) => void;
}

/** The document mirror's empty state: what resetBoardContent spreads in on a reload. */
export const initialSocialRoots = (): SocialRoots => ({
  comments: new Map(),
  reactions: new Map(),
  statuses: new Map(),
  initiatives: [],
  ideaInitiatives: new Map(),
  origins: new Map(),
});

/** A new session's empty state (pending comments belong to the session that wrote them). */
export const initialSocialSession = (): SocialSession => ({
  pendingComments: [],
  moderatorHidden: null,
  moderatorEdited: new Set(),
});

/** Applies per-key changes to a map; returns the same map when nothing changed. */
export function patchMap<V>(map: ReadonlyMap<string, V>, changes: ReadonlyMap<string, V | null> | undefined): ReadonlyMap<string, V> {
  if (!changes || changes.size === 0) return map;
  const out = new Map(map);
  for (const [key, value] of changes) {
    if (value === null) out.delete(key);
    else out.set(key, value);
  }
  return out;
}

/** The roots after a patch; untouched roots keep their identity, so their readers do not re-render. */
export function applySocialPatch(roots: SocialRoots, patch: SocialPatch): SocialRoots {
  return {
    comments: patchMap(roots.comments, patch.comments),
    reactions: patchMap(roots.reactions, patch.reactions),
    statuses: patchMap(roots.statuses, patch.statuses),
    initiatives: patch.initiatives ?? roots.initiatives,
    ideaInitiatives: patchMap(roots.ideaInitiatives, patch.ideaInitiatives),
    origins: patchMap(roots.origins, patch.origins),
  };
}

export const createSocialSlice: StateCreator<BoardState, [], [], SocialSlice> = (set) => ({
  ...initialSocialRoots(),
  ...initialSocialSession(),
  replaceSocial: (roots) => set(roots),
  patchSocial: (patch) => set((s) => applySocialPatch(s, patch)),
  addPendingComment: (comment) =>
    set((s) => (s.pendingComments.some((c) => c.id === comment.id) ? {} : { pendingComments: [...s.pendingComments, comment] })),
  dropPendingComment: (commentId) => set((s) => ({ pendingComments: s.pendingComments.filter((c) => c.id !== commentId) })),
  setModeratorHidden: (moderatorHidden) => set({ moderatorHidden }),
  setModeratorEdited: (moderatorEdited) => set({ moderatorEdited }),
});
