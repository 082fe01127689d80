import { Worker } from 'node:worker_threads';
import { randomId, type CreateBoardResponse, type ErrorCode } from '../../shared';
import { hashToken, newToken } from '../core/tokens';
import { ServiceError } from '../core/errors';
import type { Logger } from '../log';
import { docNameOf } from '../core/rooms';
import type { BoardRecord, BoardStore } from '../store/board-store';
import { claimNewJoinCode } from '../boards';
import { moderationRecords } from './moderation-backup';
import { pollAnswerRecords, pollDraftRecords } from './poll-backup';
import { checkBackup, joinCodeUpdate, type CheckedBackup } from './restore-check';
import type { RestoreJob } from './restore-worker';

/**
 * The Yjs client ids of a restored document belong to people of the old board, who have no
 * session on the new one: they are claimed for this principal (never a session's, which
 * are `<role>:<participantId>`), so nobody can write structs in their name.
 */
const RESTORED_PRINCIPAL = 'restored';
/** What the board room claims its own client id for (board-room.ts). */
const SERVER_PRINCIPAL = 'server';
/** Store operations issued at once while restoring (claims, hidden ideas, votes, records). */
const BATCH = 1000;
/** A budget no restored participant reaches: their votes are re-cast exactly as they were. */
const NO_LIMIT = 1_000_000_000;

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await Promise.all(items.slice(i, i + BATCH).map(run));
}

/** A Yjs client id of the new board's server: not one of the document's, and claimed. */
async function claimServerClientId(store: BoardStore, docName: string, taken: ReadonlySet<number>): Promise<number> {
  for (;;) {
    const clientId = Math.floor(Math.random() * 2 ** 31);
    if (taken.has(clientId)) continue;
    if ((await store.claimClientId(docName, clientId, SERVER_PRINCIPAL)) === SERVER_PRINCIPAL) return clientId;
  }
}

/**
 * Restores a backup (the raw JSON body) into a NEW board: a new id, new capability tokens
 * and a new join code (codes are unique per installation, and the original board keeps its
 * own); the document stored as the server's, hidden ideas, every participant's votes and
 * the moderation records (queue, moderator-hidden ideas, revisions, audit log, in the new
 * board's spaces) put back in the store. Everything is checked before anything is written.
 *
 * The heavy work (parsing, decoding and checking the document, writing the join code into
 * it) runs on a worker thread, and the document goes straight into the store: the board is
 * loaded when someone first opens it, like any board after a restart. So a restore of a
 * 10,000-idea board does not stall the people working on other boards.
 */
export async function restoreBoard(deps: { store: BoardStore; log: Logger }, body: Uint8Array | undefined, publicBase: string): Promise<CreateBoardResponse> {
  const backup = await restoreWorker().check(body);
  const { store } = deps;
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
  await inBatches(backup.clientIds, (clientId) => store.claimClientId(docName, clientId, RESTORED_PRINCIPAL));
  const serverClientId = await claimServerClientId(store, docName, new Set(backup.clientIds));
  const joinCode = await claimNewJoinCode(store, boardId);
  await inBatches(backup.hiddenIdeas, (idea) => store.putHiddenIdea(boardId, idea));
  const casts = backup.votes.flatMap((ballot) => Array.from({ length: ballot.count }, () => ballot));
  await inBatches(casts, async (ballot) => {
    const result = await store.castVote(boardId, ballot.participantId, ballot.ideaId, { scope: ballot.scope, budget: NO_LIMIT, maxPerIdea: NO_LIMIT });
    if (result.outcome !== 'cast') throw new Error(`restoring a vote failed: ${result.outcome}`);
  });
  await inBatches(moderationRecords(boardId, backup.moderation), (record) => store.putRecord(record.space, record.key, record.value));
  await inBatches(pollAnswerRecords(boardId, backup.pollAnswers), (record) => store.putRecord(record.space, record.key, record.value));
  await inBatches(pollDraftRecords(boardId, backup.pollDrafts), (record) => store.putRecord(record.space, record.key, record.value));
  const joinCodeWrite = await restoreWorker().joinCode(backup.update, joinCode, serverClientId);
  // Nobody can open the board yet (its tokens are not out), so no room holds it: the
  // document is the store's, in the order a room would have written it.
  await store.appendUpdate(docName, backup.update);
  await store.appendUpdate(docName, joinCodeWrite);
  const { queue, audit } = backup.moderation;
  deps.log.info(
    { boardId, ideas: backup.ideaCount, hidden: backup.hiddenIdeas.length, votes: backup.voteCount, queue: queue.length, audit: audit.length },
    'board restored from a backup',
  );

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

type Reply = { id: number; result: CheckedBackup | Uint8Array } | { id: number; error: { code?: ErrorCode; message: string; status?: number } };

interface Job {
  /** What to run here if the worker dies first (with buffers that were not moved away). */
  message: RestoreJob;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** Runs a job where the worker would have (the fallback when no worker can run). */
async function runHere(job: RestoreJob): Promise<unknown> {
  if (job.kind === 'check') return checkBackup(job.body, { paced: true });
  return joinCodeUpdate(job.update, job.joinCode, job.clientId);
}

/**
 * One long-lived worker, jobs in order; it does not keep the process alive when idle. When
 * it cannot start or dies, jobs run on the main thread (paced where they can be).
 */
class RestoreWorker {
  private worker: Worker | null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  constructor() {
    try {
      // The worker is TypeScript; its plain-JavaScript entry loads it through tsx.
      this.worker = new Worker(new URL('./restore-worker-boot.mjs', import.meta.url));
    } catch {
      this.worker = null;
      return;
    }
    const worker = this.worker;
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.jobs.get(reply.id);
      this.jobs.delete(reply.id);
      if (this.jobs.size === 0) worker.unref();
      if (!job) return;
      if ('result' in reply) job.resolve(reply.result);
      else if (reply.error.code) job.reject(new ServiceError(reply.error.code, reply.error.message, reply.error.status));
      else job.reject(new Error(reply.error.message));
    });
    worker.on('error', () => this.fallBack());
    worker.on('exit', () => this.fallBack());
  }

  check(body: Uint8Array | undefined): Promise<CheckedBackup> {
    // A copy the worker may own (Express's buffer can be a slice of a shared pool).
    const copy = body === undefined ? undefined : new Uint8Array(body);
    const id = this.nextId++;
    return this.run({ id, kind: 'check', body: copy }, copy ? [copy.buffer as ArrayBuffer] : [], { id, kind: 'check', body }) as Promise<CheckedBackup>;
  }

  joinCode(update: Uint8Array, joinCode: string, clientId: number): Promise<Uint8Array> {
    const message: RestoreJob = { id: this.nextId++, kind: 'joinCode', update, joinCode, clientId };
    return this.run(message, [], message) as Promise<Uint8Array>;
  }

  private run(message: RestoreJob, transfer: ArrayBuffer[], fallback: RestoreJob): Promise<unknown> {
    if (!this.worker) return runHere(fallback);
    const worker = this.worker;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.jobs.set(message.id, { message: fallback, resolve, reject });
      worker.postMessage(message, transfer);
    });
  }

  /** The worker died: run what was waiting here, and start a new worker next time. */
  private fallBack(): void {
    this.worker = null;
    if (shared === this) shared = undefined;
    for (const job of this.jobs.values()) runHere(job.message).then(job.resolve, job.reject);
    this.jobs.clear();
  }
}

let shared: RestoreWorker | undefined;

function restoreWorker(): RestoreWorker {
  shared ??= new RestoreWorker();
  return shared;
}
