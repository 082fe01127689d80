import { useTranslation } from 'react-i18next';
import { PHASES, PRINCIPLES, TRACKS, type Phase, type Principle, type Track } from '../../shared';

/** Where an idea sits in the vision's structure; each may be unset. */
export interface TaxonomyValue {
  phase: Phase | null;
  principle: Principle | null;
  track: Track | null;
}

interface Props {
  value: TaxonomyValue;
  onChange: (patch: Partial<TaxonomyValue>) => void;
  /** Prefix of the selects' ids (from useId), so labels stay tied to their select. */
  idPrefix: string;
}

/**
 * The phase, principle and track selects, labelled, each with "not set" first: the same
 * three fields wherever an idea is placed (composer, contribution form, moderation queue).
 */
export function TaxonomySelects({ value, onChange, idPrefix }: Props) {
  const { t } = useTranslation();
  const none = t('taxonomy.none');
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-phase`}>{t('taxonomy.phaseLabel')}</label>
        <select
          id={`${idPrefix}-phase`}
          value={value.phase ?? ''}
          onChange={(e) => onChange({ phase: e.target.value ? (Number(e.target.value) as Phase) : null })}
        >
          <option value="">{none}</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`taxonomy.phase.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-principle`}>{t('taxonomy.principleLabel')}</label>
        <select
          id={`${idPrefix}-principle`}
          value={value.principle ?? ''}
          onChange={(e) => onChange({ principle: e.target.value ? (Number(e.target.value) as Principle) : null })}
        >
          <option value="">{none}</option>
          {PRINCIPLES.map((p) => (
            <option key={p} value={p}>
              {t(`taxonomy.principle.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-track`}>{t('taxonomy.trackLabel')}</label>
        <select
          id={`${idPrefix}-track`}
          value={value.track ?? ''}
          onChange={(e) => onChange({ track: e.target.value ? (e.target.value as Track) : null })}
        >
          <option value="">{none}</option>
          {TRACKS.map((tr) => (
            <option key={tr} value={tr}>
              {t(`taxonomy.track.${tr}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
