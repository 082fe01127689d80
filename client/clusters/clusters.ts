import type { Cluster, Grouping, Idea } from '../../shared';
import { groupKey, type GroupId } from '../board/grouping';
import { sortByVotes, sumVotes } from '../voting/results';

/**
 * Whether an idea may go into a cluster: clusters gather one question's ideas, and an idea
 * without a question belongs to the focus question (as its workshop step does).
 */
export function clusterFits(cluster: Cluster, idea: Idea, focusQuestionId: string | null): boolean {
  return cluster.questionId === idea.questionId || cluster.questionId === (idea.questionId ?? focusQuestionId);
}

/** The idea's cluster, if it still exists (a deleted cluster's id reads as none). */
export function clusterOf(idea: Pick<Idea, 'clusterId'>, clusters: readonly Cluster[]): Cluster | null {
  return idea.clusterId === null ? null : (clusters.find((c) => c.id === idea.clusterId) ?? null);
}

/** Where an empty cluster is shown: the group its question's new ideas land in. */
export function homeGroupKey(grouping: Grouping, questionId: string | null): string {
  const id: GroupId =
    grouping === 'question'
      ? { kind: 'question', questionId }
      : grouping === 'track'
        ? { kind: 'track', track: null }
        : { kind: 'unclassified' };
  return groupKey(id);
}

/** Ideas, or the board index's members: what a layout reads of each is its id and cluster. */
type Laid = Pick<Idea, 'id' | 'clusterId'>;

export interface ClusterBlock<T extends Laid = Idea> {
  cluster: Cluster;
  ideas: T[];
  votes: number;
}

export interface GroupLayout<T extends Laid = Idea> {
  blocks: ClusterBlock<T>[];
  loose: T[];
}

interface LayoutOptions {
  clusters: readonly Cluster[];
  /** Clusters with no idea shown anywhere, to show (empty) in this group. */
  emptyHere: readonly Cluster[];
  results: boolean;
  totals: Readonly<Record<string, number>>;
}

/**
 * One group's ideas as labelled clusters, then the ideas in none. In the results view the
 * ideas of each are sorted by votes and the clusters by their total.
 */
export function layoutGroup<T extends Laid>(ideas: readonly T[], { clusters, emptyHere, results, totals }: LayoutOptions): GroupLayout<T> {
  const byCluster = new Map<string, T[]>();
  const loose: T[] = [];
  // By id once per layout: a 10,000-idea group with 200 clusters must not search the list per idea.
  const clusterById = new Map<string, Cluster>();
  for (const c of clusters) if (!clusterById.has(c.id)) clusterById.set(c.id, c); // the first, as clusterOf finds
  for (const idea of ideas) {
    const cluster = idea.clusterId === null ? undefined : clusterById.get(idea.clusterId);
    if (!cluster) loose.push(idea);
    else {
      const members = byCluster.get(cluster.id);
      if (members) members.push(idea);
      else byCluster.set(cluster.id, [idea]);
    }
  }
  const order = (list: T[]) => (results ? sortByVotes(list, totals) : list);
  const blocks: ClusterBlock<T>[] = clusters
    .filter((c) => byCluster.has(c.id) || emptyHere.includes(c))
    .map((cluster) => {
      const members = order(byCluster.get(cluster.id) ?? []);
      return { cluster, ideas: members, votes: sumVotes(members, totals) };
    });
  if (results) blocks.sort((a, b) => b.votes - a.votes);
  return { blocks, loose: order(loose) };
}
