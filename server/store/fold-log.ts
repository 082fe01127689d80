import type { DocumentLog } from './document-log';

/**
 * Folds a document's log into its snapshot, so content deleted before the call is in no
 * stored update any more (a deleted idea, a draft poll moved out of the document): a later
 * load or new device is answered without it. A compaction already running (started before
 * the deletion was appended) makes ours skip, so try again until the log holds nothing from
 * before.
 */
export async function foldLog(store: Pick<DocumentLog, 'compactDocument' | 'loadDocument'>, docName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { compacted } = await store.compactDocument(docName);
    if (compacted > 0) break;
    if ((await store.loadDocument(docName)).updates.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
