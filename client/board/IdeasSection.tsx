import { useId, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { BoardToolbar } from './BoardToolbar';
import { useBoardSync } from './BoardSyncContext';
import { groupIdeas, type IdeaGroup } from './grouping';
import { IdeaGroups } from './groups/IdeaGroups';
import { useGroupLabel } from './labels';
import { moveIntoGroup, moveWithinGroup } from './moves';
import { IdeaNote } from './note/IdeaNote';
import type { MoveOption } from './note/MoveMenu';

const DRAG_TYPE = 'application/x-samskab-idea';

/** Puts focus back on a moved note's "Move to…" button once it has re-rendered in its new group. */
function refocusMoved(ideaId: string): void {
  requestAnimationFrame(() => document.getElementById(`idea-${ideaId}-move`)?.focus());
}

/** The ideas: toolbar, groups, notes; moving by drag-and-drop and by the "Move to…" menu. */
export function IdeasSection() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const ideas = useBoardStore((s) => s.ideas);
  const settings = useBoardStore((s) => s.settings);
  const grouping = useBoardStore((s) => s.grouping);
  const filters = useBoardStore((s) => s.filters);
  const identity = useBoardStore((s) => s.identity);
  const present = useBoardStore((s) => s.present);
  const announce = useBoardStore((s) => s.announce);
  const label = useGroupLabel(settings);
  const [dragOver, setDragOver] = useState<string | null>(null);

  const groups = useMemo(() => groupIdeas(ideas.values(), grouping, settings, filters), [ideas, grouping, settings, filters]);
  const shown = groups.reduce((n, g) => n + g.ideas.length, 0);

  const move = (idea: Idea, group: IdeaGroup, beforeId: string | null) => {
    if (sync.updateIdea(idea.id, moveIntoGroup(idea, group, beforeId))) {
      announce(t('idea.moved', { group: label(group.id) }));
    }
  };

  const moveOptions = (idea: Idea, home: IdeaGroup): MoveOption[] => {
    const options: MoveOption[] = groups.map((group) => ({
      key: group.key,
      label: label(group.id),
      current: group.key === home.key,
      onSelect: () => {
        move(idea, group, null);
        refocusMoved(idea.id);
      },
    }));
    for (const [key, delta] of [['up', -1], ['down', 1]] as const) {
      const patch = moveWithinGroup(idea, home, delta);
      if (!patch) continue;
      options.push({
        key,
        label: t(key === 'up' ? 'idea.moveUp' : 'idea.moveDown'),
        onSelect: () => {
          sync.updateIdea(idea.id, patch);
          refocusMoved(idea.id);
        },
      });
    }
    return options;
  };

  const onDragStart = (event: DragEvent, idea: Idea) => {
    event.dataTransfer.setData(DRAG_TYPE, idea.id);
    event.dataTransfer.setData('text/plain', idea.text);
    event.dataTransfer.effectAllowed = 'move';
  };

  const dropHandlers = (group: IdeaGroup) => ({
    active: dragOver === group.key,
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (dragOver !== group.key) setDragOver(group.key);
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(null);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragOver(null);
      const idea = ideas.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!idea) return;
      // Dropped on a note: in front of it; anywhere else in the group: at the end.
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-idea]');
      const beforeId = target?.dataset.idea ?? null;
      move(idea, group, beforeId === idea.id ? null : beforeId);
    },
  });

  const editorsOf = (ideaId: string) => present.filter((p) => p.editing === ideaId);

  return (
    <section className="ideas" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="ideas__heading" tabIndex={-1}>
        {t('board.ideasHeading')}
      </h2>
      <BoardToolbar shown={shown} total={ideas.size} />
      <IdeaGroups
        groups={groups}
        grouping={grouping}
        settings={settings}
        dropHandlers={dropHandlers}
        renderGroupItems={(group) =>
          group.ideas.map((idea) => (
            <li key={idea.id} className="group__item">
              <IdeaNote
                idea={idea}
                grouping={grouping}
                settings={settings}
                identity={identity}
                moveOptions={moveOptions(idea, group)}
                editors={editorsOf(idea.id)}
                onDelete={(i) => {
                  const at = group.ideas.indexOf(i);
                  const neighbour = group.ideas[at + 1] ?? group.ideas[at - 1];
                  sync.deleteIdea(i.id);
                  announce(t('idea.deleted'));
                  // The focused note is gone: continue at its neighbour, or at the section.
                  if (neighbour) refocusMoved(neighbour.id);
                  else document.getElementById(`${ids}-heading`)?.focus();
                }}
                onDragStart={onDragStart}
                onDragEnd={() => setDragOver(null)}
              />
            </li>
          ))
        }
      />
    </section>
  );
}
