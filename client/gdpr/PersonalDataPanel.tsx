import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonQuery, PersonSummary } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { downloadJson } from '../rest/save-file';
import { resultErrorText } from '../i18n/errors';

const BY: ReadonlyArray<PersonQuery['by']> = ['participant', 'receipt', 'email'];

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'found'; query: PersonQuery; summary: PersonSummary; confirming: boolean }
  | { kind: 'deleted'; text: string }
  | { kind: 'failed'; message: string };

/**
 * The facilitator's GDPR tool (docs/PROTOCOL.md §19.4): find a contributor by participant id,
 * receipt code or e-mail, download what the board holds about them as JSON, or delete all of
 * it after a confirmation step. Belongs in the moderation area, as a panel beside the log.
 */
export function PersonalDataPanel() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const [by, setBy] = useState<PersonQuery['by']>('receipt');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const busy = state.kind === 'busy';

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const query: PersonQuery = { by, value: value.trim() };
    setState({ kind: 'busy' });
    const result = await sync.request('person:find', query);
    setState(result.ok ? { kind: 'found', query, summary: result.data, confirming: false } : { kind: 'failed', message: resultErrorText(t, result) });
  };

  const download = async (query: PersonQuery) => {
    const result = await sync.request('person:export', query);
    if (result.ok) downloadJson(result.data, `samskab-person-${query.by}.json`);
    else setState({ kind: 'failed', message: resultErrorText(t, result) });
  };

  const remove = async (query: PersonQuery) => {
    setState({ kind: 'busy' });
    const result = await sync.request('person:delete', { ...query, reason: reason.trim() || null });
    if (result.ok) setState({ kind: 'deleted', text: t('gdpr.person.deleted', { ...result.data }) });
    else setState({ kind: 'failed', message: resultErrorText(t, result) });
  };

  return (
    <section className="gdpr-panel" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{t('gdpr.person.heading')}</h3>
      <p className="hint">{t('gdpr.person.intro')}</p>
      <form className="gdpr-find" onSubmit={(e) => void find(e)}>
        <label htmlFor={`${ids}-by`}>{t('gdpr.person.by')}</label>
        <select id={`${ids}-by`} value={by} onChange={(e) => setBy(e.target.value as PersonQuery['by'])}>
          {BY.map((option) => (
            <option key={option} value={option}>
              {t(`gdpr.person.byOptions.${option}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-value`}>{t('gdpr.person.value')}</label>
        <input id={`${ids}-value`} type={by === 'email' ? 'email' : 'text'} required value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? t('gdpr.person.finding') : t('gdpr.person.find')}
        </button>
      </form>
      {state.kind === 'found' ? (
        <div className="gdpr-result">
          <p role="status">{t('gdpr.person.summary', { ...state.summary })}</p>
          {state.confirming ? (
            <div role="alertdialog" aria-labelledby={`${ids}-ch`} aria-describedby={`${ids}-cb`} className="gdpr-confirm">
              <h4 id={`${ids}-ch`}>{t('gdpr.person.confirmHeading')}</h4>
              <p id={`${ids}-cb`}>{t('gdpr.person.confirmBody')}</p>
              <label htmlFor={`${ids}-reason`}>{t('gdpr.person.reason')}</label>
              <input id={`${ids}-reason`} type="text" maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
              <div className="actions">
                <button ref={confirmRef} type="button" className="button button--danger" onClick={() => void remove(state.query)}>
                  {t('gdpr.person.confirm')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setState({ ...state, confirming: false })}>
                  {t('app.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={() => void download(state.query)}>
                {t('gdpr.person.export')}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setState({ ...state, confirming: true });
                  requestAnimationFrame(() => confirmRef.current?.focus());
                }}
              >
                {t('gdpr.person.delete')}
              </button>
            </div>
          )}
        </div>
      ) : null}
      {state.kind === 'deleted' ? <p role="status">{state.text}</p> : null}
      {state.kind === 'failed' ? (
        <p role="alert" className="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
