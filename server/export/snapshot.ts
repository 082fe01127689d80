import * as Y from 'yjs';
import {
  historyMap,
  ideaHistorySchema,
  ideasMap,
  parseIdea,
  readBoardSettings,
  readClusters,
  readIdea,
  readVoteTotals,
  readWorkshop,
  type BoardSettings,
  type Cluster,
  type Idea,
  type IdeaHistory,
  type WorkshopState,
} from '../../shared';
import type { BoardRoom } from '../realtime/board-room';
import type { BoardRecord } from '../store/board-store';
import { Pacer } from './pacing';
import { copyRoots, parseRoots, type SurroundingRoots } from './snapshot-roots';

/** A board record as exports show it: never its token hashes. */
export interface BoardMeta {
  id: string;
  createdAt: number;
  template: string;
  title: string;
}

export function boardMeta(record: BoardRecord): BoardMeta {
  return { id: record.id, createdAt: record.createdAt, template: record.template, title: record.title };
}

/** What every export format reads: the board's content at one moment, parsed. */
export interface BoardSnapshot extends SurroundingRoots {
  board: BoardMeta;
  settings: BoardSettings;
  workshop: WorkshopState;
  /** Published ideas (the document's), oldest first (ties by id). Incomplete ideas are left out. */
  ideas: Idea[];
  /** The `votes` root: totals only while the facilitator has revealed them, else empty. */
  voteTotals: Record<string, number>;
  clusters: Cluster[];
  /** idea id → what was merged into it, sorted by idea id. */
  history: Record<string, IdeaHistory>;
  /** When the content was read (ms since the epoch). */
  takenAt: number;
  /** `Y.encodeStateAsUpdate` of the document at the same moment (only when asked for). */
  update: Uint8Array | null;
}

/** Chronological, then by id (code-unit order): stable across export → restore → export. */
export function compareIdeas(a: Idea, b: Idea): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const EMPTY_SETTINGS: BoardSettings = { title: '', description: '', beacons: [], questions: [], focusQuestionId: null, call: null };

/**
 * Reads a loaded board without holding the event loop for long: the small roots are read
 * at once, the ideas (up to 25,000) parsed in paced slices, so other people's edits keep
 * flowing while a large board is exported.
 *
 * With `withUpdate`, the document is encoded and every idea's raw fields copied in one
 * synchronous step first (cheap next to parsing), so the update and the readable view of a
 * backup describe exactly the same state even while people keep editing; only the parsing
 * is paced. Without it, ideas are read slice by slice, and an idea changed mid-export shows
 * as it was when its slice was read (fine for reports). Statuses, initiatives, comments,
 * reactions and removal marks (which can be many) are copied at once either way and parsed
 * after the ideas, paced the same way.
 */
export async function takeSnapshot(room: BoardRoom, record: BoardRecord, options: { withUpdate: boolean }): Promise<BoardSnapshot> {
  const doc = room.doc;
  const pacer = new Pacer();
  const takenAt = Date.now();
  const settings = readBoardSettings(doc) ?? { ...EMPTY_SETTINGS, title: record.title };
  const workshop = readWorkshop(doc);
  const voteTotals = Object.assign(idRecord<number>(), readVoteTotals(doc));
  const clusters = readClusters(doc);
  const history = readHistory(doc);
  const update = options.withUpdate ? Y.encodeStateAsUpdate(doc) : null;
  const roots = copyRoots(doc);

  const ideas: Idea[] = [];
  if (options.withUpdate) {
    const raws = [...ideasMap(doc).values()].map((map) => map.toJSON() as Record<string, unknown>);
    for (const raw of raws) {
      const idea = parseIdea(raw);
      if (idea) ideas.push(idea);
      await pacer.step();
    }
  } else {
    const maps = [...ideasMap(doc).values()];
    for (const map of maps) {
      const idea = readIdea(map);
      if (idea) ideas.push(idea);
      await pacer.step();
    }
  }
  ideas.sort(compareIdeas);
  const surrounding = await parseRoots(roots, pacer);
  await pacer.yield();
  return { board: boardMeta(record), settings, workshop, ideas, voteTotals, clusters, history, takenAt, update, ...surrounding };
}

/** Records keyed by idea ids have no prototype: "__proto__" is a valid id. */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function readHistory(doc: Y.Doc): Record<string, IdeaHistory> {
  const out = idRecord<IdeaHistory>();
  const keys = [...historyMap(doc).keys()].sort();
  for (const ideaId of keys) {
    const parsed = ideaHistorySchema.safeParse(historyMap(doc).get(ideaId));
    if (parsed.success) out[ideaId] = parsed.data;
  }
  return out;
}
