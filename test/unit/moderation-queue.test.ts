import { beforeEach, describe, expect, it } from 'vitest';
import type { DecideOutcome, Idea, QueueItem } from '../../shared';
import { decide, refreshQueue, resetQueueRequests, type Requester } from '../../client/moderation/actions';
import { resetModeration, useModerationStore } from '../../client/moderation/moderation-store';
import {
  applicableIds,
  decidedElsewhere,
  editPatch,
  excerpt,
  reasonKey,
  sortQueue,
  summarizeOutcomes,
  visibleItems,
} from '../../client/moderation/queue-logic';

const idea = (id: string, text: string): Idea => ({
  id,
  text,
  authorId: 'public-author',
  authorName: null,
  contributorType: 'citizen',
  organisation: null,
  createdAt: 1,
  updatedAt: 1,
  phase: null,
  principle: null,
  track: null,
  beacons: [],
  questionId: null,
  position: 'a0',
  clusterId: null,
});

const contribution = (id: string, createdAt: number, state: QueueItem['state'] = 'pending'): QueueItem => ({
  id,
  kind: 'contribution',
  createdAt,
  state,
  decision: state === 'pending' ? null : { by: { participantId: 'other-fac', name: 'Bo', role: 'facilitator' }, at: createdAt + 1, reason: null },
  idea: idea(`idea-${id}`, `Idé ${id}`),
  receipt: 'ABCD-EFGH-JKLM',
});

const report = (id: string, createdAt: number): QueueItem => ({
  id,
  kind: 'report',
  createdAt,
  state: 'pending',
  decision: null,
  target: { kind: 'idea', id: 'idea-xyz123' },
  excerpt: 'Noget grimt',
  reason: 'offensive',
  reporterId: 'participant1',
});

/** A command channel answering from a script, recording what was asked. */
function fakeChannel(answers: Record<string, (payload: unknown) => unknown>): Requester & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    request: (async (event: string, payload: unknown) => {
      calls.push([event, payload]);
      const answer = answers[event];
      return answer ? { ok: true, data: answer(payload) } : { ok: false, error: { code: 'INTERNAL', message: 'no answer' } };
    }) as Requester['request'],
  };
}

beforeEach(() => {
  resetModeration();
  resetQueueRequests();
});

describe('queue logic', () => {
  it('sorts oldest first and keeps noticed items in place', () => {
    const a = contribution('itemAAAA', 30);
    const b = contribution('itemBBBB', 10);
    const gone = contribution('itemCCCC', 20);
    expect(sortQueue([a, b]).map((i) => i.id)).toEqual(['itemBBBB', 'itemAAAA']);
    const notices = new Map([[gone.id, { kind: 'decided-elsewhere' as const, shown: gone, latest: null }]]);
    expect(visibleItems([a, b], notices).map((i) => i.id)).toEqual(['itemBBBB', 'itemCCCC', 'itemAAAA']);
  });

  it('tells which waiting items another facilitator decided', () => {
    const before = [contribution('item1111', 1), contribution('item2222', 2), contribution('item3333', 3)];
    const after = [contribution('item2222', 2, 'approved')];
    expect(decidedElsewhere(before, after, new Set(['item3333'])).map((i) => i.id)).toEqual(['item1111', 'item2222']);
  });

  it('applies bulk decisions only to items they fit', () => {
    const items = [contribution('item1111', 1), report('item2222', 2), contribution('item3333', 3, 'approved')];
    const selected = new Set(['item1111', 'item2222', 'item3333']);
    expect(applicableIds(items, selected, 'approve')).toEqual(['item1111']);
    expect(applicableIds(items, selected, 'dismiss')).toEqual(['item2222']);
    expect(applicableIds(items, new Set(), 'reject')).toEqual([]);
  });

  it('sends only what the facilitator changed before approving', () => {
    const original = idea('idea1234', 'Bænke ved søen');
    expect(editPatch(original, { text: ' Bænke ved søen ', questionId: null, phase: null, principle: null, track: null })).toBeUndefined();
    expect(editPatch(original, { text: 'Bænke og skygge ved Ishøj Sø', questionId: 'q1abcdef', phase: 2, principle: null, track: 'outward' })).toEqual({
      text: 'Bænke og skygge ved Ishøj Sø',
      questionId: 'q1abcdef',
      phase: 2,
      track: 'outward',
    });
  });

  it('knows listed reasons, shortens texts and counts outcomes', () => {
    expect(reasonKey('spam')).toBe('spam');
    expect(reasonKey('Skrevet med store bogstaver')).toBeNull();
    expect(excerpt('Et   meget\nlangt forslag om bænke', 12)).toBe('Et meget la…');
    const results: DecideOutcome[] = [
      { itemId: 'a', outcome: 'done', item: null },
      { itemId: 'b', outcome: 'already-decided', item: null },
    ];
    expect(summarizeOutcomes(results)).toEqual({ done: 1, problems: 1 });
  });
});

describe('moderation store fed by commands', () => {
  it('refreshes the queue and its counts, and notices items decided elsewhere', async () => {
    let pending = [contribution('item1111', 1), contribution('item2222', 2)];
    const all = () => [contribution('item1111', 1, 'approved'), contribution('item2222', 2)];
    const channel = fakeChannel({
      'moderation:queue': (payload) => {
        const state = (payload as { state: string }).state;
        const items = state === 'all' ? all() : pending;
        return { items, counts: { pending: pending.length, hidden: 0 } };
      },
    });
    await refreshQueue(channel);
    expect(useModerationStore.getState().items.map((i) => i.id)).toEqual(['item1111', 'item2222']);
    expect(useModerationStore.getState().counts).toEqual({ pending: 2, hidden: 0 });

    // Bo approves item1111 on his laptop.
    pending = [contribution('item2222', 2)];
    await refreshQueue(channel);
    const { items, notices } = useModerationStore.getState();
    expect(items.map((i) => i.id)).toEqual(['item2222']);
    const notice = notices.get('item1111');
    expect(notice?.kind).toBe('decided-elsewhere');
    expect(notice?.latest?.decision?.by.name).toBe('Bo');
  });

  it('keeps what another facilitator decided first on screen, with their decision', async () => {
    const mine = contribution('item1111', 1);
    const theirs = contribution('item2222', 2);
    const channel = fakeChannel({
      'moderation:queue': () => ({ items: [mine, theirs], counts: { pending: 2, hidden: 0 } }),
      'moderation:decide': () => ({
        results: [
          { itemId: 'item1111', outcome: 'done', item: { ...mine, state: 'approved' } },
          { itemId: 'item2222', outcome: 'already-decided', item: contribution('item2222', 2, 'rejected') },
        ],
      }),
    });
    await refreshQueue(channel);
    useModerationStore.getState().setSelected(['item1111', 'item2222']);
    const answer = await decide(channel, { itemIds: ['item1111', 'item2222'], decision: 'approve' });
    expect(answer.ok).toBe(true);
    const state = useModerationStore.getState();
    expect(state.items.map((i) => i.id)).toEqual(['item2222']);
    expect(state.notices.get('item2222')?.kind).toBe('already-decided');
    expect(state.notices.get('item2222')?.latest?.state).toBe('rejected');
    expect(state.feedback).toMatchObject({ decision: 'approve', done: 1, problems: 1 });
    expect([...state.selected]).toEqual([]);
    expect(state.inFlight.size).toBe(0);
  });

  it('does not call an item "decided elsewhere" when this device is deciding it', async () => {
    let pending = [contribution('item1111', 1)];
    let release: () => void = () => {};
    const channel = fakeChannel({
      'moderation:queue': () => ({ items: pending, counts: { pending: pending.length, hidden: 0 } }),
    });
    await refreshQueue(channel);
    const slow: Requester = {
      request: (async (event: string, payload: unknown) => {
        if (event !== 'moderation:decide') return channel.request(event as 'moderation:queue', payload as { state: 'pending' });
        await new Promise<void>((resolve) => (release = resolve));
        return { ok: true, data: { results: [{ itemId: 'item1111', outcome: 'done', item: null }] } };
      }) as Requester['request'],
    };
    const deciding = decide(slow, { itemIds: ['item1111'], decision: 'approve' });
    // The server's moderation:changed arrives before the answer to our own decision.
    pending = [];
    await refreshQueue(channel);
    expect(useModerationStore.getState().notices.size).toBe(0);
    release();
    await deciding;
    expect(useModerationStore.getState().items).toEqual([]);
    expect(useModerationStore.getState().notices.size).toBe(0);
  });

  it('coalesces a burst of change notices into few requests', async () => {
    const channel = fakeChannel({ 'moderation:queue': () => ({ items: [], counts: { pending: 0, hidden: 0 } }) });
    await Promise.all([refreshQueue(channel), refreshQueue(channel), refreshQueue(channel), refreshQueue(channel)]);
    expect(channel.calls.length).toBeLessThanOrEqual(2);
  });
});
