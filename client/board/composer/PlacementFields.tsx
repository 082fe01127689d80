import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings, Idea } from '../../../shared';
import { TaxonomySelects } from '../../ui/TaxonomySelects';

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
      <TaxonomySelects value={value} onChange={(patch) => onChange({ ...value, ...patch })} idPrefix={ids} />
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
