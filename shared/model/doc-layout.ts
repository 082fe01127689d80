import * as Y from 'yjs';
import { IDEA_FIELDS, parseIdea, type Idea } from './idea';
import { boardSettingsSchema, type BoardSettings } from './board';

/**
 * The board's Yjs document. Root types, all Y.Map:
 * - `ideas`: idea id → Y.Map of the idea's fields (plain values, see idea.ts); written by
 *   participants and facilitators, each change checked by the server's update policy.
 * - `board`: the board's settings (board.ts); written only by the server.
 */
export const ROOT = {
  ideas: 'ideas',
  board: 'board',
} as const;
export type RootName = (typeof ROOT)[keyof typeof ROOT];

export type IdeaMap = Y.Map<unknown>;

export function ideasMap(doc: Y.Doc): Y.Map<IdeaMap> {
  return doc.getMap<IdeaMap>(ROOT.ideas);
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.board);
}

/** Reads one idea; null while it is incomplete or invalid (never shown half-made). */
export function readIdea(map: IdeaMap): Idea | null {
  const record: Record<string, unknown> = {};
  for (const field of IDEA_FIELDS) record[field] = map.get(field);
  return parseIdea(record);
}

export function readIdeas(doc: Y.Doc): Idea[] {
  const out: Idea[] = [];
  for (const map of ideasMap(doc).values()) {
    const idea = readIdea(map);
    if (idea) out.push(idea);
  }
  return out;
}

export function readBoardSettings(doc: Y.Doc): BoardSettings | null {
  const parsed = boardSettingsSchema.safeParse(boardMap(doc).toJSON());
  return parsed.success ? parsed.data : null;
}

/** Writes a whole idea in one transaction, as one Y.Map under `ideas`. */
export function insertIdea(doc: Y.Doc, idea: Idea): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const field of IDEA_FIELDS) map.set(field, idea[field]);
    ideasMap(doc).set(idea.id, map);
  });
}
