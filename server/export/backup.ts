import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  LIMITS,
  PROTOCOL_VERSION,
  idSchema,
  ideaSchema,
  templateIdSchema,
  type BoardSettings,
  type Cluster,
  type Idea,
  type IdeaHistory,
  type WorkshopState,
} from '../../shared';
import type { Ballot } from '../store/board-store';
import { Pacer } from './pacing';
import { compareIdeas, idRecord, type BoardMeta, type BoardSnapshot } from './snapshot';

export const BACKUP_FORMAT = 'samskab-board-backup';
/** Bumped on any change a restore of an older server could not read. */
export const BACKUP_FORMAT_VERSION = 1;
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
  };
  /** What lives in the store beside the document. */
  store: {
    /** Silent writing: ideas submitted but not revealed yet, oldest first. */
    hiddenIdeas: Idea[];
    /** Every participant's dot votes (by pseudonymous participant id), sorted. */
    votes: Ballot[];
    /** idea id → total votes counted in the store (revealed or not). */
    voteTotals: Record<string, number>;
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

export async function buildBackup(
  snapshot: BoardSnapshot,
  stored: { hiddenIdeas: Idea[]; votes: Ballot[]; voteTotals: Record<string, number> },
): Promise<Buffer> {
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
    },
    store: {
      hiddenIdeas: [...stored.hiddenIdeas].sort(compareIdeas),
      votes: [...stored.votes].sort(compareBallots),
      voteTotals: sortedRecord(stored.voteTotals),
    },
  };
  // JSON.stringify of 10,000 ideas is one blocking call; serialise the ideas in slices.
  const ideaJson: string[] = [];
  for (const idea of snapshot.ideas) {
    ideaJson.push(JSON.stringify(idea));
    await pacer.step();
  }
  // A random placeholder no board content can contain, replaced by the ideas' JSON.
  const marker = JSON.stringify(`ideas-${randomUUID()}`);
  const shell = JSON.stringify({ ...backup, view: { ...backup.view, ideas: JSON.parse(marker) as string } });
  const at = shell.indexOf(marker);
  const json = `${shell.slice(0, at)}[${ideaJson.join(',')}]${shell.slice(at + marker.length)}`;
  return Buffer.from(json, 'utf8');
}

/** Most votes a restore re-casts (each vote is a store operation), and most ballots it reads. */
export const MAX_RESTORED_VOTES = 500_000;
const MAX_BALLOTS = 200_000;

const ballotSchema = z
  .object({
    participantId: z.string().min(1).max(200),
    scope: z.union([z.literal(''), idSchema]),
    ideaId: idSchema,
    count: z.number().int().min(1).max(LIMITS.votesMax),
  })
  .strict();

/**
 * What a restore reads. `view` (and the vote totals, which follow from the ballots) are
 * not trusted or needed: the document and the store parts are the backup.
 */
export const backupRequestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    protocolVersion: z.number().int().optional(),
    exportedAt: z.string().max(64).optional(),
    board: z
      .object({
        id: z.string().max(64).optional(),
        createdAt: z.number().optional(),
        template: templateIdSchema,
        title: z.string().max(LIMITS.boardTitle * 2).optional(),
      })
      .strict(),
    document: z
      .object({
        encoding: z.literal(BACKUP_DOCUMENT_ENCODING),
        update: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
    view: z.unknown().optional(),
    store: z
      .object({
        hiddenIdeas: z.array(ideaSchema).max(LIMITS.ideasPerBoard),
        votes: z.array(ballotSchema).max(MAX_BALLOTS),
        voteTotals: z.unknown().optional(),
      })
      .strict(),
  })
  .strict();
export type BackupRequest = z.infer<typeof backupRequestSchema>;
