import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changedSomething, SaveTracker } from '../../client/sync/save-tracker';

/**
 * A document wired the way board-sync.ts wires it: the tracker hears each local change in
 * afterTransaction, and a stand-in for y-websocket's provider "sends" each update from the
 * doc's 'update' event (which Yjs emits after afterTransaction) while the socket is open.
 */
function wired(socketOpen: { value: boolean }) {
  const doc = new Y.Doc();
  const tracker = new SaveTracker('test');
  const frames: Uint8Array[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local && changedSomething(tr)) tracker.noteLocalChange();
    tracker.settle(true);
  });
  doc.on('update', (update: Uint8Array) => {
    if (!socketOpen.value) return;
    frames.push(update);
    tracker.noteSent();
  });
  return { doc, tracker, frames };
}

describe('save tracker', () => {
  it('holds a change pending while its frame waits for Saved (a stalled socket)', () => {
    const { doc, tracker, frames } = wired({ value: true });
    doc.getMap('ideas').set('a', 'first idea');
    expect(frames).toHaveLength(1);
    expect(tracker.hasPending()).toBe(true);
    tracker.noteSaved();
    tracker.settle(true);
    expect(tracker.hasPending()).toBe(false);
  });

  it('holds a change made with the socket down until a later frame is saved', () => {
    const open = { value: false };
    const { doc, tracker } = wired(open);
    doc.getMap('ideas').set('a', 'offline idea');
    expect(tracker.hasPending()).toBe(true);
    // Reconnect: the step 2 reply carries the change; its Saved confirms it.
    open.value = true;
    tracker.noteConnection();
    tracker.settle(true);
    expect(tracker.hasPending()).toBe(true);
    tracker.noteSent();
    tracker.noteSaved();
    tracker.settle(true);
    expect(tracker.hasPending()).toBe(false);
  });

  it('a Saved for an earlier frame does not cover a later change', () => {
    const { doc, tracker } = wired({ value: true });
    doc.getMap('ideas').set('a', 'one');
    doc.getMap('ideas').set('b', 'two');
    tracker.noteSaved();
    tracker.settle(true);
    expect(tracker.hasPending()).toBe(true);
    tracker.noteSaved();
    tracker.settle(true);
    expect(tracker.hasPending()).toBe(false);
  });

  it('frames of a closed connection are never answered: the change waits for the next one', () => {
    const { doc, tracker } = wired({ value: true });
    doc.getMap('ideas').set('a', 'one');
    tracker.noteConnection();
    tracker.noteSaved(); // a stray answer on the new connection, before anything was sent
    tracker.settle(true);
    expect(tracker.hasPending()).toBe(true);
  });

  it('a deletion counts as a change; a transaction that changed nothing does not', () => {
    const { doc, tracker } = wired({ value: true });
    doc.getMap('ideas').set('a', 'one');
    tracker.noteSaved();
    tracker.settle(true);
    doc.transact(() => undefined);
    expect(tracker.hasPending()).toBe(false);
    doc.getMap('ideas').delete('a');
    expect(tracker.hasPending()).toBe(true);
  });

  it('is never settled before the connection has synced', () => {
    const { doc, tracker } = wired({ value: true });
    doc.getMap('ideas').set('a', 'one');
    tracker.noteSaved();
    tracker.settle(false);
    expect(tracker.hasPending()).toBe(true);
  });
});
