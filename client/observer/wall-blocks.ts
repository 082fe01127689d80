import type { BoardSettings, Cluster, Grouping } from '../../shared';
import { indexedGroups, type GroupId } from '../board/grouping';
import { layoutGroup } from '../clusters/clusters';
import type { IdeaIndex, Member } from '../state/idea-index';
import { rankByVotes } from '../voting/ranking';

// The focus question's ideas are chosen as the phones' results list chooses them (voting/ranking.ts).
export { focusMembers } from '../voting/ranking';

/** A note's place in the ranking on the wall (the results with totals shown). */
export interface WallPlace {
  rank: number;
  shared: boolean;
  votes: number;
  /** The name of the idea's cluster, shown as a tag on the note; null without one. */
  cluster: string | null;
}

/**
 * One column-head on the wall: a cluster, a group, or the ideas in no cluster; or the
 * ranking, the results in vote order. Its ideas are the index's members
 * (state/idea-index.ts); the wall reads each note's idea by id.
 */
export interface WallBlock {
  key: string;
  kind: 'cluster' | 'loose' | 'group' | 'ranking';
  /** Null: the loose ideas of a wall without clusters need no heading. */
  heading: string | null;
  /** Every idea in the block, also those the wall leaves out for room. */
  count: number;
  /** The block's vote total, or null while totals are not to be shown. */
  votes: number | null;
  ideas: readonly Member[];
  /** The ranking only: each shown idea's place, beside `ideas`. */
  places?: readonly WallPlace[];
}

/**
 * How many notes the wall renders at most. It pages through them calmly; beyond this the
 * room cannot read them anyway, and the count says how many there are. At the densest
 * step (text still ~22 px at 1920 × 1080) a page holds some 30–45 notes, so this is three
 * or four pages, a minute's round: 240 made nine pages, over two minutes a round, and
 * nobody in the room saw the first page again before they had forgotten it.
 */
export const WALL_LIMIT = 120;

/**
 * The newest `limit` ideas, in their board order (a live wall must show what was just
 * written). Among ideas of the same millisecond (a bulk import), the later in board order.
 * Finds the cut-off time on a sorted copy of the times alone, so a 10,000-idea group costs
 * one numeric sort, not a sort of objects.
 */
export function newestInOrder<T extends Pick<Member, 'createdAt'>>(ideas: readonly T[], limit: number): T[] {
  if (ideas.length <= limit) return [...ideas];
  if (limit <= 0) return [];
  const times = Float64Array.from(ideas, (idea) => idea.createdAt).sort();
  const cutoff = times[ideas.length - limit] as number;
  // Ideas newer than the cut-off all stay; of those exactly at it, the last ones in board order.
  let newer = 0;
  for (const idea of ideas) if (idea.createdAt > cutoff) newer += 1;
  let atCutoff = limit - newer;
  const keep = new Array<boolean>(ideas.length).fill(false);
  for (let i = ideas.length - 1; i >= 0; i--) {
    const at = (ideas[i] as T).createdAt;
    if (at > cutoff) keep[i] = true;
    else if (at === cutoff && atCutoff > 0) {
      keep[i] = true;
      atCutoff -= 1;
    }
  }
  return ideas.filter((_, i) => keep[i]);
}

interface Options {
  clusters: readonly Cluster[];
  results: boolean;
  totals: Readonly<Record<string, number>>;
  votesShown: boolean;
  looseLabel: string;
}

/** The focus question's ideas as blocks: its clusters (with ideas), then the loose ideas. */
export function clusterBlocks(ideas: readonly Member[], { clusters, results, totals, votesShown, looseLabel }: Options): WallBlock[] {
  const layout = layoutGroup(ideas, { clusters, emptyHere: [], results, totals });
  const blocks: WallBlock[] = layout.blocks.map((b) => ({
    key: b.cluster.id,
    kind: 'cluster',
    heading: b.cluster.name,
    count: b.ideas.length,
    votes: votesShown ? b.votes : null,
    ideas: b.ideas,
  }));
  if (layout.loose.length > 0) {
    blocks.push({
      key: 'loose',
      kind: 'loose',
      heading: blocks.length > 0 ? looseLabel : null,
      count: layout.loose.length,
      votes: null,
      ideas: layout.loose,
    });
  }
  return blocks;
}

/**
 * The board's non-empty groups as blocks, straight from the index: a group an edit did not
 * touch keeps its members array, and its capped selection is remembered (below).
 */
export function groupBlocks(index: IdeaIndex, grouping: Grouping, settings: BoardSettings | null, label: (id: GroupId) => string): WallBlock[] {
  return indexedGroups(index, grouping, settings)
    .filter((g) => g.ideas.length > 0)
    .map((g) => ({ key: g.key, kind: 'group' as const, heading: label(g.id), count: g.ideas.length, votes: null, ideas: g.ideas }));
}

/**
 * Capped selections by members array and share: a change regroups only the groups it
 * touched (the index keeps the others' arrays), so only those are cut again. Weak: an old
 * version of a group is forgotten with it.
 */
const capped = new WeakMap<readonly Member[], Map<number, readonly Member[]>>();

function newestCached(ideas: readonly Member[], share: number): readonly Member[] {
  let byShare = capped.get(ideas);
  if (!byShare) capped.set(ideas, (byShare = new Map()));
  let hit = byShare.get(share);
  if (!hit) byShare.set(share, (hit = newestInOrder(ideas, share)));
  return hit;
}

/** Shares the wall's note budget between blocks, in order, so every block shows its first notes. */
export function capBlocks(blocks: WallBlock[], limit = WALL_LIMIT): WallBlock[] {
  const total = blocks.reduce((n, b) => n + b.ideas.length, 0);
  if (total <= limit) return blocks;
  const share = Math.max(12, Math.floor(limit / Math.max(1, blocks.length)));
  return blocks.map((b) => ({ ...b, ideas: newestCached(b.ideas, share) }));
}

interface RankingOptions {
  clusters: readonly Cluster[];
  totals: Readonly<Record<string, number>>;
  /** The ideas to show of those ranked (one cluster's, say); their ranks stay those among all. */
  shown?: (member: Member) => boolean;
  limit?: number;
}

/**
 * The results as one block in vote order, most first, with each idea's rank (among all the
 * ranked ideas) and its cluster's name. A wall of more than `limit` shows the top of the
 * ranking, not the newest: the rest have the fewest votes, and the foot says how many.
 */
export function rankingBlock(ideas: readonly Member[], { clusters, totals, shown, limit = WALL_LIMIT }: RankingOptions): WallBlock {
  const names = new Map<string, string>();
  for (const c of clusters) if (!names.has(c.id)) names.set(c.id, c.name); // the first, as clusterOf finds
  const ranked = rankByVotes(ideas, totals).filter((entry) => !shown || shown(entry.idea));
  const top = ranked.slice(0, Math.max(0, limit));
  return {
    key: 'ranking',
    kind: 'ranking',
    heading: null,
    count: ranked.length,
    votes: null,
    ideas: top.map((entry) => entry.idea),
    places: top.map((entry) => ({
      rank: entry.rank,
      shared: entry.shared,
      votes: entry.votes,
      cluster: entry.idea.clusterId === null ? null : (names.get(entry.idea.clusterId) ?? null),
    })),
  };
}
