import { useState } from 'react';
import type { Cluster, Idea } from '../../shared';
import { useBoardStore } from '../state/board-store';
import type { IdeaIndex } from '../state/idea-index';

interface View {
  ideas: ReadonlyMap<string, Idea>;
  /** The groups, kept with the ideas: both are immutable values, so freezing them is free. */
  index: IdeaIndex;
  totals: Readonly<Record<string, number>>;
  clusters: readonly Cluster[];
  revealed: boolean;
}

/**
 * "Pause live updates" (WCAG 2.2.2): while paused, the screen keeps showing the ideas,
 * votes and clusters as they were when paused, however the board changes meanwhile; the
 * question, step and timer stay live (they are what the room is doing).
 */
export function usePausable(): { view: View; paused: boolean; toggle: () => void } {
  const ideas = useBoardStore((s) => s.ideas);
  const index = useBoardStore((s) => s.index);
  const totals = useBoardStore((s) => s.voteTotals);
  const clusters = useBoardStore((s) => s.clusters);
  const revealed = useBoardStore((s) => s.workshop.votesRevealed);
  const [frozen, setFrozen] = useState<View | null>(null);
  return {
    view: frozen ?? { ideas, index, totals, clusters, revealed },
    paused: frozen !== null,
    toggle: () => setFrozen((f) => (f ? null : { ideas, index, totals, clusters, revealed })),
  };
}
