import { createContext, useContext, type DragEvent } from 'react';
import type { Idea } from '../../../shared';
import type { MoveOption } from './MoveMenu';

/**
 * What a note asks of the board around it (moves, delete, drag, merge selection), as one
 * object whose identity never changes, so a memoised note is not re-rendered because its
 * parent made new callbacks. The functions read the board's latest state when called.
 */
export interface NoteHandlers {
  /** "Move to…" choices for an idea shown in the group `groupKey`. */
  moveOptions: (idea: Idea, groupKey: string) => MoveOption[];
  /** "Add to cluster…" choices. */
  clusterOptions: (idea: Idea) => MoveOption[];
  onDelete: (idea: Idea, groupKey: string) => void;
  onDragStart: (event: DragEvent, idea: Idea) => void;
  onDragEnd: () => void;
  /** Facilitator's merge mode: select or unselect an idea. */
  toggleMerge: (ideaId: string, selected: boolean) => void;
}

export const NoteHandlersContext = createContext<NoteHandlers | null>(null);

export function useNoteHandlers(): NoteHandlers {
  const handlers = useContext(NoteHandlersContext);
  if (!handlers) throw new Error('useNoteHandlers outside NoteHandlersContext');
  return handlers;
}
