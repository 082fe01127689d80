import type { DocumentLog } from './document-log';

/**
 * How long a fold may wait for a compaction already running (started before the deletion was
 * appended, by this process's schedule or, with Redis, by another process). The first fold of
 * a process starts the fold worker, which on a busy 2-core machine took over 5 s (the old
 * cap of 100 tries gave up silently there, and a GDPR deletion left the text in the log).
 * Redis's compaction lock expires after 30 s, so waiting longer cannot help.
 */
export const FOLD_WAIT_MS = 45_000;

/**
 * Folds a document's log into its snapshot, so content deleted before the call is in no
 * stored update any more (a deleted idea, a draft poll moved out of the document): a later
 * load or new device is answered without it. A compaction already running (started before
 * the deletion was appended) makes ours skip, so try again until the log holds nothing from
 * before. Throws when that does not happen in time: a caller promising a deletion must not
 * report success while the text is still stored.
 */
export async function foldLog(
  store: Pick<DocumentLog, 'compactDocument' | 'loadDocument'>,
  docName: string,
  { waitMs = FOLD_WAIT_MS, sleep = pauseFor }: { waitMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    const { compacted } = await store.compactDocument(docName);
    if (compacted > 0) return;
    if ((await store.loadDocument(docName)).updates.length === 0) return;
    if (Date.now() >= deadline) throw new Error(`could not fold the log of ${docName}: a compaction kept it busy for ${waitMs} ms`);
    await sleep(pause);
  }
}

function pauseFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
