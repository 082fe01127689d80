import type { BoardSettings, Cluster, Grouping } from '../../shared';
import { comparePositions } from '../../shared/model/position';
import { indexedGroups, type GroupId } from '../board/grouping';
import { layoutGroup } from '../clusters/clusters';
import { EMPTY, type IdeaIndex, type Member } from '../state/idea-index';

/**
 * One column-head on the wall: a cluster, a group, or the ideas in no cluster. Its ideas
 * are the index's members (state/idea-index.ts); the wall reads each note's idea by id.
 */
export interface WallBlock {
  key: string;
  kind: 'cluster' | 'loose' | 'group';
  /** Null: the loose ideas of a wall without clusters need no heading. */
  heading: string | null;
  /** Every idea in the block, also those the wall leaves out for room. */
  count: number;
  /** The block's vote total, or null while totals are not to be shown. */
  votes: number | null;
  ideas: readonly Member[];
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

/** Every member of the focus question: its own, those with none, those of a removed question. */
export function focusMembers(index: IdeaIndex, settings: BoardSettings | null, focusId: string): readonly Member[] {
  const groups = indexedGroups(index, 'question', settings);
  const own = groups.find((g) => g.key === `question-${focusId}`)?.ideas ?? EMPTY;
  // The last group is "no question" (with removed questions' ideas folded in).
  const none = groups[groups.length - 1]?.ideas ?? EMPTY;
  return mergeSorted(own, none);
}

/** Two lists in board order as one, in one pass. */
function mergeSorted(a: readonly Member[], b: readonly Member[]): readonly Member[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Member[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(comparePositions(b[j] as Member, a[i] as Member) < 0 ? (b[j++] as Member) : (a[i++] as Member));
  while (i < a.length) out.push(a[i++] as Member);
  while (j < b.length) out.push(b[j++] as Member);
  return out;
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
