import { Worker } from 'node:worker_threads';
import type { TextLanguage } from './language';
import { suggestThemes, type ThemeInput, type ThemesResult } from './themes';

/**
 * Theme suggestions on a worker thread, one job at a time in order. If the worker cannot
 * start (or dies), the job runs in-process rather than failing the facilitator's request.
 */
export class ThemeRunner {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, { resolve(result: ThemesResult): void; reject(error: Error): void }>();
  private nextId = 0;

  run(ideas: ThemeInput[], language: TextLanguage): Promise<ThemesResult> {
    const worker = this.ensure();
    if (!worker) return Promise.resolve(suggestThemes(ideas, language));
    const id = this.nextId++;
    worker.ref();
    return new Promise<ThemesResult>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, ideas, language });
    }).catch(() => suggestThemes(ideas, language));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensure(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(new URL('./theme-worker-boot.mjs', import.meta.url));
      worker.unref();
      worker.on('message', (message: { id: number; ok: boolean; result?: ThemesResult; message?: string }) => {
        const job = this.jobs.get(message.id);
        this.jobs.delete(message.id);
        if (this.jobs.size === 0) worker.unref();
        if (message.ok && message.result) job?.resolve(message.result);
        else job?.reject(new Error(message.message ?? 'theme worker failed'));
      });
      const fail = (error: Error): void => {
        for (const job of this.jobs.values()) job.reject(error);
        this.jobs.clear();
        if (this.worker === worker) this.worker = null;
      };
      worker.on('error', fail);
      worker.on('exit', () => fail(new Error('theme worker exited')));
      this.worker = worker;
      return worker;
    } catch {
      return null;
    }
  }
}
