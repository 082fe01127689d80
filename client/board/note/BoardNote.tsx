import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clusterFits } from '../../clusters/clusters';
import { useBoardStore } from '../../state/board-store';
import { ideaPermissions } from '../../workshop/permissions';
import { useWorkshopContext } from '../../workshop/useWorkshopContext';
import { countRender } from '../render-probe';
import { IdeaNote } from './IdeaNote';
import { useNoteHandlers } from './NoteHandlers';

interface Props {
  ideaId: string;
  /** The group the note is shown in (its moves and the focus after a delete depend on it). */
  groupKey: string;
}

/**
 * One note on the board, memoised: it selects its own idea and what belongs to it (votes,
 * editors, merge history, selection) from the store, so a remote edit of another idea, or
 * the board regrouping around it, does not re-render it (issue 17, item 5).
 */
export const BoardNote = memo(function BoardNote({ ideaId, groupKey }: Props) {
  if (import.meta.env.VITE_RENDER_PROBE === '1') countRender('note', ideaId);
  const idea = useBoardStore((s) => s.ideas.get(ideaId));
  const grouping = useBoardStore((s) => s.grouping);
  const ctx = useWorkshopContext();
  const editors = useBoardStore(useShallow((s) => s.present.filter((p) => p.editing === ideaId).map((p) => p.name)));
  const total = useBoardStore((s) => (s.workshop.votesRevealed ? (s.voteTotals[ideaId] ?? 0) : null));
  const history = useBoardStore((s) => s.histories.get(ideaId) ?? null);
  const selected = useBoardStore((s) => (s.mergeSelection ? s.mergeSelection.includes(ideaId) : null));
  const clusters = useBoardStore((s) => s.clusters);
  const handlers = useNoteHandlers();
  if (!idea) return null;
  const focusId = ctx.settings?.focusQuestionId ?? null;
  return (
    <IdeaNote
      idea={idea}
      grouping={grouping}
      settings={ctx.settings}
      permissions={ideaPermissions(ctx, idea)}
      moveOptions={() => handlers.moveOptions(idea, groupKey)}
      clusterOptions={() => handlers.clusterOptions(idea)}
      hasClusterOptions={clusters.some((c) => clusterFits(c, idea, focusId))}
      editors={editors}
      total={total}
      history={history}
      merge={selected === null ? null : { selected, onToggle: (on) => handlers.toggleMerge(ideaId, on) }}
      onDelete={(i) => handlers.onDelete(i, groupKey)}
      onDragStart={handlers.onDragStart}
      onDragEnd={handlers.onDragEnd}
    />
  );
});
