import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { currentLocale } from '../i18n';

type Subscription = { email: string; locale: 'da' | 'en' } | null;

/**
 * A facilitator asks for "N contributions wait for moderation" by e-mail, at most hourly
 * (socket.io mail:subscribe, docs/PROTOCOL.md §19.3), and can stop it (the address is deleted).
 * A server without mail (no SMTP_URL) sends none: the panel says so and asks for no address.
 */
export function DigestSubscription() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const [current, setCurrent] = useState<Subscription | undefined>(undefined);
  // null until the server has said; false: this server sends no mail at all.
  const [mailConfigured, setMailConfigured] = useState<boolean | null>(null);
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'da' | 'en'>(currentLocale());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void sync.request('mail:subscription', {}).then((result) => {
      if (!live || !result.ok) return;
      setCurrent(result.data.subscription);
      setMailConfigured(result.data.mailConfigured);
    });
    return () => {
      live = false;
    };
  }, [sync]);

  const subscribe = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await sync.request('mail:subscribe', { email: email.trim(), locale });
    setBusy(false);
    if (result.ok) {
      setCurrent(result.data);
      setError(null);
    } else setError(resultErrorText(t, result));
  };

  const stop = async () => {
    setBusy(true);
    const result = await sync.request('mail:unsubscribe', {});
    setBusy(false);
    if (result.ok) setCurrent(null);
    else setError(resultErrorText(t, result));
  };

  return (
    <section className="mail-digest" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{t('gdpr.digest.heading')}</h3>
      {mailConfigured === false ? (
        <p className="alert" data-mail-off="">
          {t('gdpr.digest.off')}
        </p>
      ) : (
        <p className="hint">{t('gdpr.digest.intro')}</p>
      )}
      {current ? (
        <>
          <p role="status">{t(mailConfigured === false ? 'gdpr.digest.subscribedOff' : 'gdpr.digest.subscribed', { email: current.email })}</p>
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void stop()}>
            {t('gdpr.digest.unsubscribe')}
          </button>
        </>
      ) : mailConfigured === false ? null : (
        <form className="mail-digest__form" onSubmit={(e) => void subscribe(e)}>
          <label htmlFor={`${ids}-email`}>{t('gdpr.digest.email')}</label>
          <input id={`${ids}-email`} type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor={`${ids}-lang`}>{t('gdpr.digest.language')}</label>
          <select id={`${ids}-lang`} value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'da')}>
            <option value="da">{t('app.languages.da')}</option>
            <option value="en">{t('app.languages.en')}</option>
          </select>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('gdpr.digest.subscribe')}
          </button>
        </form>
      )}
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
