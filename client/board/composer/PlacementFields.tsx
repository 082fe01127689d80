import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, PRINCIPLES, TRACKS, type BoardSettings, type Idea, type Phase, type Principle, type Track } from '../../../shared';

export type Placement = Pick<Idea, 'phase' | 'principle' | 'track' | 'beacons' | 'questionId'>;

interface Props {
  value: Placement;
  onChange: (value: Placement) => void;
  settings: BoardSettings | null;
}

/** Phase, principle, track, question and beacons of an idea: all optional. */
export function PlacementFields({ value, onChange, settings }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const set = <K extends keyof Placement>(key: K, v: Placement[K]) => onChange({ ...value, [key]: v });
  const none = t('taxonomy.none');
  const questions = settings?.questions ?? [];
  const beacons = settings?.beacons ?? [];

  return (
    <div className="placement">
      <div className="field">
        <label htmlFor={`${ids}-phase`}>{t('taxonomy.phaseLabel')}</label>
        <select
          id={`${ids}-phase`}
          value={value.phase ?? ''}
          onChange={(e) => set('phase', e.target.value ? (Number(e.target.value) as Phase) : null)}
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
        <label htmlFor={`${ids}-principle`}>{t('taxonomy.principleLabel')}</label>
        <select
          id={`${ids}-principle`}
          value={value.principle ?? ''}
          onChange={(e) => set('principle', e.target.value ? (Number(e.target.value) as Principle) : null)}
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
        <label htmlFor={`${ids}-track`}>{t('taxonomy.trackLabel')}</label>
        <select
          id={`${ids}-track`}
          value={value.track ?? ''}
          onChange={(e) => set('track', (e.target.value || null) as Track | null)}
        >
          <option value="">{none}</option>
          {TRACKS.map((tr) => (
            <option key={tr} value={tr}>
              {t(`taxonomy.track.${tr}`)}
            </option>
          ))}
        </select>
      </div>
      {questions.length > 0 ? (
        <div className="field placement__wide">
          <label htmlFor={`${ids}-question`}>{t('taxonomy.questionLabel')}</label>
          <select
            id={`${ids}-question`}
            value={value.questionId ?? ''}
            onChange={(e) => set('questionId', e.target.value || null)}
          >
            <option value="">{none}</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.text}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {beacons.length > 0 ? (
        <fieldset className="field placement__beacons">
          <legend>{t('taxonomy.beaconsLabel')}</legend>
          {beacons.map((b) => (
            <label key={b.id} className="check">
              <input
                type="checkbox"
                checked={value.beacons.includes(b.id)}
                onChange={(e) =>
                  set('beacons', e.target.checked ? [...value.beacons, b.id] : value.beacons.filter((id) => id !== b.id))
                }
              />
              {b.name}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
