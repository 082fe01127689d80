import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, PRINCIPLES, TRACKS, type Phase, type Principle, type Track } from '../../shared';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
}

/**
 * Optional suggestions for phase, principle and track, folded away: most people will not
 * know the process's structure, and facilitators place ideas anyway. Open when a draft has one.
 */
export function PlacementFields({ draft, onChange }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  // Decided once: a prop that changed while someone used it would fold the fields away under them.
  const [startOpen] = useState(() => draft.phase !== null || draft.principle !== null || draft.track !== null);
  return (
    <details className="call-placement" open={startOpen || undefined}>
      <summary>{t('call.form.placementSummary')}</summary>
      <p className="hint">{t('call.form.placementHint')}</p>
      <div className="call-placement__fields">
        <div className="field">
          <label htmlFor={`${ids}-phase`}>{t('taxonomy.phaseLabel')}</label>
          <select
            id={`${ids}-phase`}
            value={draft.phase ?? ''}
            onChange={(e) => onChange({ phase: e.target.value ? (Number(e.target.value) as Phase) : null })}
          >
            <option value="">{t('taxonomy.none')}</option>
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {t(`taxonomy.phase.${phase}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-principle`}>{t('taxonomy.principleLabel')}</label>
          <select
            id={`${ids}-principle`}
            value={draft.principle ?? ''}
            onChange={(e) => onChange({ principle: e.target.value ? (Number(e.target.value) as Principle) : null })}
          >
            <option value="">{t('taxonomy.none')}</option>
            {PRINCIPLES.map((principle) => (
              <option key={principle} value={principle}>
                {t(`taxonomy.principle.${principle}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-track`}>{t('taxonomy.trackLabel')}</label>
          <select
            id={`${ids}-track`}
            value={draft.track ?? ''}
            onChange={(e) => onChange({ track: e.target.value ? (e.target.value as Track) : null })}
          >
            <option value="">{t('taxonomy.none')}</option>
            {TRACKS.map((track) => (
              <option key={track} value={track}>
                {t(`taxonomy.track.${track}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </details>
  );
}
