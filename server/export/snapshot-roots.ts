import type * as Y from 'yjs';
import {
  REACTIONS,
  commentSchema,
  commentsMap,
  ideaStatusRecordSchema,
  initiativeSchema,
  initiativesMap,
  readReactionEntry,
  reactionsMap,
  removedMap,
  removedMarkSchema,
  statusesMap,
  type Comment,
  type IdeaStatusRecord,
  type Initiative,
  type Reaction,
  type RemovedMark,
} from '../../shared';
import type { Pacer } from './pacing';

/** idea id → reaction → the participants who gave it (sorted); kinds in REACTIONS order. */
export type ReactionsByIdea = Record<string, Partial<Record<Reaction, string[]>>>;

/** What the board says around its ideas (issue 5), as every export reads it. */
export interface SurroundingRoots {
  /** idea id → its status record, sorted by idea id; ideas without one are 'new'. */
  statuses: Record<string, IdeaStatusRecord>;
  /** Oldest first, ties by id. */
  initiatives: Initiative[];
  /** Published comments, oldest first, ties by id. */
  comments: Comment[];
  reactions: ReactionsByIdea;
  /** The `removed` root: ideas a moderator hid or deleted, sorted by id. */
  removed: Record<string, RemovedMark>;
}

function byCreation<T extends { createdAt: number; id: string }>(a: T, b: T): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The roots' entries, copied but not parsed yet. */
export interface RawRoots {
  statuses: Array<[string, unknown]>;
  initiatives: unknown[];
  comments: unknown[];
  reactions: Array<[string, unknown]>;
  removed: Array<[string, unknown]>;
}

/**
 * Copies each root's entries in one synchronous step (the values are plain JSON the server
 * wrote, replaced, never changed in place, by later writes), so the roots and the ideas
 * describe one moment; parsing, which is what costs, is then paced (parseRoots).
 */
export function copyRoots(doc: Y.Doc): RawRoots {
  return {
    statuses: [...statusesMap(doc).entries()],
    initiatives: [...initiativesMap(doc).values()],
    comments: [...commentsMap(doc).values()],
    reactions: [...reactionsMap(doc).entries()],
    removed: [...removedMap(doc).entries()],
  };
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** Invalid entries are left out, as clients leave them out. */
export async function parseRoots(raw: RawRoots, pacer: Pacer): Promise<SurroundingRoots> {
  const out: SurroundingRoots = { statuses: emptyRecord(), initiatives: [], comments: [], reactions: emptyRecord(), removed: emptyRecord() };
  for (const [ideaId, value] of [...raw.statuses].sort(byKey)) {
    const parsed = ideaStatusRecordSchema.safeParse(value);
    if (parsed.success) out.statuses[ideaId] = parsed.data;
    await pacer.step();
  }
  for (const value of raw.initiatives) {
    const parsed = initiativeSchema.safeParse(value);
    if (parsed.success) out.initiatives.push(parsed.data);
  }
  out.initiatives.sort(byCreation);
  for (const value of raw.comments) {
    const parsed = commentSchema.safeParse(value);
    if (parsed.success) out.comments.push(parsed.data);
    await pacer.step();
  }
  out.comments.sort(byCreation);
  out.reactions = groupReactions(raw.reactions);
  for (const [id, mark] of [...raw.removed].sort(byKey)) {
    const parsed = removedMarkSchema.safeParse(mark);
    if (parsed.success) out.removed[id] = parsed.data;
  }
  return out;
}

function groupReactions(entries: Array<[string, unknown]>): ReactionsByIdea {
  const sets = new Map<string, Map<Reaction, Set<string>>>();
  for (const [key, value] of entries) {
    const entry = readReactionEntry(key, value);
    if (!entry) continue;
    let byIdea = sets.get(entry.ideaId);
    if (!byIdea) sets.set(entry.ideaId, (byIdea = new Map()));
    for (const [reaction, who] of entry.reactions) {
      const all = byIdea.get(reaction) ?? new Set<string>();
      for (const participantId of who) all.add(participantId);
      byIdea.set(reaction, all);
    }
  }
  const out = emptyRecord<Partial<Record<Reaction, string[]>>>();
  for (const ideaId of [...sets.keys()].sort()) {
    const byIdea = sets.get(ideaId)!;
    const kinds: Partial<Record<Reaction, string[]>> = {};
    for (const reaction of REACTIONS) {
      const who = byIdea.get(reaction);
      if (who) kinds[reaction] = [...who].sort();
    }
    out[ideaId] = kinds;
  }
  return out;
}
