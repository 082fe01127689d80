import type * as Y from 'yjs';
import {
  ErrorCode,
  LIMITS,
  ideasMap,
  insertIdea,
  readIdea,
  removedMap,
  type Idea,
} from '../../shared';
import { positionBetween } from '../../shared/model/position';
import { ServiceError } from '../core/errors';

/** The idea as it is on the board now, or IDEA_NOT_FOUND. */
export function ideaOnBoard(doc: Y.Doc, ideaId: string): Idea {
  const map = ideasMap(doc).get(ideaId);
  const idea = map ? readIdea(map) : null;
  if (!idea) throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, 'There is no such idea on the board.', 404);
  return idea;
}

/** After every idea on the board, whatever the grouping: a late contribution lands last. */
export function positionAtEnd(doc: Y.Doc): string {
  let last: string | null = null;
  for (const map of ideasMap(doc).values()) {
    const position = map.get('position');
    if (typeof position === 'string' && (last === null || position > last)) last = position;
  }
  return positionBetween(last, null);
}

/**
 * Publishes an idea the server accepted (an approved contribution, a restored idea), once:
 * an idea already on the board, or one a moderator removed meanwhile, is left alone.
 * Call inside room.writeAsServer. Returns whether it was written.
 */
export function publishOnce(doc: Y.Doc, idea: Idea, options: { allowRemoved?: boolean } = {}): boolean {
  const ideas = ideasMap(doc);
  if (ideas.has(idea.id)) return false;
  if (!options.allowRemoved && removedMap(doc).has(idea.id)) return false;
  if (ideas.size >= LIMITS.ideasPerBoard) {
    throw new ServiceError(ErrorCode.BOARD_FULL, `A board holds at most ${LIMITS.ideasPerBoard} ideas.`, 409);
  }
  insertIdea(doc, idea);
  return true;
}
