import { ClassicLevel } from 'classic-level';
import type { Idea } from '../../shared';
import type { BoardRecord, SessionRecord } from './board-access';
import type { BoardStore } from './board-store';
import type { StoredDocument } from './document-log';
import type { Ballot, CastVoteResult, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally } from './dot-votes';
import type { StoredRecord } from './feature-records';
import { EmbeddedAccess } from './embedded/access';
import { EmbeddedDocumentLog } from './embedded/document-log';
import { KeyLocks, type Db } from './embedded/level';
import { EmbeddedPurge } from './embedded/purge';
import { EmbeddedRecords } from './embedded/records';
import { EmbeddedVotes } from './embedded/votes';

/**
 * BoardStore on an embedded LevelDB (classic-level), for single-node deployments: one part
 * per interface (embedded/), on one database. Single-process by design: LevelDB takes an
 * exclusive lock on its directory, so all coordination uses in-process queues and locks
 * (KeyLocks, shared by the parts so close() waits for every locked write), and there is no
 * cluster.
 *
 * Layout (values are raw bytes; records are UTF-8 JSON):
 *   board:<id>                      BoardRecord                       embedded/access.ts
 *   session:<tokenHash>             SessionRecord                     embedded/access.ts
 *   joincode:<code>                 board id (UTF-8)                  embedded/access.ts
 *   doc:<name>:…                    a Yjs document                    embedded/document-log.ts
 *   votes:<boardId>                 the board's VoteBook (JSON)       embedded/votes.ts
 *   hidden:<boardId>:<ideaId>       a hidden idea (silent writing)    embedded/records.ts
 *   record:<space>:<key>            a feature record (UTF-8)          embedded/records.ts
 */
export class EmbeddedStore implements BoardStore {
  readonly kind = 'embedded' as const;
  readonly cluster = null;
  private readonly locks = new KeyLocks();
  private readonly documents: EmbeddedDocumentLog;
  private readonly access: EmbeddedAccess;
  private readonly votes: EmbeddedVotes;
  private readonly records: EmbeddedRecords;
  private readonly purge: EmbeddedPurge;

  private constructor(private readonly db: Db) {
    this.documents = new EmbeddedDocumentLog(db, this.locks);
    this.access = new EmbeddedAccess(db, this.locks);
    this.votes = new EmbeddedVotes(db);
    this.records = new EmbeddedRecords(db, this.locks);
    this.purge = new EmbeddedPurge(db);
  }

  static async open(dir: string): Promise<EmbeddedStore> {
    const db: Db = new ClassicLevel<string, Uint8Array>(dir, { valueEncoding: 'view' });
    await db.open();
    return new EmbeddedStore(db);
  }

  // DocumentLog
  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> { return this.documents.appendUpdate(docName, update); }
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> { return this.documents.appendUpdates(docName, updates); }
  loadDocument(docName: string): Promise<StoredDocument> { return this.documents.loadDocument(docName); }
  compactDocument(docName: string): Promise<{ compacted: number }> { return this.documents.compactDocument(docName); }
  deleteDocument(docName: string): Promise<void> { return this.documents.deleteDocument(docName); }
  claimClientId(docName: string, clientId: number, principalId: string): Promise<string> { return this.documents.claimClientId(docName, clientId, principalId); }

  // BoardAccess
  createBoard(board: BoardRecord): Promise<void> { return this.access.createBoard(board); }
  getBoard(boardId: string): Promise<BoardRecord | null> { return this.access.getBoard(boardId); }
  putSession(tokenHash: string, session: SessionRecord): Promise<void> { return this.access.putSession(tokenHash, session); }
  getSession(tokenHash: string): Promise<SessionRecord | null> { return this.access.getSession(tokenHash); }
  listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> { return this.access.listSessions(); }
  deleteSessions(tokenHashes: string[]): Promise<number> { return this.access.deleteSessions(tokenHashes); }
  claimJoinCode(code: string, boardId: string): Promise<boolean> { return this.access.claimJoinCode(code, boardId); }
  findJoinCode(code: string): Promise<string | null> { return this.access.findJoinCode(code); }

  // DotVotes
  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> { return this.votes.castVote(boardId, participantId, ideaId, rule); }
  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> { return this.votes.retractVote(boardId, participantId, ideaId, scope); }
  getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> { return this.votes.getVotes(boardId, participantId, scope); }
  voteTotals(boardId: string): Promise<Record<string, number>> { return this.votes.voteTotals(boardId); }
  listVotes(boardId: string): Promise<Ballot[]> { return this.votes.listVotes(boardId); }
  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> { return this.votes.mergeVotes(boardId, targetId, sourceIds, rule); }
  clearVotes(boardId: string, which: VoteSelection): Promise<void> { return this.votes.clearVotes(boardId, which); }

  // FeatureRecords
  putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> { return this.records.putHiddenIdea(boardId, idea); }
  listHiddenIdeas(boardId: string): Promise<Idea[]> { return this.records.listHiddenIdeas(boardId); }
  deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> { return this.records.deleteHiddenIdeas(boardId, ideaIds); }
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> { return this.records.insertRecord(space, key, value); }
  getRecord(space: string, key: string): Promise<string | null> { return this.records.getRecord(space, key); }
  listRecords(space: string): Promise<StoredRecord[]> { return this.records.listRecords(space); }
  putRecord(space: string, key: string, value: string): Promise<void> { return this.records.putRecord(space, key, value); }
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> { return this.records.replaceRecord(space, key, expected, next); }
  deleteRecords(space: string, keys: string[]): Promise<number> { return this.records.deleteRecords(space, keys); }

  purgeDeleted(): Promise<void> { return this.purge.purge(); }

  async ping(): Promise<void> {
    if (this.db.status !== 'open') throw new Error(`embedded store is ${this.db.status}`);
  }

  async close(): Promise<void> {
    // Let queued appends and commits finish so nothing acknowledged-in-flight is cut off.
    await this.documents.idle();
    await this.votes.idle();
    await this.locks.idle();
    await this.db.close();
  }
}
