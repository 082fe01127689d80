import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { foldDocument, foldDocumentOffThread, foldStats, pack } from '../../server/store/compact';
import { readPlannedSnapshot } from '../../server/store/pieces/plan';
import { PIECE_BYTES } from '../../server/store/pieces/split';

/**
 * The compaction worker really runs on its own thread: compact.ts falls back to the main
 * thread quietly when a worker cannot start, which would bring back the event-loop stall.
 */
describe('the fold worker', () => {
  const worker = new Worker(new URL('../../server/store/fold-worker-boot.mjs', import.meta.url));
  const errors: Error[] = [];
  worker.on('error', (error) => errors.push(error));
  afterAll(() => worker.terminate());

  it('starts and folds a stored document exactly as the main thread would', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('a', 2);
    doc.getMap('m').set('b', 'æøå');
    const packed = pack(null, updates);
    const reply = await new Promise<{ id: number; folded?: Uint8Array }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id: 7, ...packed });
    });
    expect(reply.id).toBe(7);
    expect(Buffer.from(reply.folded!)).toEqual(Buffer.from(foldDocument(null, updates)));
    expect(errors).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('runs at the lowest priority, so a fold yields the core to the thread serving clients', () => {
    // /proc/self/task/<tid>/stat: the 19th field is the thread's nice value (after the name in parentheses).
    const nice = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    expect(nice).toContain(19);
    expect(nice).toContain(0);
  });

  it('plans a large snapshot it makes, and has no plan for a small one', async () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 700; i++) doc.getMap('m').set(`k${i}`, `${i} `.repeat(400));
    });
    const large = await foldDocumentOffThread(null, [Y.encodeStateAsUpdate(doc)]);
    expect(large.snapshot.length).toBeGreaterThan(PIECE_BYTES);
    expect(readPlannedSnapshot(large.snapshot, large.plan!)?.pieces.length).toBeGreaterThan(1);
    expect((await foldDocumentOffThread(null, [Y.encodeStateAsUpdate(new Y.Doc())])).plan).toBeNull();
  });
});

describe('foldDocumentOffThread with a kept document', () => {
  /** Client edits as separate updates: a first batch, then more batches building on them. */
  function edits() {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    return { doc, updates };
  }
  const content = (bytes: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    return doc.getMap('m').toJSON();
  };

  it('folds each next batch onto the document it kept, giving what a fold from scratch gives', async () => {
    const { doc, updates } = edits();
    doc.getMap('m').set('secret', 'HEMMELIG');
    doc.getMap('m').set('a', 1);
    const first = (await foldDocumentOffThread(null, updates.splice(0), 'doc-a')).snapshot;
    expect(content(first)).toEqual({ secret: 'HEMMELIG', a: 1 });
    doc.getMap('m').delete('secret');
    doc.getMap('m').set('b', 2);
    const batch = updates.splice(0);
    const kept = foldStats.kept;
    const second = (await foldDocumentOffThread(first, batch, 'doc-a')).snapshot;
    expect(foldStats.kept).toBe(kept + 1);
    expect(content(second)).toEqual({ a: 1, b: 2 });
    expect(content(second)).toEqual(content(foldDocument(first, batch)));
    // Deleted content is gone from the kept document's output too.
    expect(Buffer.from(second).includes(Buffer.from('HEMMELIG'))).toBe(false);
  });

  it('folds from scratch when the snapshot is not what it produced (another process compacted)', async () => {
    const { doc, updates } = edits();
    doc.getMap('m').set('x', 1);
    const mine = (await foldDocumentOffThread(null, updates.splice(0), 'doc-b')).snapshot;
    const other = edits();
    other.doc.getMap('m').set('y', 2);
    const theirs = foldDocument(mine, other.updates);
    doc.getMap('m').set('z', 3);
    const next = (await foldDocumentOffThread(theirs, updates.splice(0), 'doc-b')).snapshot;
    expect(content(next)).toEqual({ x: 1, y: 2, z: 3 });
  });

  it('keeps only a few documents, and still folds correctly for the ones it let go', async () => {
    const outputs = new Map<string, Uint8Array>();
    const docs = new Map<string, ReturnType<typeof edits>>();
    for (let round = 0; round < 3; round++) {
      for (const key of ['k1', 'k2', 'k3', 'k4']) {
        const e = docs.get(key) ?? edits();
        docs.set(key, e);
        e.doc.getMap('m').set(`${key}-${round}`, round);
        const folded = (await foldDocumentOffThread(outputs.get(key) ?? null, e.updates.splice(0), key)).snapshot;
        outputs.set(key, folded);
        expect(content(folded)).toEqual(e.doc.getMap('m').toJSON());
      }
    }
  });
});
