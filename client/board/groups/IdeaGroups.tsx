import { useT } from '../../i18n/useT';
import { PHASES, PRINCIPLES, type BoardSettings, type Cluster } from '../../../shared';
import type { Member } from '../../state/idea-index';
import { useBoardStore } from '../../state/board-store';
import type { BoardGrouping } from '../../state/slices/ui';
import type { IdeaGroup } from '../grouping';
import { useGroupLabel } from '../labels';
import type { DragOver, DropTarget } from '../useNoteMoves';
import { GroupSection } from './GroupSection';
import { ModeratorHiddenGroup } from './ModeratorHiddenGroup';

const NO_CLUSTERS: readonly Cluster[] = Object.freeze([]);

interface Props {
  /** The groups with the ideas shown in each (filters applied). */
  groups: readonly IdeaGroup<Member>[];
  grouping: BoardGrouping;
  settings: BoardSettings | null;
  /** Empty clusters to show, by the key of the group they show in. */
  emptyClusters: ReadonlyMap<string, readonly Cluster[]>;
  drop?: DropTarget;
  dragOver: DragOver | null;
}

/**
 * Lays groups out: phase × principle as a matrix (phases as columns, principles as rows,
 * then the unclassified area), clusters as one area per question with ideas (just the
 * clusters, when only the focus question's ideas are shown), other groupings as columns. Below the wide breakpoint the
 * CSS turns both into one list with a heading per group; the DOM order is the same.
 * Facilitators get the ideas a moderator hid as a last group.
 */
export function IdeaGroups({ groups, grouping, settings, emptyClusters, drop, dragOver }: Props) {
  const t = useT();
  const label = useGroupLabel(settings);
  const facilitator = useBoardStore((s) => s.identity?.role === 'facilitator');
  const moderated = facilitator ? <ModeratorHiddenGroup /> : null;
  const section = (group: IdeaGroup<Member>, variant: 'cell' | 'column' | 'wide' | 'flat') => (
    <GroupSection
      key={group.key}
      groupKey={group.key}
      members={group.ideas}
      label={label(group.id)}
      help={group.id.kind === 'unclassified' ? t('groups.unclassifiedHelp') : undefined}
      variant={variant}
      emptyHere={emptyClusters.get(group.key) ?? NO_CLUSTERS}
      drop={drop}
      dropActive={dragOver?.group === group.key}
      dropCluster={dragOver?.group === group.key ? dragOver.cluster : null}
      looseHeading={grouping === 'clusters'}
    />
  );

  if (grouping === 'clusters') {
    // Only questions with ideas (or empty clusters to drop into) in view; the focus
    // question alone, as a workshop shows it, needs no frame: its card above names it.
    const shown = groups.filter((g) => g.ideas.length > 0 || emptyClusters.has(g.key));
    const only = shown.length === 1 ? shown[0] : undefined;
    const flat = only?.id.kind === 'question' && only.id.questionId === (settings?.focusQuestionId ?? null);
    return (
      <>
        {shown.map((g) => section(g, flat ? 'flat' : 'wide'))}
        {moderated}
      </>
    );
  }

  if (grouping !== 'phase-principle') {
    return (
      <>
        <div className={`columns columns--${Math.min(groups.length, 4)}`}>{groups.map((g) => section(g, 'column'))}</div>
        {moderated}
      </>
    );
  }

  const cells = groups.filter((g) => g.id.kind === 'cell');
  const rest = groups.filter((g) => g.id.kind !== 'cell');
  const inCells = cells.reduce((n, g) => n + g.ideas.length, 0);
  const inRest = rest.reduce((n, g) => n + g.ideas.length, 0);
  // Workshop ideas seldom have a phase and a principle: when most are unplaced, they come first,
  // and an empty matrix shrinks to small drop targets instead of costing a screen. With no
  // idea in the matrix, the unplaced group (or its "no ideas yet") leads, the empty cells follow.
  const restFirst = inRest > inCells || inCells === 0;
  const matrix = (
    <div className={`matrix${inCells === 0 ? ' matrix--empty' : ''}`} data-matrix={inCells === 0 ? 'empty' : 'used'}>
        {/* Visual headers only: each cell's own heading names its phase and principle. */}
        <div className="matrix__corner" aria-hidden="true" />
        {PHASES.map((phase) => (
          <div key={phase} className="matrix__colhead" aria-hidden="true">
            {t(`taxonomy.phase.${phase}`)}
          </div>
        ))}
        {PRINCIPLES.map((principle) => (
          <div key={principle} className="matrix__row">
            <div className="matrix__rowhead" aria-hidden="true">
              {t(`taxonomy.principle.${principle}`)}
            </div>
            {cells
              .filter((g) => g.id.kind === 'cell' && g.id.principle === principle)
              .map((g) => section(g, 'cell'))}
          </div>
        ))}
    </div>
  );
  return (
    <>
      {restFirst ? rest.map((g) => section(g, 'wide')) : null}
      {matrix}
      {restFirst ? null : rest.map((g) => section(g, 'wide'))}
      {moderated}
    </>
  );
}
