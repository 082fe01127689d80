import * as Y from 'yjs';
import { IDEA_FIELDS, OPTIONAL_IDEA_FIELDS, checkIdeaFields, parseIdea, type Idea, type IdeaInput } from './idea';
import { boardSettingsSchema, type BoardSettings } from './board';
import {
  WORKSHOP_FIELDS,
  clusterSchema,
  defaultWorkshop,
  ideaHistorySchema,
  workshopFieldSchemas,
  type Cluster,
  type IdeaHistory,
  type WorkshopState,
} from './workshop';
import { ideaStatusRecordSchema, type IdeaStatusRecord } from './status';
import { initiativeSchema, type Initiative } from './initiative';
import { pollSchema, type Poll } from './poll';
import { commentSchema, ideaReactionsValue, readReactionEntry, type Comment, type Reaction } from './moderation';

/**
 * The board's Yjs document. Root types, all Y.Map:
 * - `ideas`: idea id → Y.Map of the idea's fields (plain values, see idea.ts); written by
 *   participants and facilitators, each change checked by the server's update policy.
 * - `board`: the board's settings (board.ts); written only by the server.
 * - `workshop`: the live workshop's state (workshop.ts), one key per field; server only.
 * - `votes`: idea id → vote total, present only while the facilitator shows totals; server only.
 * - `clusters`: cluster id → Cluster (a plain value); server only.
 * - `history`: idea id → IdeaHistory of the ideas merged into it; server only.
 * - `comments`: comment id → Comment (moderation.ts), published comments only; server only.
 * - `reactions`: idea id → `{ [reaction]: participant ids }` (moderation.ts); server only.
 * - `removed`: idea id → 'hidden' | 'deleted': ideas a facilitator took off the board, so
 *   that no client can write them back; server only.
 * - `statuses`: idea id → IdeaStatusRecord (status.ts); server only.
 * - `initiatives`: initiative id → Initiative (initiative.ts); server only.
 * - `origins`: idea id → IdeaOrigin (protocol/overview.ts): where an idea carried into a
 *   new round came from; server only.
 * - `polls`: poll id → Poll (poll.ts): definitions, and results only while everyone may
 *   see them; individual answers never (they stay in the store); server only.
 */
export const ROOT = {
  ideas: 'ideas',
  board: 'board',
  workshop: 'workshop',
  votes: 'votes',
  clusters: 'clusters',
  history: 'history',
  comments: 'comments',
  reactions: 'reactions',
  removed: 'removed',
  statuses: 'statuses',
  initiatives: 'initiatives',
  origins: 'origins',
  polls: 'polls',
} as const;
export type RootName = (typeof ROOT)[keyof typeof ROOT];

/** Roots only the server writes: a client's write there is refused (FORBIDDEN). */
export const SERVER_ROOTS: ReadonlySet<string> = new Set([
  ROOT.board,
  ROOT.workshop,
  ROOT.votes,
  ROOT.clusters,
  ROOT.history,
  ROOT.comments,
  ROOT.reactions,
  ROOT.removed,
  ROOT.statuses,
  ROOT.initiatives,
  ROOT.origins,
  ROOT.polls,
]);

export type IdeaMap = Y.Map<unknown>;

export function ideasMap(doc: Y.Doc): Y.Map<IdeaMap> {
  return doc.getMap<IdeaMap>(ROOT.ideas);
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.board);
}

export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.workshop);
}

export function votesMap(doc: Y.Doc): Y.Map<number> {
  return doc.getMap<number>(ROOT.votes);
}

export function clustersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.clusters);
}

export function historyMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.history);
}

export function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.comments);
}

export function reactionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.reactions);
}

export function removedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.removed);
}

/** Reads one idea; null while it is incomplete or invalid (never shown half-made). */
export function readIdea(map: IdeaMap): Idea | null {
  // The hand-written check reads the fields straight from the Y.Map (idea.ts); what it
  // refuses goes through zod below, which stays the authority.
  const fast = checkIdeaFields((field) => map.get(field));
  if (fast) return fast;
  const record: Record<string, unknown> = {};
  for (const field of IDEA_FIELDS) {
    const value = map.get(field);
    // Optional fields (clusterId) are absent on older ideas: leave them out so they default.
    if (value !== undefined || !OPTIONAL_IDEA_FIELDS.has(field)) record[field] = value;
  }
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

/**
 * The workshop state, never null: each field that is missing (a board made before live
 * workshops) or unreadable falls back to its default, so old boards behave as new ones.
 */
export function readWorkshop(doc: Y.Doc): WorkshopState {
  const map = workshopMap(doc);
  const state = defaultWorkshop() as Record<string, unknown>;
  for (const field of WORKSHOP_FIELDS) {
    const parsed = workshopFieldSchemas[field].safeParse(map.get(field));
    if (parsed.success) state[field] = parsed.data;
  }
  return state as WorkshopState;
}

/** Vote totals by idea id; empty while the facilitator has not revealed them. */
export function readVoteTotals(doc: Y.Doc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [ideaId, count] of votesMap(doc).entries()) {
    if (typeof count === 'number' && Number.isInteger(count) && count > 0) out[ideaId] = count;
  }
  return out;
}

export function readClusters(doc: Y.Doc): Cluster[] {
  const out: Cluster[] = [];
  for (const value of clustersMap(doc).values()) {
    const parsed = clusterSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The merge history of one idea, or null when nothing was merged into it. */
export function readIdeaHistory(doc: Y.Doc, ideaId: string): IdeaHistory | null {
  const parsed = ideaHistorySchema.safeParse(historyMap(doc).get(ideaId));
  return parsed.success ? parsed.data : null;
}

export function statusesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.statuses);
}

/** idea id → its status record (ideas without one are 'new'). */
export function readStatuses(doc: Y.Doc): Map<string, IdeaStatusRecord> {
  const out = new Map<string, IdeaStatusRecord>();
  for (const [ideaId, value] of statusesMap(doc).entries()) {
    const parsed = ideaStatusRecordSchema.safeParse(value);
    if (parsed.success) out.set(ideaId, parsed.data);
  }
  return out;
}

export function initiativesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.initiatives);
}

export function originsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.origins);
}

/** Initiatives, oldest first. */
export function readInitiatives(doc: Y.Doc): Initiative[] {
  const out: Initiative[] = [];
  for (const value of initiativesMap(doc).values()) {
    const parsed = initiativeSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Published comments, oldest first. */
export function readComments(doc: Y.Doc): Comment[] {
  const out: Comment[] = [];
  for (const value of commentsMap(doc).values()) {
    const parsed = commentSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** idea id → reaction → participant ids that reacted (either form of the root, see moderation.ts). */
export function readReactions(doc: Y.Doc): Map<string, Map<Reaction, Set<string>>> {
  const out = new Map<string, Map<Reaction, Set<string>>>();
  for (const [key, value] of reactionsMap(doc).entries()) {
    const entry = readReactionEntry(key, value);
    if (!entry) continue;
    let byIdea = out.get(entry.ideaId);
    if (!byIdea) out.set(entry.ideaId, (byIdea = new Map()));
    for (const [reaction, who] of entry.reactions) {
      const all = byIdea.get(reaction) ?? new Set<string>();
      for (const participantId of who) all.add(participantId);
      byIdea.set(reaction, all);
    }
  }
  return out;
}

/** One idea's reactions (empty when none), both forms merged. */
export function readIdeaReactions(doc: Y.Doc, ideaId: string): Map<Reaction, Set<string>> {
  const out = new Map<Reaction, Set<string>>();
  const add = (entry: ReturnType<typeof readReactionEntry>) => {
    if (entry?.ideaId !== ideaId) return;
    for (const [reaction, who] of entry.reactions) out.set(reaction, new Set([...(out.get(reaction) ?? []), ...who]));
  };
  const map = reactionsMap(doc);
  add(readReactionEntry(ideaId, map.get(ideaId)));
  for (const key of map.keys()) if (key.startsWith(`${ideaId}/`)) add(readReactionEntry(key, map.get(key)));
  return out;
}

/** Replaces one idea's reactions (in the caller's transaction), dropping any legacy keys of it. */
export function writeIdeaReactions(doc: Y.Doc, ideaId: string, reactions: ReadonlyMap<Reaction, ReadonlySet<string>>): void {
  const map = reactionsMap(doc);
  for (const key of [...map.keys()]) if (key.startsWith(`${ideaId}/`)) map.delete(key);
  const value = ideaReactionsValue(reactions);
  if (value) map.set(ideaId, value);
  else if (map.has(ideaId)) map.delete(ideaId);
}

/** Writes a whole idea in one transaction, as one Y.Map under `ideas` (optional fields default). */
export function insertIdea(doc: Y.Doc, idea: IdeaInput): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const field of IDEA_FIELDS) map.set(field, idea[field] ?? null);
    ideasMap(doc).set(idea.id, map);
  });
}

export function pollsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.polls);
}

/** Polls, oldest first (unreadable entries left out). */
export function readPolls(doc: Y.Doc): Poll[] {
  const out: Poll[] = [];
  for (const value of pollsMap(doc).values()) {
    const parsed = pollSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function readPoll(doc: Y.Doc, pollId: string): Poll | null {
  const parsed = pollSchema.safeParse(pollsMap(doc).get(pollId));
  return parsed.success ? parsed.data : null;
}
