import { useMemo } from 'react';
import type { BoardSettings, Cluster, Grouping } from '../../shared';
import { homeGroupKey } from '../clusters/clusters';
import { useBoardStore } from '../state/board-store';
import { EMPTY, type Member } from '../state/idea-index';
import { noFilters, type Filters } from '../state/slices/ui';
import { chosenFilterCount, filteredQuestion, memberFilter, needsIdeaFields } from './filters';
import { indexedGroups, type IdeaGroup } from './grouping';
import { queryWords } from './search';

type MemberPredicate = NonNullable<ReturnType<typeof memberFilter>>;

/**
 * Filtered groups, remembered per (filter, group array): a group the last edit did not touch
 * keeps its filtered array too, so its memoised section does not re-render. Keyed weakly:
 * an old filter or an old version of a group is forgotten with it.
 */
const filtered = new WeakMap<MemberPredicate, WeakMap<readonly Member[], readonly Member[]>>();

function filterGroup(members: readonly Member[], shown: MemberPredicate | null): readonly Member[] {
  if (shown === null || members.length === 0) return members;
  let byGroup = filtered.get(shown);
  if (!byGroup) filtered.set(shown, (byGroup = new WeakMap()));
  let hit = byGroup.get(members);
  if (!hit) {
    const kept = members.filter(shown);
    hit = kept.length === members.length ? members : kept.length === 0 ? EMPTY : kept;
    byGroup.set(members, hit);
  }
  return hit;
}

export interface ShownGroups {
  groups: IdeaGroup<Member>[];
  /** Ideas shown in all groups together. */
  shown: number;
  /** Ideas the focus question filter leaves out (an approved call idea may answer another question). */
  otherQuestions: number;
  /** Clusters with no idea in view, by the key of the group they show in (as drop targets). */
  emptyClusters: ReadonlyMap<string, readonly Cluster[]>;
}

/**
 * The board's groups as the person sees them: from the incremental index (state/idea-index.ts),
 * filtered and searched. Without a search or chosen filter nothing reads the ideas map, so a
 * text edit re-renders none of this; with one, the filter runs over the groups' members.
 */
export function useShownGroups(grouping: Grouping, settings: BoardSettings | null, filters: Filters): ShownGroups {
  const index = useBoardStore((s) => s.index);
  const clusters = useBoardStore((s) => s.clusters);
  const readsIdeas = needsIdeaFields(filters);
  const ideas = useBoardStore((s) => (readsIdeas ? s.ideas : null));
  // Read only while they matter, so a new comment or status does not refilter an unfiltered board.
  const searching = queryWords(filters.query).length > 0;
  const comments = useBoardStore((s) => (searching ? s.comments : null));
  const statuses = useBoardStore((s) => (filters.status !== null ? s.statuses : null));

  const shownBy = useMemo(() => memberFilter(filters, settings, { ideas, comments, statuses }), [filters, settings, ideas, comments, statuses]);
  const groups = useMemo(
    () => indexedGroups(index, grouping, settings).map((g) => ({ ...g, ideas: filterGroup(g.ideas, shownBy) })),
    [index, grouping, settings, shownBy],
  );
  const shown = groups.reduce((n, g) => n + g.ideas.length, 0);

  const otherQuestions = useMemo(() => {
    if (filters.question !== 'focus' || filteredQuestion(filters.question, settings) === undefined) return 0;
    const inQuestion = memberFilter({ ...noFilters, question: filters.question }, settings, { ideas: null });
    if (!inQuestion) return 0;
    let n = 0;
    // Each idea is in exactly one phase × principle cell or "unclassified".
    for (const [key, members] of index.groups) {
      if (key !== 'unclassified' && !key.startsWith('cell-')) continue;
      for (const member of members) if (!inQuestion(member)) n += 1;
    }
    return n;
  }, [index, filters.question, settings]);

  // Clusters with no idea in view still show (empty, as drop targets) where their question's
  // ideas land; not while searching or filtering, where an empty cluster would read as "no match here".
  const emptyClusters = useMemo(() => {
    const byGroup = new Map<string, Cluster[]>();
    if (clusters.length === 0 || searching || chosenFilterCount(filters) > 0) return byGroup;
    const used = new Set<string | null>();
    for (const group of groups) for (const member of group.ideas) used.add(member.clusterId);
    const question = filteredQuestion(filters.question, settings);
    for (const cluster of clusters) {
      if (used.has(cluster.id) || (question !== undefined && cluster.questionId !== question)) continue;
      const key = homeGroupKey(grouping, cluster.questionId);
      byGroup.set(key, [...(byGroup.get(key) ?? []), cluster]);
    }
    return byGroup;
  }, [groups, clusters, filters, searching, settings, grouping]);

  return { groups, shown, otherQuestions, emptyClusters };
}
