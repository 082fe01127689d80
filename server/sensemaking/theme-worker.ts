import { parentPort } from 'node:worker_threads';
import { suggestThemes, type ThemeInput } from './themes';
import type { TextLanguage } from './language';

/**
 * Runs theme suggestions off the main thread: clustering 2,000 ideas takes long enough to
 * be felt by everyone on the process's boards if it ran between their updates.
 */
interface Job {
  id: number;
  ideas: ThemeInput[];
  language: TextLanguage;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ id: job.id, ok: true, result: suggestThemes(job.ideas, job.language) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
