import { parentPort } from 'node:worker_threads';
import { foldDocument } from './compact';

/** The thread behind foldDocumentOffThread (compact.ts): folds stored documents off the event loop. */
parentPort?.on('message', (job: { id: number; snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
  try {
    const folded = foldDocument(job.snapshot, job.updates);
    parentPort?.postMessage({ id: job.id, folded }, [folded.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
