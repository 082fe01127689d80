import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_KINDS, INITIATIVE_SCALES, LIMITS, PHASES, type Beacon, type Phase } from '../../shared';
import type { DraftErrors, InitiativeDraft } from './initiative-form';

interface Props {
  draft: InitiativeDraft;
  errors: DraftErrors;
  beacons: readonly Beacon[];
  onChange: (patch: Partial<InitiativeDraft>) => void;
}

/** What an initiative is: scale, new or existing, who carries it, beacons, phase and decision. */
export function InitiativeFields({ draft, errors, beacons, onChange }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const toggleBeacon = (id: string, on: boolean) =>
    onChange({ beacons: on ? [...draft.beacons, id] : draft.beacons.filter((b) => b !== id) });

  return (
    <>
      <fieldset className="field">
        <legend>{t('outcomes.form.scale')}</legend>
        <div className="initiative-form__pair">
          {INITIATIVE_SCALES.map((scale) => (
            <label key={scale} className="choice choice--compact">
              <input type="radio" name={`${ids}-scale`} checked={draft.scale === scale} onChange={() => onChange({ scale })} />
              <span>
                <span className="choice__name">{t(`outcomes.initiatives.scale.${scale}`)}</span>
                <span className="choice__help">{t(`outcomes.form.scaleHelp.${scale}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('outcomes.form.kind')}</legend>
        <div className="initiative-form__pair">
          {INITIATIVE_KINDS.map((kind) => (
            <label key={kind} className="choice choice--compact">
              <input type="radio" name={`${ids}-kind`} checked={draft.kind === kind} onChange={() => onChange({ kind })} />
              <span>
                <span className="choice__name">{t(`outcomes.initiatives.kindLong.${kind}`)}</span>
                <span className="choice__help">{t(`outcomes.form.kindHelp.${kind}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-unit`}>{t('outcomes.form.unit')}</label>
        <input
          id={`${ids}-unit`}
          value={draft.responsibleUnit}
          maxLength={LIMITS.organisation}
          autoComplete="organization"
          aria-describedby={`${ids}-unit-hint`}
          onChange={(e) => onChange({ responsibleUnit: e.target.value })}
        />
        <p id={`${ids}-unit-hint`} className="hint">
          {t('outcomes.form.unitHint')}
        </p>
      </div>
      <fieldset className="field">
        <legend>{t('outcomes.form.beacons')}</legend>
        {beacons.length === 0 ? (
          <p className="hint">{t('outcomes.form.noBeacons')}</p>
        ) : (
          <div className="initiative-form__beacons">
            {beacons.map((beacon) => (
              <label key={beacon.id} className="check">
                <input type="checkbox" checked={draft.beacons.includes(beacon.id)} onChange={(e) => toggleBeacon(beacon.id, e.target.checked)} />
                {beacon.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-phase`}>{t('outcomes.form.targetPhase')}</label>
        <select
          id={`${ids}-phase`}
          value={draft.targetPhase ?? ''}
          onChange={(e) => onChange({ targetPhase: e.target.value ? (Number(e.target.value) as Phase) : null })}
        >
          <option value="">{t('outcomes.form.noPhase')}</option>
          {PHASES.map((phase) => (
            <option key={phase} value={phase}>
              {t(`taxonomy.phase.${phase}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-decision`}>{t('outcomes.form.decisionLink')}</label>
        <input
          id={`${ids}-decision`}
          type="url"
          inputMode="url"
          value={draft.decisionLink}
          maxLength={LIMITS.url}
          placeholder="https://"
          aria-invalid={errors.decisionLink ? true : undefined}
          aria-describedby={`${ids}-decision-hint${errors.decisionLink ? ` ${ids}-decision-error` : ''}`}
          onChange={(e) => onChange({ decisionLink: e.target.value })}
        />
        <p id={`${ids}-decision-hint`} className="hint">
          {t('outcomes.form.decisionHint')}
        </p>
        {errors.decisionLink ? (
          <p id={`${ids}-decision-error`} className="error-text">
            {t('outcomes.form.decisionInvalid')}
          </p>
        ) : null}
      </div>
    </>
  );
}
