import { parseReactionKey, reactionsMap, readReactions, writeIdeaReactions } from '../../shared';
import type { BoardRoom } from '../realtime/board-room';

/**
 * Boards written before reactions were kept one value per idea have one key per reaction,
 * `<ideaId>/<reaction>/<participantId>`: a key a hidden idea cannot take out of the document
 * (a deleted map entry keeps its key). Converted to the one-value-per-idea layout when the
 * board loads, in one server transaction, so clients only ever see both forms for a moment.
 * (The old keys' tombstones stay in such boards' documents.)
 */
export async function convertLegacyReactions(room: BoardRoom): Promise<void> {
  if (![...reactionsMap(room.doc).keys()].some((key) => parseReactionKey(key) !== null)) return;
  await room.writeAsServer((doc) => {
    const legacy = new Set<string>();
    for (const key of reactionsMap(doc).keys()) {
      const parsed = parseReactionKey(key);
      if (parsed) legacy.add(parsed.ideaId);
    }
    const all = readReactions(doc);
    for (const ideaId of legacy) writeIdeaReactions(doc, ideaId, all.get(ideaId) ?? new Map());
  });
}
