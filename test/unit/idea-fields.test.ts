import { afterEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../shared';
import { subscribeIdea } from '../../client/state/idea-fields';
import { resetBoardContent, useBoardStore } from '../../client/state/board-store';
import { sampleIdea } from './idea-fixture';

/**
 * The per-idea subscriptions behind every note's selectors (client/state/idea-fields.ts): a
 * store change reaches only the ideas whose entries it changed, and a change of anything
 * board-wide reaches every idea (a note must never miss what it shows).
 */
describe('per-idea subscriptions', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    useBoardStore.getState().setLive({ composerDraft: '' });
    for (const stop of stops.splice(0)) stop();
    resetBoardContent();
    useBoardStore.getState().setIdentity(null);
  });

  const board = () => {
    const a = sampleIdea();
    const b = sampleIdea();
    const c = sampleIdea({ phase: 1, principle: 1 });
    useBoardStore.getState().replaceIdeas(new Map([a, b, c].map((i) => [i.id, i])));
    const calls: Record<string, number> = { [a.id]: 0, [b.id]: 0, [c.id]: 0 };
    for (const id of Object.keys(calls)) stops.push(subscribeIdea(id, () => (calls[id] = calls[id]! + 1)));
    const reset = () => {
      for (const id of Object.keys(calls)) calls[id] = 0;
    };
    return { a, b, c, calls, reset };
  };

  it('tells only the idea an edit or a move changed', () => {
    const { a, b, c, calls, reset } = board();
    const store = useBoardStore.getState();
    store.applyIdeas(new Map([[a.id, { ...a, text: 'Ny tekst' }]]));
    expect(calls).toEqual({ [a.id]: 1, [b.id]: 0, [c.id]: 0 });
    reset();
    // A move changes the idea and the group index (which no note reads).
    const before = useBoardStore.getState().index;
    store.applyIdeas(new Map([[c.id, { ...c, phase: 2, principle: 3 }]]));
    expect(useBoardStore.getState().index).not.toBe(before);
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 1 });
    reset();
    store.applyIdeas(new Map([[b.id, null]]));
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 1, [c.id]: 0 });
    reset();
    // An idea nobody shows: nobody is told.
    const d = sampleIdea();
    store.applyIdeas(new Map([[d.id, d]]));
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 0 });
  });

  it('tells only the ideas whose reactions, comments, status or editors changed', () => {
    const { a, b, c, calls, reset } = board();
    const store = useBoardStore.getState();
    store.patchSocial({ reactions: new Map([[b.id, { support: new Set(['p1']) }]]) });
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 1, [c.id]: 0 });
    reset();
    store.setPresent([{ participantId: 'p1', name: 'Ida', role: 'participant', contributorType: null, editing: c.id }]);
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 1 });
    reset();
    store.setModeratorEdited(new Set([a.id]));
    expect(calls).toEqual({ [a.id]: 1, [b.id]: 0, [c.id]: 0 });
    reset();
    // Nothing a note reads: the Saved light, the composer's draft.
    store.setConnection({ pending: true });
    store.setLive({ composerDraft: 'Halvt skrevet' });
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 0 });
  });

  it('tells every idea when something board-wide changes, and stops telling once unsubscribed', () => {
    const { a, b, c, calls, reset } = board();
    const identity: Identity = { participantId: 'p1', boardId: 'board-0001', role: 'facilitator', displayName: null, contributorType: null, organisation: null };
    useBoardStore.getState().setIdentity(identity);
    expect(calls).toEqual({ [a.id]: 1, [b.id]: 1, [c.id]: 1 });
    reset();
    for (const stop of stops.splice(0)) stop();
    useBoardStore.getState().applyIdeas(new Map([[a.id, { ...a, text: 'Igen' }]]));
    useBoardStore.getState().setIdentity(null);
    expect(calls).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 0 });
  });
});
