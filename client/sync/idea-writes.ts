import type * as Y from 'yjs';
import {
  ideasMap,
  insertIdea,
  parseIdea,
  randomId,
  readIdea,
  type Idea,
  type Identity,
} from '../../shared';
import { positionBetween } from '../../shared/model/position';

/** What a person fills in; everything else of an idea comes from who they are. */
export type IdeaDraft = Pick<Idea, 'text' | 'phase' | 'principle' | 'track' | 'beacons' | 'questionId'>;

export type IdeaPatch = Partial<Omit<Idea, 'id' | 'authorId' | 'createdAt' | 'updatedAt'>>;

/** Last position on the board: new ideas go to the end of whichever group they land in. */
function lastPosition(doc: Y.Doc): string | null {
  let last: string | null = null;
  for (const map of ideasMap(doc).values()) {
    const position = map.get('position');
    if (typeof position === 'string' && (last === null || position > last)) last = position;
  }
  return last;
}

/**
 * A new idea in this person's name, validated, at the end of the board; null when invalid.
 * The author fields come from the server-issued identity, as the server checks them.
 */
export function buildIdea(doc: Y.Doc, identity: Identity, draft: IdeaDraft, now = Date.now()): Idea | null {
  return parseIdea({
    ...draft,
    text: draft.text.trim(),
    id: randomId(),
    authorId: identity.participantId,
    authorName: identity.displayName,
    contributorType: identity.contributorType,
    organisation: identity.organisation,
    createdAt: now,
    updatedAt: now,
    position: positionBetween(lastPosition(doc), null),
    clusterId: null,
  });
}

/**
 * Creates an idea in the document. It is validated first so an invalid one never reaches
 * the server (which would refuse it and close the connection).
 */
export function createIdea(doc: Y.Doc, identity: Identity, draft: IdeaDraft, now = Date.now()): Idea | null {
  const idea = buildIdea(doc, identity, draft, now);
  if (idea) insertIdea(doc, idea);
  return idea;
}

/** Changes only the fields that differ (each field is one CRDT register), plus updatedAt. */
export function updateIdea(doc: Y.Doc, id: string, patch: IdeaPatch, now = Date.now()): boolean {
  const map = ideasMap(doc).get(id);
  const current = map ? readIdea(map) : null;
  if (!map || !current) return false;
  const next = parseIdea({ ...current, ...patch, text: (patch.text ?? current.text).trim(), updatedAt: now });
  if (!next) return false;
  const changed = (Object.keys(patch) as (keyof IdeaPatch)[]).filter(
    (key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]),
  );
  if (changed.length === 0) return true;
  doc.transact(() => {
    for (const key of changed) map.set(key, next[key]);
    map.set('updatedAt', now);
  });
  return true;
}

export function deleteIdea(doc: Y.Doc, id: string): void {
  ideasMap(doc).delete(id);
}
