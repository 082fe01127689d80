import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsButtonId } from './note/NoteActions';
import type { Idea } from '../../shared';
import { clusterFits, clusterOf } from '../clusters/clusters';
import { useBoardStore } from '../state/board-store';
import { useBoardSync } from './BoardSyncContext';
import type { IdeaGroup } from './grouping';
import { useGroupLabel } from './labels';
import { moveIntoGroup, moveWithinGroup } from './moves';
import type { MoveOption } from './note/MoveMenu';

const DRAG_TYPE = 'application/x-samskab-idea';

/** Puts focus back on a moved note's menu button once it has re-rendered in its new place. */
function refocus(ideaId: string, suffix: 'move' | 'cluster'): void {
  // A note that moved to another group starts with its "⋯" row closed: focus its "⋯" button then.
  requestAnimationFrame(() => {
    const button = document.getElementById(`idea-${ideaId}-${suffix}`);
    (button?.checkVisibility() ? button : document.getElementById(actionsButtonId(ideaId)))?.focus();
  });
}

/**
 * Moving notes: to another group, up or down, into a cluster; by drag and drop and by the
 * keyboard menus. Everything here writes only placement fields (group, position,
 * clusterId), which anyone may change while the step allows moving.
 */
export function useNoteMoves(groups: IdeaGroup[]) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const ideas = useBoardStore((s) => s.ideas);
  const settings = useBoardStore((s) => s.settings);
  const clusters = useBoardStore((s) => s.clusters);
  const announce = useBoardStore((s) => s.announce);
  const pinIdea = useBoardStore((s) => s.pinIdea);
  const label = useGroupLabel(settings);
  const [dragOver, setDragOver] = useState<{ group: string; cluster: string | null } | null>(null);
  const focusId = settings?.focusQuestionId ?? null;

  const move = (idea: Idea, group: IdeaGroup, beforeId: string | null, clusterId: string | null) => {
    const cluster = clusters.find((c) => c.id === clusterId) ?? null;
    const fits = cluster !== null && clusterFits(cluster, idea, focusId);
    const patch = { ...moveIntoGroup(idea, group, beforeId), clusterId: fits ? cluster.id : null };
    if (!sync.updateIdea(idea.id, patch)) return;
    // It may land past what a long group renders: keep it in view for the person who moved it.
    pinIdea(idea.id);
    announce(fits ? t('clusters.added', { name: cluster.name }) : t('idea.moved', { group: label(group.id) }));
  };

  const moveOptions = (idea: Idea, home: IdeaGroup): MoveOption[] => {
    const options: MoveOption[] = groups.map((group) => ({
      key: group.key,
      label: label(group.id),
      current: group.key === home.key,
      onSelect: () => {
        // A move to another group keeps the idea's cluster; the cluster follows it there.
        move(idea, group, null, idea.clusterId);
        refocus(idea.id, 'move');
      },
    }));
    for (const [key, delta] of [['up', -1], ['down', 1]] as const) {
      const patch = moveWithinGroup(idea, home, delta);
      if (!patch) continue;
      options.push({
        key,
        label: t(key === 'up' ? 'idea.moveUp' : 'idea.moveDown'),
        onSelect: () => {
          if (sync.updateIdea(idea.id, patch)) pinIdea(idea.id);
          refocus(idea.id, 'move');
        },
      });
    }
    return options;
  };

  const hasClusterOptions = (idea: Idea): boolean => clusters.some((c) => clusterFits(c, idea, focusId));

  const clusterOptions = (idea: Idea): MoveOption[] => {
    const fitting = clusters.filter((c) => clusterFits(c, idea, focusId));
    if (fitting.length === 0) return [];
    const current = clusterOf(idea, clusters);
    const put = (clusterId: string | null, text: string) => {
      if (!sync.updateIdea(idea.id, { clusterId })) return;
      pinIdea(idea.id);
      announce(text);
      refocus(idea.id, 'cluster');
    };
    const options: MoveOption[] = fitting.map((cluster) => ({
      key: cluster.id,
      label: cluster.name,
      current: current?.id === cluster.id,
      onSelect: () => put(cluster.id, t('clusters.added', { name: cluster.name })),
    }));
    if (current) options.push({ key: 'none', label: t('clusters.none'), onSelect: () => put(null, t('clusters.removed')) });
    return options;
  };

  const onDragStart = (event: DragEvent, idea: Idea) => {
    event.dataTransfer.setData(DRAG_TYPE, idea.id);
    event.dataTransfer.setData('text/plain', idea.text);
    event.dataTransfer.effectAllowed = 'move';
  };

  const clusterUnder = (event: DragEvent) =>
    (event.target as HTMLElement).closest<HTMLElement>('[data-cluster]')?.dataset.cluster ?? null;

  const dropHandlers = (group: IdeaGroup) => ({
    active: dragOver?.group === group.key,
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const cluster = clusterUnder(event);
      if (dragOver?.group !== group.key || dragOver.cluster !== cluster) setDragOver({ group: group.key, cluster });
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(null);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragOver(null);
      const idea = ideas.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!idea) return;
      // Dropped on a note: in front of it, and into its cluster (or out of any); on a
      // cluster: at its end; anywhere else in the group: at the end, in no cluster.
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-idea]');
      const beforeId = target?.dataset.idea ?? null;
      move(idea, group, beforeId === idea.id ? null : beforeId, clusterUnder(event));
    },
  });

  return {
    moveOptions,
    clusterOptions,
    hasClusterOptions,
    onDragStart,
    onDragEnd: () => setDragOver(null),
    dropHandlers,
    dropCluster: (group: IdeaGroup) => (dragOver?.group === group.key ? dragOver.cluster : null),
    refocus,
  };
}
