import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, PRINCIPLES, type BoardSettings, type Grouping } from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import type { IdeaGroup } from '../grouping';
import { useGroupLabel } from '../labels';
import { GroupSection, type DropHandlers } from './GroupSection';
import { ModeratorHiddenGroup } from './ModeratorHiddenGroup';

interface Props {
  groups: IdeaGroup[];
  grouping: Grouping;
  settings: BoardSettings | null;
  /** A group's body; null shows the group's "no ideas yet". */
  renderGroupBody: (group: IdeaGroup) => ReactNode | null;
  dropHandlers?: (group: IdeaGroup) => DropHandlers;
}

/**
 * Lays groups out: phase × principle as a matrix (phases as columns, principles as rows,
 * then the unclassified area), other groupings as columns. Below the wide breakpoint the
 * CSS turns both into one list with a heading per group; the DOM order is the same.
 * Facilitators get the ideas a moderator hid as a last group.
 */
export function IdeaGroups({ groups, grouping, settings, renderGroupBody, dropHandlers }: Props) {
  const { t } = useTranslation();
  const label = useGroupLabel(settings);
  const facilitator = useBoardStore((s) => s.identity?.role === 'facilitator');
  const moderated = facilitator ? <ModeratorHiddenGroup /> : null;
  const section = (group: IdeaGroup, variant: 'cell' | 'column' | 'wide') => (
    <GroupSection
      key={group.key}
      group={group}
      label={label(group.id)}
      help={group.id.kind === 'unclassified' ? t('groups.unclassifiedHelp') : undefined}
      variant={variant}
      drop={dropHandlers?.(group)}
    >
      {renderGroupBody(group)}
    </GroupSection>
  );

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
  // and an empty matrix shrinks to small drop targets instead of costing a screen.
  const restFirst = inRest > inCells;
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
