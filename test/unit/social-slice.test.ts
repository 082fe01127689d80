import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { Comment } from '../../shared';
import { createSocialSlice, initialSocialRoots, initialSocialSession, patchMap, type SocialSlice } from '../../client/state/slices/social';

const comment = (id: string): Comment => ({
  id,
  ideaId: 'idea-0001',
  text: 'Tekst',
  authorId: 'me-000001',
  authorName: null,
  contributorType: null,
  createdAt: 1,
  editedAt: null,
});

// The slice alone: it only touches its own keys.
const store = () => create<SocialSlice>()((...a) => createSocialSlice(...(a as unknown as Parameters<typeof createSocialSlice>)));

describe('social slice', () => {
  it('patchMap returns the same map when nothing changes, and deletes on null', () => {
    const map = new Map([['a', 1]]);
    expect(patchMap(map, undefined)).toBe(map);
    expect(patchMap(map, new Map())).toBe(map);
    const next = patchMap(map, new Map<string, number | null>([['a', null], ['b', 2]]));
    expect([...next]).toEqual([['b', 2]]);
    expect([...map]).toEqual([['a', 1]]);
  });

  it('keeps pending comments once each, and drops them by id', () => {
    const s = store();
    s.getState().addPendingComment(comment('c-00000001'));
    s.getState().addPendingComment(comment('c-00000001'));
    s.getState().addPendingComment(comment('c-00000002'));
    expect(s.getState().pendingComments.map((c) => c.id)).toEqual(['c-00000001', 'c-00000002']);
    s.getState().dropPendingComment('c-00000001');
    expect(s.getState().pendingComments.map((c) => c.id)).toEqual(['c-00000002']);
  });

  it('patchSocial replaces only the ideas it names', () => {
    const s = store();
    const comments = s.getState().comments;
    const statuses = s.getState().statuses;
    s.getState().patchSocial({ reactions: new Map([['idea-0001', { support: new Set(['p-000001']) }]]) });
    expect(s.getState().comments).toBe(comments);
    expect(s.getState().statuses).toBe(statuses);
    expect(s.getState().reactions.get('idea-0001')?.support?.size).toBe(1);
  });

  it('has empty initial states for a reload (roots) and a new session', () => {
    const roots = initialSocialRoots();
    expect([roots.comments.size, roots.reactions.size, roots.statuses.size, roots.ideaInitiatives.size, roots.origins.size]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(roots.initiatives).toEqual([]);
    const session = initialSocialSession();
    expect(session.pendingComments).toEqual([]);
    expect(session.moderatorHidden).toBeNull();
    expect(session.moderatorEdited.size).toBe(0);
  });
});
