import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewCounts } from '../../shared';
import { DrillButton } from './DrillButton';
import { phaseLabel, phaseShortLabel, principleShortLabel } from './labels';
import { FILTER_VALUES, NONE, matrixCount, matrixTotal } from './overview-filters';

const ROWS = [...FILTER_VALUES.phase, NONE];
const COLUMNS = [...FILTER_VALUES.principle, NONE];

/**
 * The vision's 3 × 3 (phase × principle) with a row and a column for ideas not placed yet,
 * and totals. Any non-zero number drills down to its ideas.
 */
export function PhasePrincipleMatrix({ counts, onDrill }: { counts: OverviewCounts; onDrill: (phase: string, principle: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const total = t('coordinator.overview.total');
  return (
    <section className="coord-matrix" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('coordinator.overview.matrixHeading')}</h3>
      <p id={`${id}-help`} className="hint coord-matrix__help">
        {t('coordinator.overview.matrixCaption')}
      </p>
      {/* Wider than a phone: it scrolls sideways on its own, reachable by keyboard. */}
      <div className="coord-scroll" role="region" aria-labelledby={`${id}-heading`} tabIndex={0}>
        <table className="coord-table coord-matrix__table" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-help`}>
          <thead>
            <tr>
              <th scope="col">{t('coordinator.overview.phaseColumn')}</th>
              {COLUMNS.map((principle) => (
                <th scope="col" key={principle} className="coord-table__num" data-principle={principle}>
                  {principleShortLabel(t, principle)}
                </th>
              ))}
              <th scope="col" className="coord-table__num">
                {total}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((phase) => (
              <tr key={phase} data-phase={phase}>
                <th scope="row">
                  <span className="coord-matrix__phase">{phaseShortLabel(t, phase)}</span>
                  {phase !== NONE ? <span className="coord-matrix__phase-name">{phaseLabel(t, phase).replace(/^[^–]*–\s*/, '')}</span> : null}
                </th>
                {COLUMNS.map((principle) => (
                  <td key={principle} className="coord-table__num" data-cell={`${phase}:${principle}`}>
                    <DrillButton
                      count={matrixCount(counts, phase, principle)}
                      label={t('coordinator.overview.matrixCell', { phase: phaseShortLabel(t, phase), principle: principleShortLabel(t, principle) })}
                      onDrill={() => onDrill(phase, principle)}
                    />
                  </td>
                ))}
                <td className="coord-table__num coord-table__total">
                  <DrillButton count={matrixTotal(counts, phase, '')} label={phaseShortLabel(t, phase)} onDrill={() => onDrill(phase, '')} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{total}</th>
              {COLUMNS.map((principle) => (
                <td key={principle} className="coord-table__num coord-table__total">
                  <DrillButton
                    count={matrixTotal(counts, '', principle)}
                    label={principleShortLabel(t, principle)}
                    onDrill={() => onDrill('', principle)}
                  />
                </td>
              ))}
              <td className="coord-table__num coord-table__total">
                <span className="coord-count coord-count--static">{counts.total}</span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
