import { useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useT } from '../i18n/useT';
import { actionsButtonId } from './note/NoteActions';
import type { Idea } from '../../shared';
import type { Member } from '../state/idea-index';
import { clusterFits, clusterOf } from '../clusters/clusters';
import { useBoardStore } from '../state/board-store';
import { useBoardSync } from './BoardSyncContext';
import type { IdeaGroup } from './grouping';
import { IDEAS_HEADING_ID } from './ideas-heading';
import { useGroupLabel } from './labels';
import { moveIntoGroup, moveWithinGroup } from './moves';
import type { MoveOption } from './note/MoveMenu';
import type { NoteHandlers } from './note/NoteHandlers';

const DRAG_TYPE = 'application/x-samskab-idea';

/** Puts focus back on a moved note's menu button once it has re-rendered in its new place. */
function refocus(ideaId: string, suffix: 'move' | 'cluster'): void {
  // A note that moved to another group starts with its "⋯" row closed: focus its "⋯" button then.
  requestAnimationFrame(() => {
    const button = document.getElementById(`idea-${ideaId}-${suffix}`);
    (button?.checkVisibility() ? button : document.getElementById(actionsButtonId(ideaId)))?.focus();
  });
}

/** Where a dragged note is: the group (and the cluster in it) that would take it. */
export interface DragOver {
  group: string;
  cluster: string | null;
}

/** A group's drop target handlers, the same functions for every render (they take the group's key). */
export interface DropTarget {
  onDragOver: (event: DragEvent, groupKey: string) => void;
  onDragLeave: (event: DragEvent) => void;
  onDrop: (event: DragEvent, groupKey: string) => void;
}

/**
 * Moving notes: to another group, up or down, into a cluster; by drag and drop and by the
 * keyboard menus; and deleting a note (focus goes to its neighbour). Everything here writes
 * only placement fields (group, position, clusterId), which anyone may change while the
 * step allows moving. The handlers keep their identity across renders and read the latest
 * groups and state when called, so memoised notes and groups are not re-rendered for them.
 */
export function useNoteMoves(groups: readonly IdeaGroup<Member>[]) {
  const t = useT();
  const sync = useBoardSync();
  const settings = useBoardStore((s) => s.settings);
  const label = useGroupLabel(settings);
  const [dragOver, setDragOver] = useState<DragOver | null>(null);
  const latest = useRef({ groups, t, sync, label, dragOver });
  useLayoutEffect(() => {
    latest.current = { groups, t, sync, label, dragOver };
  });

  const handlers = useMemo(() => {
    const now = () => ({ ...latest.current, ...useBoardStore.getState() });
    const groupOf = (key: string) => now().groups.find((g) => g.key === key);

    const move = (idea: Idea, group: IdeaGroup<Member>, beforeId: string | null, clusterId: string | null) => {
      const { clusters, sync, pinIdea, announce, t, label, settings } = now();
      const cluster = clusters.find((c) => c.id === clusterId) ?? null;
      const fits = cluster !== null && clusterFits(cluster, idea, settings?.focusQuestionId ?? null);
      const patch = { ...moveIntoGroup(idea, group, beforeId), clusterId: fits ? cluster.id : null };
      if (!sync.updateIdea(idea.id, patch)) return;
      // It may land past what a long group renders: keep it in view for the person who moved it.
      pinIdea(idea.id);
      announce(fits ? t('clusters.added', { name: cluster.name }) : t('idea.moved', { group: label(group.id) }));
    };

    const moveOptions = (idea: Idea, homeKey: string): MoveOption[] => {
      const { groups, t, label, sync, pinIdea } = now();
      const home = groupOf(homeKey);
      const options: MoveOption[] = groups.map((group) => ({
        key: group.key,
        label: label(group.id),
        current: group.key === homeKey,
        onSelect: () => {
          // A move to another group keeps the idea's cluster; the cluster follows it there.
          move(idea, group, null, idea.clusterId);
          refocus(idea.id, 'move');
        },
      }));
      for (const [key, delta] of [['up', -1], ['down', 1]] as const) {
        const patch = home ? moveWithinGroup(idea, home, delta) : null;
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

    const clusterOptions = (idea: Idea): MoveOption[] => {
      const { clusters, settings, sync, pinIdea, announce, t } = now();
      const fitting = clusters.filter((c) => clusterFits(c, idea, settings?.focusQuestionId ?? null));
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

    const onDelete = (idea: Idea, groupKey: string) => {
      const { sync, announce, t } = now();
      const shown = groupOf(groupKey)?.ideas ?? [];
      const at = shown.findIndex((m) => m.id === idea.id);
      const neighbour = at < 0 ? undefined : (shown[at + 1] ?? shown[at - 1]);
      sync.deleteIdea(idea.id);
      announce(t('idea.deleted'));
      // The focused note is gone: continue at its neighbour, or at the section.
      if (neighbour) refocus(neighbour.id, 'move');
      else document.getElementById(IDEAS_HEADING_ID)?.focus();
    };

    const toggleMerge = (ideaId: string, on: boolean) => {
      const { mergeSelection, setMergeSelection } = useBoardStore.getState();
      if (!mergeSelection) return;
      setMergeSelection(on ? [...mergeSelection, ideaId] : mergeSelection.filter((id) => id !== ideaId));
    };

    const onDragStart = (event: DragEvent, idea: Idea) => {
      event.dataTransfer.setData(DRAG_TYPE, idea.id);
      event.dataTransfer.setData('text/plain', idea.text);
      event.dataTransfer.effectAllowed = 'move';
    };

    const clusterUnder = (event: DragEvent) =>
      (event.target as HTMLElement).closest<HTMLElement>('[data-cluster]')?.dataset.cluster ?? null;

    const drop: DropTarget = {
      onDragOver: (event, groupKey) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const cluster = clusterUnder(event);
        const over = latest.current.dragOver;
        if (over?.group !== groupKey || over.cluster !== cluster) setDragOver({ group: groupKey, cluster });
      },
      onDragLeave: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(null);
      },
      onDrop: (event, groupKey) => {
        event.preventDefault();
        setDragOver(null);
        const idea = useBoardStore.getState().ideas.get(event.dataTransfer.getData(DRAG_TYPE));
        const group = groupOf(groupKey);
        if (!idea || !group) return;
        // Dropped on a note: in front of it, and into its cluster (or out of any); on a
        // cluster: at its end; anywhere else in the group: at the end, in no cluster.
        const target = (event.target as HTMLElement).closest<HTMLElement>('[data-idea]');
        const beforeId = target?.dataset.idea ?? null;
        move(idea, group, beforeId === idea.id ? null : beforeId, clusterUnder(event));
      },
    };

    const notes: NoteHandlers = { moveOptions, clusterOptions, onDelete, onDragStart, onDragEnd: () => setDragOver(null), toggleMerge };
    return { notes, drop };
  }, []);

  return { ...handlers, dragOver };
}
