import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commentsMap,
  initiativesMap,
  originsMap,
  reactionKey,
  reactionsMap,
  statusesMap,
  type Comment,
  type IdeaOrigin,
  type IdeaStatusRecord,
  type Initiative,
} from '../../shared';
import { applySocialPatch, initialSocialRoots, type SocialRoots, type SocialSlice } from '../../client/state/slices/social';
import { CommentIndex, InitiativeIndex, ReactionIndex, mirrorSocial } from '../../client/sync/social-mirror';

const comment = (id: string, ideaId: string, createdAt: number, text = 'En kommentar'): Comment => ({
  id,
  ideaId,
  text,
  authorId: 'author-0001',
  authorName: 'Mette',
  contributorType: null,
  createdAt,
  editedAt: null,
});

const status = (value: IdeaStatusRecord['current']['status'], at: number): IdeaStatusRecord => {
  const change = { status: value, rationale: null, at, by: { participantId: 'facil-0001', name: 'Ole', role: 'facilitator' as const } };
  return { current: change, history: [change] };
};

const initiative = (id: string, title: string, ideaIds: string[], createdAt = 1): Initiative => ({
  id,
  title,
  description: '',
  scale: 'small',
  kind: 'new',
  responsibleUnit: null,
  beacons: [],
  targetPhase: null,
  decisionLink: null,
  ideaIds,
  createdAt,
  updatedAt: createdAt,
  updatedBy: { participantId: 'facil-0001', name: 'Ole', role: 'facilitator' },
});

/** A store stand-in that records what the mirror sent, applied the way the slice applies it. */
function recorder() {
  let roots: SocialRoots = initialSocialRoots();
  const patches: Parameters<SocialSlice['patchSocial']>[0][] = [];
  const target: Pick<SocialSlice, 'replaceSocial' | 'patchSocial'> = {
    replaceSocial: (next) => {
      roots = next;
    },
    patchSocial: (patch) => {
      patches.push(patch);
      roots = applySocialPatch(roots, patch);
    },
  };
  return { target, patches, get roots() { return roots; } };
}

describe('CommentIndex', () => {
  it('groups by idea, oldest first, and forgets a deleted comment by its id alone', () => {
    const index = new CommentIndex();
    expect(index.put('c-00000002', comment('c-00000002', 'idea-0001', 20))).toEqual(['idea-0001']);
    index.put('c-00000001', comment('c-00000001', 'idea-0001', 10));
    index.put('c-00000003', comment('c-00000003', 'idea-0002', 5));
    expect(index.of('idea-0001')?.map((c) => c.id)).toEqual(['c-00000001', 'c-00000002']);
    expect(index.put('c-00000001', undefined)).toEqual(['idea-0001']);
    expect(index.of('idea-0001')?.map((c) => c.id)).toEqual(['c-00000002']);
    expect(index.all().size).toBe(2);
  });

  it('ignores invalid values and keys that do not match the comment id', () => {
    const index = new CommentIndex();
    expect(index.put('c-00000001', { text: 'half a comment' })).toEqual([]);
    expect(index.put('c-00000009', comment('c-00000001', 'idea-0001', 1))).toEqual([]);
    expect(index.of('idea-0001')).toBeNull();
  });
});

describe('ReactionIndex', () => {
  it('counts per idea and reaction, and drops empty entries', () => {
    const index = new ReactionIndex();
    expect(index.put(reactionKey('idea-0001', 'support', 'p-000001'), 1)).toBe('idea-0001');
    index.put(reactionKey('idea-0001', 'support', 'p-000002'), 1);
    index.put(reactionKey('idea-0001', 'love', 'p-000001'), 1);
    expect(index.of('idea-0001')?.support?.size).toBe(2);
    index.put(reactionKey('idea-0001', 'love', 'p-000001'), undefined);
    expect(index.of('idea-0001')?.love).toBeUndefined();
    expect(index.put('not/a/reaction/key', 1)).toBeNull();
    expect(index.put('idea-0001/shrug/p-000001', 1)).toBeNull();
  });

  it('reads one value per idea, replaced whole, and drops the idea when its value goes', () => {
    const index = new ReactionIndex();
    expect(index.put('idea-0001', { support: ['p-000001', 'p-000002'], love: ['p-000001'] })).toBe('idea-0001');
    expect(index.of('idea-0001')?.support?.size).toBe(2);
    index.put('idea-0001', { love: ['p-000003'] });
    expect(index.of('idea-0001')?.support).toBeUndefined();
    expect([...(index.of('idea-0001')?.love ?? [])]).toEqual(['p-000003']);
    expect(index.put('idea-0001', { shrug: ['p-000001'] })).toBe('idea-0001');
    expect(index.of('idea-0001')).toBeNull();
    index.put('idea-0002', { insight: ['p-000001'] });
    index.put('idea-0002', undefined);
    expect(index.of('idea-0002')).toBeNull();
  });

  it('hands out snapshots, never its own sets', () => {
    const index = new ReactionIndex();
    index.put(reactionKey('idea-0001', 'insight', 'p-000001'), 1);
    const before = index.of('idea-0001');
    index.put(reactionKey('idea-0001', 'insight', 'p-000002'), 1);
    expect(before?.insight?.size).toBe(1);
  });
});

describe('InitiativeIndex', () => {
  it('lists oldest first and links each idea to the initiatives it feeds', () => {
    const index = new InitiativeIndex();
    index.put('ini-000002', initiative('ini-000002', 'Skygge', ['idea-0001', 'idea-0002'], 20));
    index.put('ini-000001', initiative('ini-000001', 'Bænke', ['idea-0001'], 10));
    index.put('ini-000009', { title: 'half an initiative' });
    expect(index.list().map((i) => i.id)).toEqual(['ini-000001', 'ini-000002']);
    const first = index.refresh();
    expect(first.get('idea-0001')?.map((r) => r.title)).toEqual(['Bænke', 'Skygge']);
    expect(first.get('idea-0002')?.map((r) => r.id)).toEqual(['ini-000002']);
  });

  it('reports only the ideas whose list changed, keeping the others\' arrays', () => {
    const index = new InitiativeIndex();
    index.put('ini-000001', initiative('ini-000001', 'Bænke', ['idea-0001'], 10));
    index.put('ini-000002', initiative('ini-000002', 'Skygge', ['idea-0002'], 20));
    index.refresh();
    const kept = index.byIdea().get('idea-0002');
    index.put('ini-000001', initiative('ini-000001', 'Bænke og borde', ['idea-0003'], 10));
    const changes = index.refresh();
    expect([...changes.keys()].sort()).toEqual(['idea-0001', 'idea-0003']);
    expect(changes.get('idea-0001')).toBeNull();
    expect(changes.get('idea-0003')?.[0]?.title).toBe('Bænke og borde');
    expect(index.byIdea().get('idea-0002')).toBe(kept);
    index.put('ini-000002', undefined);
    expect([...index.refresh()]).toEqual([['idea-0002', null]]);
  });
});

describe('mirrorSocial', () => {
  it('mirrors initiatives and where carried ideas came from', () => {
    const doc = new Y.Doc();
    initiativesMap(doc).set('ini-000001', initiative('ini-000001', 'Bænke ved søen', ['idea-0001']));
    const origin: IdeaOrigin = { boardId: 'board-00001', boardTitle: 'Kick-off', ideaId: 'idea-0002', status: 'selected' };
    originsMap(doc).set('idea-0002', origin);
    const rec = recorder();
    mirrorSocial(doc, rec.target);
    expect(rec.roots.initiatives.map((i) => i.title)).toEqual(['Bænke ved søen']);
    expect(rec.roots.ideaInitiatives.get('idea-0001')?.[0]?.id).toBe('ini-000001');
    expect(rec.roots.origins.get('idea-0002')?.boardTitle).toBe('Kick-off');

    const comments = rec.roots.comments;
    initiativesMap(doc).set('ini-000002', initiative('ini-000002', 'Skygge', ['idea-0001', 'idea-0003'], 5));
    expect(rec.roots.initiatives.map((i) => i.id)).toEqual(['ini-000001', 'ini-000002']);
    expect(rec.roots.ideaInitiatives.get('idea-0001')?.map((r) => r.title)).toEqual(['Bænke ved søen', 'Skygge']);
    expect(rec.roots.comments).toBe(comments);
    initiativesMap(doc).delete('ini-000001');
    initiativesMap(doc).delete('ini-000002');
    expect(rec.roots.initiatives).toEqual([]);
    expect(rec.roots.ideaInitiatives.size).toBe(0);

    originsMap(doc).delete('idea-0002');
    expect(rec.roots.origins.size).toBe(0);
  });

  it('reads what is there, then follows changes idea by idea', () => {
    const doc = new Y.Doc();
    commentsMap(doc).set('c-00000001', comment('c-00000001', 'idea-0001', 1));
    reactionsMap(doc).set(reactionKey('idea-0002', 'support', 'p-000001'), 1);
    statusesMap(doc).set('idea-0003', status('selected', 5));
    const rec = recorder();
    const stop = mirrorSocial(doc, rec.target);
    expect(rec.roots.comments.get('idea-0001')).toHaveLength(1);
    expect(rec.roots.reactions.get('idea-0002')?.support?.has('p-000001')).toBe(true);
    expect(rec.roots.statuses.get('idea-0003')?.current.status).toBe('selected');

    // A reaction on one idea replaces that idea's entry only: other notes keep their objects.
    const untouched = rec.roots.comments;
    const otherReactions = rec.roots.reactions.get('idea-0002');
    reactionsMap(doc).set(reactionKey('idea-0001', 'love', 'p-000002'), 1);
    expect(rec.patches.at(-1)?.reactions ? [...rec.patches.at(-1)!.reactions!.keys()] : []).toEqual(['idea-0001']);
    expect(rec.roots.comments).toBe(untouched);
    expect(rec.roots.reactions.get('idea-0002')).toBe(otherReactions);

    doc.transact(() => {
      commentsMap(doc).set('c-00000002', comment('c-00000002', 'idea-0001', 2));
      commentsMap(doc).delete('c-00000001');
    });
    expect(rec.roots.comments.get('idea-0001')?.map((c) => c.id)).toEqual(['c-00000002']);
    commentsMap(doc).delete('c-00000002');
    expect(rec.roots.comments.has('idea-0001')).toBe(false);

    reactionsMap(doc).delete(reactionKey('idea-0002', 'support', 'p-000001'));
    expect(rec.roots.reactions.has('idea-0002')).toBe(false);

    statusesMap(doc).set('idea-0003', status('realised', 9));
    expect(rec.roots.statuses.get('idea-0003')?.current.status).toBe('realised');
    statusesMap(doc).set('idea-0003', { broken: true });
    expect(rec.roots.statuses.has('idea-0003')).toBe(false);

    stop();
    commentsMap(doc).set('c-00000003', comment('c-00000003', 'idea-0001', 3));
    expect(rec.roots.comments.has('idea-0001')).toBe(false);
  });

  it('follows changes that arrive as remote updates', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const rec = recorder();
    mirrorSocial(client, rec.target);
    server.on('update', (update: Uint8Array) => Y.applyUpdate(client, update, 'remote'));
    commentsMap(server).set('c-00000001', comment('c-00000001', 'idea-0001', 1, 'Godt forslag – æøå'));
    expect(rec.roots.comments.get('idea-0001')?.[0]?.text).toBe('Godt forslag – æøå');
  });
});
