import type {
  Ballot, CastVoteResult, DotVotes, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally,
} from '../dot-votes';
import { ballotsOf, decodeCounts, tallyOf } from '../vote-book';
import type { RedisContext } from './connection';
import { CAST_VOTE, CLEAR_VOTES, MERGE_VOTES, RETRACT_VOTE } from './vote-scripts';

/** A vote script's tally: JSON (from Lua's cjson, where an empty table is `{}`). */
function tallyFromJson(json: string): VoteTally {
  const votes = decodeCounts(json);
  let used = 0;
  for (const count of Object.values(votes)) used += count;
  return { votes, used };
}

/**
 * The Redis store's dot votes, two hashes per board (<p> = key prefix):
 *   <p>votes:<boardId>         HASH participant id -> JSON { "<scope>/<ideaId>": count }
 *   <p>votetotals:<boardId>    HASH idea id -> total votes
 * Every change runs in one script (vote-scripts.ts), atomic across processes.
 */
export class RedisVotes implements DotVotes {
  constructor(private readonly redis: RedisContext) {}

  async castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> {
    const args = [participantId, ideaId, rule.scope, String(rule.budget), String(rule.maxPerIdea)];
    const [code, json, total] = (await this.redis.runText(CAST_VOTE, this.voteKeys(boardId), args)) as [number, string, number];
    const outcome = code === 1 ? 'cast' : code === -1 ? 'budget' : 'maxPerIdea';
    return { outcome, mine: tallyFromJson(json), total: Number(total) };
  }

  async retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> {
    const [code, json, total] = (await this.redis.runText(RETRACT_VOTE, this.voteKeys(boardId), [participantId, ideaId, scope])) as [number, string, number];
    return { outcome: code === 1 ? 'retracted' : 'none', mine: tallyFromJson(json), total: Number(total) };
  }

  async getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> {
    const raw = await this.redis.client.hGet(this.redis.key(`votes:${boardId}`), participantId);
    return tallyOf(raw ? decodeCounts(raw) : undefined, scope);
  }

  async voteTotals(boardId: string): Promise<Record<string, number>> {
    const all = await this.redis.client.hGetAll(this.redis.key(`votetotals:${boardId}`));
    const totals = Object.create(null) as Record<string, number>; // ids may be "__proto__"
    for (const [id, count] of Object.entries(all)) if (Number(count) > 0) totals[id] = Number(count);
    return totals;
  }

  async listVotes(boardId: string): Promise<Ballot[]> {
    const all = await this.redis.client.hGetAll(this.redis.key(`votes:${boardId}`));
    const participants = Object.create(null) as Record<string, Record<string, number>>; // ids may be "__proto__"
    for (const [participantId, json] of Object.entries(all)) participants[participantId] = decodeCounts(json);
    return ballotsOf(participants);
  }

  async mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> {
    const args = [targetId, rule.scope, String(rule.budget), String(rule.maxPerIdea), ...sourceIds];
    const [total, moved, refunded] = (await this.redis.runText(MERGE_VOTES, this.voteKeys(boardId), args)) as number[];
    return { total: Number(total), moved: Number(moved), refunded: Number(refunded) };
  }

  async clearVotes(boardId: string, which: VoteSelection): Promise<void> {
    const args = 'all' in which ? ['all'] : 'scope' in which ? ['scope', which.scope] : ['ideas', ...which.ideaIds];
    await this.redis.runText(CLEAR_VOTES, this.voteKeys(boardId), args);
  }

  private voteKeys(boardId: string): string[] {
    return [this.redis.key(`votes:${boardId}`), this.redis.key(`votetotals:${boardId}`)];
  }
}
