import type { Cluster, Idea } from '../../shared';
import { layoutGroup } from '../clusters/clusters';

/** One column-head on the wall: a cluster, a group, or the ideas in no cluster. */
export interface WallBlock {
  key: string;
  kind: 'cluster' | 'loose' | 'group';
  /** Null: the loose ideas of a wall without clusters need no heading. */
  heading: string | null;
  /** Every idea in the block, also those the wall leaves out for room. */
  count: number;
  /** The block's vote total, or null while totals are not to be shown. */
  votes: number | null;
  ideas: Idea[];
}

/**
 * How many notes the wall renders at most. It pages through them calmly; beyond this the
 * room cannot read them anyway, and the count says how many there are.
 */
export const WALL_LIMIT = 240;

/** The newest `limit` ideas, in their board order (a live wall must show what was just written). */
export function newestInOrder(ideas: readonly Idea[], limit: number): Idea[] {
  if (ideas.length <= limit) return [...ideas];
  // Newest first; among ideas of the same millisecond (a bulk import), the later in board order.
  const ranked = ideas.map((idea, at) => ({ idea, at })).sort((a, b) => b.idea.createdAt - a.idea.createdAt || b.at - a.at);
  const keep = new Set(ranked.slice(0, limit).map((r) => r.idea.id));
  return ideas.filter((i) => keep.has(i.id));
}

interface Options {
  clusters: readonly Cluster[];
  results: boolean;
  totals: Readonly<Record<string, number>>;
  votesShown: boolean;
  looseLabel: string;
}

/** The focus question's ideas as blocks: its clusters (with ideas), then the loose ideas. */
export function clusterBlocks(ideas: readonly Idea[], { clusters, results, totals, votesShown, looseLabel }: Options): WallBlock[] {
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

/** Shares the wall's note budget between blocks, in order, so every block shows its first notes. */
export function capBlocks(blocks: WallBlock[], limit = WALL_LIMIT): WallBlock[] {
  const total = blocks.reduce((n, b) => n + b.ideas.length, 0);
  if (total <= limit) return blocks;
  const share = Math.max(12, Math.floor(limit / Math.max(1, blocks.length)));
  return blocks.map((b) => ({ ...b, ideas: newestInOrder(b.ideas, share) }));
}
