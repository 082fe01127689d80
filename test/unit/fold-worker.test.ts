import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { foldDocument, pack } from '../../server/store/compact';

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
});
