/**
 * Votes are budgeted per scope: the question the idea belonged to when the vote was cast
 * ('' for ideas without a question).
 */
export interface VoteRule {
  scope: string;
  budget: number;
  maxPerIdea: number;
}

/** Votes of one participant on one idea, cast in one scope (a backup's view of the vote book). */
export interface Ballot {
  participantId: string;
  /** The question the idea had when the votes were cast ('' for none). */
  scope: string;
  ideaId: string;
  count: number;
}

/** One participant's votes in one scope. */
export interface VoteTally {
  /** idea id → votes (only ideas with votes). */
  votes: Record<string, number>;
  used: number;
}

export interface CastVoteResult {
  outcome: 'cast' | 'budget' | 'maxPerIdea';
  mine: VoteTally;
  /** The idea's total after the call. */
  total: number;
}

export interface RetractVoteResult {
  outcome: 'retracted' | 'none';
  mine: VoteTally;
  total: number;
}

export interface MergeVotesResult {
  /** The target's total after the merge. */
  total: number;
  /** Votes moved onto the target, and votes given back to their participants' budgets. */
  moved: number;
  refunded: number;
}

export type VoteSelection = { all: true } | { scope: string } | { ideaIds: string[] };

/**
 * The dot votes of live workshops (server/workshop/voting.ts): per board, each participant's
 * votes per scope and idea, and each idea's total. Every change is checked against the
 * rule and counted atomically; the rules themselves are vote-book.ts's.
 */
export interface DotVotes {
  /**
   * One vote, checked and counted atomically (no two casts of one participant can both
   * pass the budget check): refused with 'budget' when the participant has used
   * `rule.budget` votes in `rule.scope`, with 'maxPerIdea' when they have that many on this idea.
   */
  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult>;
  /** Takes one of the participant's votes on the idea back ('none' when they had none). */
  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult>;
  getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally>;
  /** idea id → total votes (ideas without votes left out). */
  voteTotals(boardId: string): Promise<Record<string, number>>;
  /** Every participant's votes on the board, one entry per (participant, scope, idea); for backups. */
  listVotes(boardId: string): Promise<Ballot[]>;
  /** Moves every participant's votes on the sources to the target, atomically (see vote-book.ts). */
  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult>;
  /** Removes votes: all of them, those cast in one scope, or those on some ideas. */
  clearVotes(boardId: string, which: VoteSelection): Promise<void>;
}
