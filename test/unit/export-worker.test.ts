import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode, readWorkshop, workshopMap } from '../../shared';

/**
 * The restore worker really runs on its own thread. (On Node 20 a worker's
 * `execArgv: ['--import', 'tsx']` does not load a .ts entry; restore.ts would then quietly
 * do the work on the main thread. The plain-JavaScript entry registers tsx itself.)
 */
describe('the restore worker', () => {
  const worker = new Worker(new URL('../../server/export/restore-worker-boot.mjs', import.meta.url));
  const errors: Error[] = [];
  worker.on('error', (error) => errors.push(error));
  afterAll(() => worker.terminate());

  function ask(job: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(job);
    });
  }

  it('starts, checks a backup and answers with a refusal for an empty one', async () => {
    const reply = await ask({ id: 1, kind: 'check', body: new TextEncoder().encode('{}') });
    expect(reply).toMatchObject({ id: 1, error: { code: ErrorCode.VALIDATION_FAILED, status: 400 } });
    expect(errors).toEqual([]);
  });

  it('writes a join code on top of a document, as the given client', async () => {
    const doc = new Y.Doc();
    workshopMap(doc).set('joinCode', 'AAAAAA');
    const reply = await ask({ id: 2, kind: 'joinCode', update: Y.encodeStateAsUpdate(doc), joinCode: 'CDEFGH', clientId: 4242 });
    const update = reply.result as Uint8Array;
    expect([...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()]).toEqual([4242]);
    Y.applyUpdate(doc, update);
    expect(readWorkshop(doc).joinCode).toBe('CDEFGH');
  });
});
