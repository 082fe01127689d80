import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../boards/service-error';
import { checkBackup } from './restore-check';

/**
 * The thread behind restore's checks (restore.ts): parsing a backup of up to 32 MiB and
 * decoding its document into a scratch Y.Doc take about a second for 10,000 ideas, which
 * on the main thread would freeze every connection of the process.
 */
parentPort?.on('message', (job: { id: number; body: Uint8Array | undefined }) => {
  checkBackup(job.body, { paced: false }).then(
    (checked) => parentPort?.postMessage({ id: job.id, checked }, [checked.update.buffer as ArrayBuffer]),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error:
          error instanceof ServiceError
            ? { code: error.code, message: error.message, status: error.status }
            : { message: error instanceof Error ? error.message : String(error) },
      }),
  );
});
