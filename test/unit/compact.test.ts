import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldDocument } from '../../server/store/compact';

function edits(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const map = doc.getMap<unknown>('m');
  map.set('a', 1);
  map.set('b', 'two');
  map.set('a', 'one');
  map.delete('b');
  doc.getText('t').insert(0, 'hello brave new world');
  doc.getText('t').delete(6, 6);
  doc.getArray<number>('list').push([1, 2, 3]);
  return { doc, updates };
}

/** Doc.toJSON() skips roots a loaded doc hasn't defined yet, so read them by name. */
function content(doc: Y.Doc): unknown {
  return { m: doc.getMap('m').toJSON(), t: doc.getText('t').toString(), list: doc.getArray('list').toJSON() };
}

function load(update: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return content(doc);
}

describe('foldDocument', () => {
  it('folds a log into one update with the same content', () => {
    const { doc, updates } = edits();
    expect(load(foldDocument(null, updates))).toEqual(content(doc));
  });

  it('folds a snapshot plus later updates, in any order of arrival', () => {
    const { doc, updates } = edits();
    const snapshot = foldDocument(null, updates.slice(0, 3));
    const rest = updates.slice(3).reverse(); // out of causal order: Yjs waits for missing parts
    expect(load(foldDocument(snapshot, rest))).toEqual(content(doc));
  });

  it('is idempotent: folding a fold changes nothing', () => {
    const { updates } = edits();
    const once = foldDocument(null, updates);
    expect(load(foldDocument(once, []))).toEqual(load(once));
    expect(load(foldDocument(once, updates))).toEqual(load(once));
  });

  it('handles an empty document', () => {
    expect(load(foldDocument(null, []))).toEqual({ m: {}, t: '', list: [] });
  });

  it('garbage-collects deleted content, so deleted text leaves the bytes', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'public PRIVATE-TEXT-123 public');
    doc.getMap('m').set('k', 'PRIVATE-TEXT-123');
    doc.getText('t').delete(7, 'PRIVATE-TEXT-123 '.length);
    doc.getMap('m').delete('k');
    const needle = Buffer.from('PRIVATE-TEXT-123');
    expect(Buffer.concat(updates).indexOf(needle)).toBeGreaterThanOrEqual(0);
    const folded = foldDocument(null, updates);
    expect(Buffer.from(folded).indexOf(needle)).toBe(-1);
    expect(load(folded)).toMatchObject({ t: 'public public', m: {} });
  });

  it('is smaller than the log it replaces', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 500; i++) doc.getMap('m').set('counter', i);
    const total = updates.reduce((n, u) => n + u.byteLength, 0);
    expect(foldDocument(null, updates).byteLength).toBeLessThan(total / 10);
  });
});
