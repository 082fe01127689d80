import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  type BoardSettings,
  type Cluster,
  type Comment,
  type Idea,
  type IdeaHistory,
  type IdeaStatusRecord,
  type Initiative,
  type RemovedMark,
  type WorkshopState,
  type Poll,
} from '../../shared';
import type { Ballot } from '../store/board-store';
import type { ModerationBackup } from './moderation-backup';
import type { BackedUpPollAnswer } from './poll-backup';
import { Pacer } from './pacing';
import { compareIdeas, idRecord, type BoardMeta, type BoardSnapshot } from './snapshot';
import type { ReactionsByIdea } from './snapshot-roots';

export const BACKUP_FORMAT = 'samskab-board-backup';
/**
 * Bumped on any change a restore of an older server could not read. 2: the store's
 * moderation state (`store.moderation`); version 1 backups are still restored.
 */
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_DOCUMENT_ENCODING = 'yjs-update-v1+base64';

/**
 * A full backup of one board (docs/PROTOCOL.md "Exports"). `document` is what a restore
 * uses, with `store`; `view` is the same content as plain JSON for people and other tools,
 * derived from the document at the same moment, and ignored by restore.
 */
export interface BoardBackup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  protocolVersion: number;
  /** When the backup was made (UTC ISO 8601). */
  exportedAt: string;
  /** The board record, without its token hashes. */
  board: BoardMeta;
  /** The whole Yjs document: `Y.encodeStateAsUpdate`, v1 encoding, base64. */
  document: { encoding: typeof BACKUP_DOCUMENT_ENCODING; update: string };
  view: {
    settings: BoardSettings;
    workshop: WorkshopState;
    /** Published ideas, oldest first (ties by id). */
    ideas: Idea[];
    clusters: Cluster[];
    /** idea id → what was merged into it. */
    history: Record<string, IdeaHistory>;
    /** The document's `votes` root: totals while revealed, else empty. */
    voteTotals: Record<string, number>;
    /** idea id → what became of it, with every change (ideas without one are 'new'). */
    statuses: Record<string, IdeaStatusRecord>;
    /** Oldest first. */
    initiatives: Initiative[];
    /** Published comments, oldest first. */
    comments: Comment[];
    /** idea id → reaction → the participants who gave it. */
    reactions: ReactionsByIdea;
    /** idea id → 'hidden' or 'deleted': ideas moderators took off the board. */
    removed: Record<string, RemovedMark>;
  };
  /** What lives in the store beside the document. */
  store: {
    /** Silent writing: ideas submitted but not revealed yet, oldest first. */
    hiddenIdeas: Idea[];
    /** Every participant's dot votes (by pseudonymous participant id), sorted. */
    votes: Ballot[];
    /** idea id → total votes counted in the store (revealed or not). */
    voteTotals: Record<string, number>;
    /** The moderation records (queue, moderator-hidden ideas, revisions, audit log); never contributors' e-mail. */
    moderation: ModerationBackup;
    /** Every answer to the board's polls (by pseudonymous participant id), sorted by poll and participant. */
    pollAnswers: BackedUpPollAnswer[];
    /** Draft polls (not in the document: facilitators only), oldest first. */
    pollDrafts: Poll[];
  };
}

function compareBallots(a: Ballot, b: Ballot): number {
  for (const key of ['participantId', 'scope', 'ideaId'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

/** Sorted keys, no prototype: the same JSON whatever order the store answered in. */
function sortedRecord(record: Record<string, number>): Record<string, number> {
  const out = idRecord<number>();
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

/** What a backup reads from the store, beside the document. */
export interface StoredParts {
  hiddenIdeas: Idea[];
  votes: Ballot[];
  voteTotals: Record<string, number>;
  moderation: ModerationBackup;
  pollAnswers: BackedUpPollAnswer[];
  pollDrafts: Poll[];
}

export async function buildBackup(snapshot: BoardSnapshot, stored: StoredParts): Promise<Buffer> {
  if (!snapshot.update) throw new Error('a backup needs the document update');
  const pacer = new Pacer();
  const backup: BoardBackup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    exportedAt: new Date(snapshot.takenAt).toISOString(),
    board: snapshot.board,
    document: { encoding: BACKUP_DOCUMENT_ENCODING, update: Buffer.from(snapshot.update).toString('base64') },
    view: {
      settings: snapshot.settings,
      workshop: snapshot.workshop,
      ideas: snapshot.ideas,
      clusters: snapshot.clusters,
      history: snapshot.history,
      voteTotals: sortedRecord(snapshot.voteTotals),
      statuses: snapshot.statuses,
      initiatives: snapshot.initiatives,
      comments: snapshot.comments,
      reactions: snapshot.reactions,
      removed: snapshot.removed,
    },
    store: {
      hiddenIdeas: [...stored.hiddenIdeas].sort(compareIdeas),
      votes: [...stored.votes].sort(compareBallots),
      voteTotals: sortedRecord(stored.voteTotals),
      moderation: stored.moderation,
      pollAnswers: stored.pollAnswers,
      pollDrafts: stored.pollDrafts,
    },
  };
  // JSON.stringify of 10,000 ideas (or of a long audit log) is one blocking call: the long
  // lists are serialised in paced slices, each put in place of a random placeholder string
  // that no board content can contain.
  const slices: Array<[marker: string, json: string]> = [];
  const sliced = async (items: readonly unknown[]): Promise<string> => {
    const parts: string[] = [];
    for (const item of items) {
      parts.push(JSON.stringify(item));
      await pacer.step();
    }
    const marker = `slice-${randomUUID()}`;
    slices.push([JSON.stringify(marker), `[${parts.join(',')}]`]);
    return marker;
  };
  const { view, store } = backup;
  const shell = JSON.stringify({
    ...backup,
    view: { ...view, ideas: await sliced(view.ideas), comments: await sliced(view.comments) },
    store: { ...store, moderation: { ...store.moderation, queue: await sliced(store.moderation.queue), audit: await sliced(store.moderation.audit) } },
  });
  let json = shell;
  for (const [marker, list] of slices) {
    const at = json.indexOf(marker);
    json = `${json.slice(0, at)}${list}${json.slice(at + marker.length)}`;
  }
  return Buffer.from(json, 'utf8');
}
