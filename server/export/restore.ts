import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { randomId, type CreateBoardResponse, type ErrorCode } from '../../shared';
import { hashToken, newToken } from '../auth/tokens';
import { ServiceError } from '../boards/service-error';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import { docNameOf } from '../realtime/room-registry';
import type { BoardRecord, BoardStore } from '../store/board-store';
import { writeWorkshop } from '../workshop/context';
import { claimNewJoinCode } from '../workshop/join-codes';
import { checkBackup, type CheckedBackup } from './restore-check';

/**
 * The Yjs client ids of a restored document belong to people of the old board, who have no
 * session on the new one: they are claimed for this principal (never a session's, which
 * are `<role>:<participantId>`), so nobody can write structs in their name.
 */
const RESTORED_PRINCIPAL = 'restored';
/** Store operations issued at once while restoring (claims, hidden ideas, votes). */
const BATCH = 1000;
/** A budget no restored participant reaches: their votes are re-cast exactly as they were. */
const NO_LIMIT = 1_000_000_000;

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await Promise.all(items.slice(i, i + BATCH).map(run));
}

/**
 * Restores a backup (the raw JSON body) into a NEW board: a new id, new capability tokens
 * and a new join code (codes are unique per installation, and the original board keeps its
 * own); the document applied as the server's write, hidden ideas and every participant's
 * votes put back in the store. Everything is checked, off the main thread, before anything
 * is written.
 */
export async function restoreBoard(
  deps: { store: BoardStore; rooms: RoomRegistry; log: Logger },
  body: Uint8Array | undefined,
  publicBase: string,
): Promise<CreateBoardResponse> {
  const backup = await checkBackupOffThread(body);
  const { store, rooms } = deps;
  const tokens = { facilitator: newToken(), participant: newToken(), observer: newToken() };
  const boardId = randomId(12);
  const record: BoardRecord = {
    id: boardId,
    createdAt: Date.now(),
    template: backup.template,
    title: backup.title,
    tokenHashes: {
      facilitator: hashToken(tokens.facilitator),
      participant: hashToken(tokens.participant),
      observer: hashToken(tokens.observer),
    },
  };
  await store.createBoard(record);
  const docName = docNameOf(boardId);
  // Before the room loads, so the server's own client id can never be one of them.
  await inBatches(backup.clientIds, (clientId) => store.claimClientId(docName, clientId, RESTORED_PRINCIPAL));
  const joinCode = await claimNewJoinCode(store, boardId);
  await inBatches(backup.hiddenIdeas, (idea) => store.putHiddenIdea(boardId, idea));
  const casts = backup.votes.flatMap((ballot) => Array.from({ length: ballot.count }, () => ballot));
  await inBatches(casts, async (ballot) => {
    const result = await store.castVote(boardId, ballot.participantId, ballot.ideaId, { scope: ballot.scope, budget: NO_LIMIT, maxPerIdea: NO_LIMIT });
    if (result.outcome !== 'cast') throw new Error(`restoring a vote failed: ${result.outcome}`);
  });
  await rooms.withRoom(boardId, async (room) => {
    // Two writes: Yjs marks a transaction that applies an update as remote, and the
    // server's own write of the join code inside it would make Yjs change the room's
    // (claimed) client id. Nobody can be on the board in between: its tokens are not out yet.
    await room.writeAsServer((roomDoc) => Y.applyUpdate(roomDoc, backup.update));
    await room.writeAsServer((roomDoc) => writeWorkshop(roomDoc, { joinCode }));
  });
  deps.log.info({ boardId, ideas: backup.ideaCount, hidden: backup.hiddenIdeas.length, votes: backup.voteCount }, 'board restored from a backup');

  const base = `${publicBase}/b/${boardId}`;
  return {
    boardId,
    title: backup.title,
    tokens,
    links: {
      facilitator: `${base}#k=${tokens.facilitator}`,
      participant: `${base}#k=${tokens.participant}`,
      observer: `${base}/screen#k=${tokens.observer}`,
    },
  };
}

/**
 * checkBackup on a worker thread; on the main thread (paced) if no worker can be started.
 * The body's bytes are copied and moved to the worker, the checked document moved back.
 */
async function checkBackupOffThread(body: Uint8Array | undefined): Promise<CheckedBackup> {
  const worker = checkWorker();
  if (!worker) return checkBackup(body, { paced: true });
  return worker.run(body);
}

let shared: CheckWorker | null | undefined;

function checkWorker(): CheckWorker | null {
  if (shared === undefined) {
    try {
      shared = new CheckWorker();
    } catch {
      shared = null;
    }
  }
  return shared;
}

type Reply = { id: number; checked: CheckedBackup } | { id: number; error: { code?: ErrorCode; message: string; status?: number } };

interface Job {
  body: Uint8Array | undefined;
  resolve(checked: CheckedBackup): void;
  reject(error: Error): void;
}

/** One long-lived worker, jobs in order; it does not keep the process alive when idle. */
class CheckWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  constructor() {
    // TypeScript like the rest of the server: load it through tsx (as the compaction worker).
    this.worker = new Worker(new URL('./restore-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const job = this.jobs.get(reply.id);
      this.jobs.delete(reply.id);
      if (this.jobs.size === 0) this.worker.unref();
      if (!job) return;
      if ('checked' in reply) job.resolve(reply.checked);
      else if (reply.error.code) job.reject(new ServiceError(reply.error.code, reply.error.message, reply.error.status));
      else job.reject(new Error(reply.error.message));
    });
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
  }

  run(body: Uint8Array | undefined): Promise<CheckedBackup> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { body, resolve, reject });
      // A copy the worker may own (Express's buffer can be a slice of a shared pool).
      const copy = body === undefined ? undefined : new Uint8Array(body);
      this.worker.postMessage({ id, body: copy }, copy ? [copy.buffer] : []);
    });
  }

  /** The worker died (or never started): check what was waiting on the main thread instead. */
  private fallBack(): void {
    if (shared === this) shared = undefined; // start a new one next time
    for (const job of this.jobs.values()) checkBackup(job.body, { paced: true }).then(job.resolve, job.reject);
    this.jobs.clear();
  }
}
