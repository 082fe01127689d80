import { pollsMap, readPoll, readPolls } from '../../shared';
import type { BoardRoom } from '../realtime/board-room';
import type { DocumentLog } from '../store/document-log';
import { foldLog } from '../store/fold-log';
import type { PollDraftBook } from './draft-book';

/**
 * Boards made before drafts left the document (and restored backups of them) hold their
 * draft polls in the `polls` root, so in every participant's and projector's copy. As such a
 * board loads, before anyone is answered from it: the drafts go to the store, leave the
 * document, and the log is folded, so no stored update carries their text any more.
 * Store first: a crash in between repeats the move on the next load, and loses nothing.
 */
export async function moveDraftsOut(room: BoardRoom, drafts: PollDraftBook, log: Pick<DocumentLog, 'compactDocument' | 'loadDocument'>): Promise<number> {
  const inDocument = readPolls(room.doc).filter((poll) => poll.state === 'draft');
  if (inDocument.length === 0) return 0;
  for (const poll of inDocument) await drafts.put(room.boardId, poll);
  await room.writeAsServer((doc) => {
    for (const poll of inDocument) if (readPoll(doc, poll.id)?.state === 'draft') pollsMap(doc).delete(poll.id);
  });
  await foldLog(log, room.docName);
  return inDocument.length;
}
