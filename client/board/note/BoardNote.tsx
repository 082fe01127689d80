import { memo, useRef } from 'react';
import type { Cluster, Idea, IdeaHistory } from '../../../shared';
import { clusterFits } from '../../clusters/clusters';
import { useBoardStore, type BoardState } from '../../state/board-store';
import { ideaPermissions } from '../../workshop/permissions';
import { countRender } from '../render-probe';
import { IdeaNote } from './IdeaNote';
import { useNoteHandlers } from './NoteHandlers';

const NOBODY: readonly (string | null)[] = Object.freeze([]);

interface Props {
  ideaId: string;
  /** The group the note is shown in (its moves and the focus after a delete depend on it). */
  groupKey: string;
}

/** What a note reads of the store. */
interface NoteState {
  idea: Idea | undefined;
  grouping: BoardState['grouping'];
  identity: BoardState['identity'];
  workshop: BoardState['workshop'];
  settings: BoardState['settings'];
  editors: readonly (string | null)[];
  total: number | null;
  history: IdeaHistory | null;
  selected: boolean | null;
  clusters: readonly Cluster[];
}

/**
 * The note's state in one subscription, compared field by field without allocating: every
 * store change runs each subscriber's selector, and a board renders hundreds of notes
 * (zustand's useShallow built two Maps per note per change, ~a third of a remote edit's
 * selector time). Returns the previous object while nothing it holds changed.
 */
function useNoteState(ideaId: string): NoteState {
  const last = useRef<NoteState | null>(null);
  return useBoardStore((s) => {
    const idea = s.ideas.get(ideaId);
    const editors = s.editing.get(ideaId) ?? NOBODY;
    const total = s.workshop.votesRevealed ? (s.voteTotals[ideaId] ?? 0) : null;
    const history = s.histories.get(ideaId) ?? null;
    const selected = s.mergeSelection ? s.mergeSelection.includes(ideaId) : null;
    const p = last.current;
    if (
      p &&
      p.idea === idea &&
      p.grouping === s.grouping &&
      p.identity === s.identity &&
      p.workshop === s.workshop &&
      p.settings === s.settings &&
      p.editors === editors &&
      p.total === total &&
      p.history === history &&
      p.selected === selected &&
      p.clusters === s.clusters
    ) {
      return p;
    }
    const next: NoteState = { idea, grouping: s.grouping, identity: s.identity, workshop: s.workshop, settings: s.settings, editors, total, history, selected, clusters: s.clusters };
    last.current = next;
    return next;
  });
}

/**
 * One note on the board, memoised: it selects its own idea and what belongs to it (votes,
 * editors, merge history, selection) from the store, so a remote edit of another idea, or
 * the board regrouping around it, does not re-render it (issue 17, item 5).
 */
export const BoardNote = memo(function BoardNote({ ideaId, groupKey }: Props) {
  if (import.meta.env.VITE_RENDER_PROBE === '1') countRender('note', ideaId);
  const { idea, grouping, identity, workshop, settings, editors, total, history, selected, clusters } = useNoteState(ideaId);
  const handlers = useNoteHandlers();
  if (!idea) return null;
  const ctx = { identity, workshop, settings };
  const focusId = settings?.focusQuestionId ?? null;
  return (
    <IdeaNote
      idea={idea}
      grouping={grouping}
      settings={settings}
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
