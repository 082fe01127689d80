import { parentPort } from 'node:worker_threads';
import { foldDocument, unpack } from './compact';

/** The thread behind foldDocumentOffThread (compact.ts): folds stored documents off the event loop. */
parentPort?.on('message', (job: { id: number; bytes: Uint8Array; lengths: number[] }) => {
  try {
    const { snapshot, updates } = unpack(job.bytes, job.lengths);
    const folded = foldDocument(snapshot, updates);
    parentPort?.postMessage({ id: job.id, folded }, [folded.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
