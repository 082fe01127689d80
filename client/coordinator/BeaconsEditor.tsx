import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, LIMITS, type Beacon } from '../../shared';
import { ListEditor } from '../facilitator/ListEditor';
import { resultErrorText } from '../i18n/errors';
import { errorOf } from '../rest/http';
import { checkBeacons, isDirty, toItems, type BeaconItem } from './beacon-draft';
import { request } from '../rest/api';

interface Props {
  saved: Beacon[];
  onSaved: (beacons: Beacon[]) => void;
  sessionToken: string;
  onExpired: () => void;
}

/** Add, rename, remove and reorder the installation's beacons; new boards start with them. */
export function BeaconsEditor({ saved, onSaved, sessionToken, onExpired }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState<BeaconItem[]>(() => toItems(saved));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const dirty = isDirty(items, saved);

  const change = (next: BeaconItem[]) => {
    setItems(next);
    setDone(false);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkBeacons(items);
    if (!check.ok) {
      setError(check.problem === 'empty' ? t('coordinator.beacons.emptyName') : t('coordinator.beacons.duplicate', { name: check.name }));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await request('setInstallationBeacons', { session: sessionToken, body: { beacons: check.beacons }, cache: 'no-store' });
    setBusy(false);
    if (result.ok) {
      onSaved(result.data.beacons);
      setItems(toItems(result.data.beacons));
      setDone(true);
    } else if (errorOf(result)?.code === ErrorCode.UNAUTHENTICATED) {
      onExpired();
    } else {
      setError(t('coordinator.beacons.saveFailed', { reason: resultErrorText(t, result) }));
    }
  };

  return (
    <form className="coord-beacons" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="field">
        <legend>{t('coordinator.beacons.legend')}</legend>
        {items.length === 0 ? <p className="hint">{t('coordinator.beacons.empty')}</p> : null}
        <ListEditor
          items={items}
          onChange={change}
          max={LIMITS.beaconsPerBoard}
          maxLength={LIMITS.beaconName}
          itemLabel={(n) => t('coordinator.beacons.item', { n })}
          removeLabel={(n) => t('coordinator.beacons.remove', { n })}
          upLabel={(n) => t('coordinator.beacons.up', { n })}
          downLabel={(n) => t('coordinator.beacons.down', { n })}
          addLabel={t('coordinator.beacons.add')}
        />
      </fieldset>
      <p role="alert" className="error-text">
        {error ?? ''}
      </p>
      <div className="coord-beacons__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('coordinator.beacons.saving') : t('coordinator.beacons.save')}
        </button>
        {dirty && !busy ? (
          <button type="button" className="button button--small button--quiet" onClick={() => change(toItems(saved))}>
            {t('coordinator.beacons.undo')}
          </button>
        ) : null}
      </div>
      <p role="status" className={done ? 'success-text' : 'hint'}>
        {done ? t('coordinator.beacons.saved') : dirty ? t('coordinator.beacons.unsaved') : ''}
      </p>
    </form>
  );
}
