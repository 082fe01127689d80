import type { Idea } from '../../shared';
import type { BoardAccess, BoardRecord, SessionRecord } from './board-access';
import type { BoardStore } from './board-store';
import type { Cluster } from './cluster';
import type { DocumentLog, StoredDocument } from './document-log';
import type { Ballot, CastVoteResult, DotVotes, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally } from './dot-votes';
import type { FeatureRecords, StoredRecord } from './feature-records';

/** One implementation of each interface, on one database. */
export interface StoreParts {
  documents: DocumentLog;
  access: BoardAccess;
  votes: DotVotes;
  records: FeatureRecords;
}

/**
 * A BoardStore made of its parts: every call of an interface goes to that interface's part.
 * A store (embedded, Redis) builds the parts on its database and adds what is the whole
 * store's own: its kind and cluster, purging, ping and close.
 */
export abstract class ComposedStore implements BoardStore {
  abstract readonly kind: BoardStore['kind'];
  abstract readonly cluster: Cluster | null;

  protected constructor(private readonly parts: StoreParts) {}

  // DocumentLog
  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> { return this.parts.documents.appendUpdate(docName, update); }
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> { return this.parts.documents.appendUpdates(docName, updates); }
  loadDocument(docName: string): Promise<StoredDocument> { return this.parts.documents.loadDocument(docName); }
  compactDocument(docName: string): Promise<{ compacted: number }> { return this.parts.documents.compactDocument(docName); }
  deleteDocument(docName: string): Promise<void> { return this.parts.documents.deleteDocument(docName); }
  claimClientId(docName: string, clientId: number, principalId: string): Promise<string> { return this.parts.documents.claimClientId(docName, clientId, principalId); }

  // BoardAccess
  createBoard(board: BoardRecord): Promise<void> { return this.parts.access.createBoard(board); }
  getBoard(boardId: string): Promise<BoardRecord | null> { return this.parts.access.getBoard(boardId); }
  putSession(tokenHash: string, session: SessionRecord): Promise<void> { return this.parts.access.putSession(tokenHash, session); }
  getSession(tokenHash: string): Promise<SessionRecord | null> { return this.parts.access.getSession(tokenHash); }
  listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> { return this.parts.access.listSessions(); }
  deleteSessions(tokenHashes: string[]): Promise<number> { return this.parts.access.deleteSessions(tokenHashes); }
  claimJoinCode(code: string, boardId: string): Promise<boolean> { return this.parts.access.claimJoinCode(code, boardId); }
  findJoinCode(code: string): Promise<string | null> { return this.parts.access.findJoinCode(code); }

  // DotVotes
  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> { return this.parts.votes.castVote(boardId, participantId, ideaId, rule); }
  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> { return this.parts.votes.retractVote(boardId, participantId, ideaId, scope); }
  getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> { return this.parts.votes.getVotes(boardId, participantId, scope); }
  voteTotals(boardId: string): Promise<Record<string, number>> { return this.parts.votes.voteTotals(boardId); }
  listVotes(boardId: string): Promise<Ballot[]> { return this.parts.votes.listVotes(boardId); }
  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> { return this.parts.votes.mergeVotes(boardId, targetId, sourceIds, rule); }
  clearVotes(boardId: string, which: VoteSelection): Promise<void> { return this.parts.votes.clearVotes(boardId, which); }

  // FeatureRecords
  putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> { return this.parts.records.putHiddenIdea(boardId, idea); }
  listHiddenIdeas(boardId: string): Promise<Idea[]> { return this.parts.records.listHiddenIdeas(boardId); }
  getHiddenIdeas(boardId: string, ideaIds: readonly string[]): Promise<Idea[]> { return this.parts.records.getHiddenIdeas(boardId, ideaIds); }
  deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> { return this.parts.records.deleteHiddenIdeas(boardId, ideaIds); }
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> { return this.parts.records.insertRecord(space, key, value); }
  getRecord(space: string, key: string): Promise<string | null> { return this.parts.records.getRecord(space, key); }
  listRecords(space: string): Promise<StoredRecord[]> { return this.parts.records.listRecords(space); }
  putRecord(space: string, key: string, value: string): Promise<void> { return this.parts.records.putRecord(space, key, value); }
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> { return this.parts.records.replaceRecord(space, key, expected, next); }
  deleteRecords(space: string, keys: string[]): Promise<number> { return this.parts.records.deleteRecords(space, keys); }

  abstract purgeDeleted(): Promise<void>;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
