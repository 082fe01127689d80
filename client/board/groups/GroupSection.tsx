import { memo, useCallback, useId, useMemo } from 'react';
import type { Cluster } from '../../../shared';
import { layoutGroup } from '../../clusters/clusters';
import { GroupBody } from '../../clusters/GroupBody';
import { useT } from '../../i18n/useT';
import type { Member } from '../../state/idea-index';
import { useBoardStore } from '../../state/board-store';
import { useResultsMode } from '../../voting/useResultsMode';
import { BoardNote } from '../note/BoardNote';
import { countRender } from '../render-probe';
import type { DropTarget } from '../useNoteMoves';

const NO_TOTALS: Readonly<Record<string, number>> = Object.freeze({});

interface Props {
  groupKey: string;
  /** The ideas shown in the group (filters applied), in board order; the index's own array when unfiltered. */
  members: readonly Member[];
  label: string;
  /** Shown under the heading (e.g. what "Unclassified" means). */
  help?: string;
  /** In the matrix the row and column headers say where a cell is, so its heading is only for screen readers on wide screens. */
  variant: 'cell' | 'column' | 'wide' | 'flat';
  /** Empty clusters shown here as drop targets. */
  emptyHere: readonly Cluster[];
  drop?: DropTarget;
  /** A note is being dragged over this group (and over this cluster in it). */
  dropActive: boolean;
  dropCluster: string | null;
  /** Name the ideas in no cluster ("Uden klynge") when there are clusters: the clusters view, where sorting them is the step's work. */
  looseHeading?: boolean;
}

/**
 * One group of ideas: a labelled region with a heading, its notes (and clusters), a drop
 * target. Memoised on its members array, which the index keeps when an edit does not touch
 * the group, so a remote edit elsewhere does not re-render it; notes render themselves.
 */
export const GroupSection = memo(function GroupSection({ groupKey, members, label, help, variant, emptyHere, drop, dropActive, dropCluster, looseHeading = false }: Props) {
  if (import.meta.env.VITE_RENDER_PROBE === '1') countRender('group', groupKey);
  const t = useT();
  const ids = useId();
  const results = useResultsMode();
  const clusters = useBoardStore((s) => s.clusters);
  const revealed = useBoardStore((s) => s.workshop.votesRevealed);
  // Vote totals order the notes only in the results view: otherwise a vote re-renders no group.
  const totals = useBoardStore((s) => (results ? s.voteTotals : NO_TOTALS));
  const layout = useMemo(() => layoutGroup(members, { clusters, emptyHere, results, totals }), [members, clusters, emptyHere, results, totals]);
  const renderIdea = useCallback(
    (member: Member) => (
      <li key={member.id} className="group__item">
        <BoardNote ideaId={member.id} groupKey={groupKey} />
      </li>
    ),
    [groupKey],
  );
  const empty = layout.blocks.length === 0 && layout.loose.length === 0;
  const count = members.length;
  return (
    <section
      className={`group group--${variant}${dropActive ? ' group--drop' : ''}${empty ? ' group--empty' : ''}`}
      aria-labelledby={`${ids}-heading`}
      data-group={groupKey}
      onDragOver={drop ? (event) => drop.onDragOver(event, groupKey) : undefined}
      onDragLeave={drop?.onDragLeave}
      onDrop={drop ? (event) => drop.onDrop(event, groupKey) : undefined}
    >
      {/* Flat: one question's ideas under its own card, so the heading is for screen readers. */}
      <h3 id={`${ids}-heading`} className={`group__heading${variant === 'flat' ? ' sr-only' : ''}`}>
        <span className="group__label">{label}</span>{' '}
        <span className={`group__count${count === 0 ? ' group__count--zero' : ''}`}>{t('groups.count', { count })}</span>
      </h3>
      {help ? <p className="group__help">{help}</p> : null}
      {empty ? (
        <p className="group__empty">{t('groups.empty')}</p>
      ) : (
        <GroupBody
          layout={layout}
          renderIdea={renderIdea}
          results={results}
          revealed={revealed}
          dropCluster={dropCluster}
          looseHeading={looseHeading ? t('clusters.loose') : undefined}
        />
      )}
    </section>
  );
});
