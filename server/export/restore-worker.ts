import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../core/errors';
import { checkBackup, joinCodeUpdate } from './restore-check';

export type RestoreJob =
  | { id: number; kind: 'check'; body: Uint8Array | undefined }
  | { id: number; kind: 'joinCode'; update: Uint8Array; joinCode: string; clientId: number };

function failure(error: unknown) {
  return error instanceof ServiceError
    ? { code: error.code, message: error.message, status: error.status }
    : { message: error instanceof Error ? error.message : String(error) };
}

/**
 * The thread behind restore (restore.ts): parsing a backup of up to 32 MiB and decoding its
 * document take about a second for 10,000 ideas, which on the main thread would freeze
 * every connection of the process.
 */
parentPort?.on('message', (job: RestoreJob) => {
  if (job.kind === 'check') {
    checkBackup(job.body, { paced: false }).then(
      (checked) => parentPort?.postMessage({ id: job.id, result: checked }, [checked.update.buffer as ArrayBuffer]),
      (error: unknown) => parentPort?.postMessage({ id: job.id, error: failure(error) }),
    );
    return;
  }
  try {
    const result = joinCodeUpdate(job.update, job.joinCode, job.clientId);
    parentPort?.postMessage({ id: job.id, result }, [result.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: failure(error) });
  }
});
