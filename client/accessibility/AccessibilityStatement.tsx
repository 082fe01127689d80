import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../app/Layout';
import { send } from '../rest/api';
import { CHECKED_SCREENS, REVIEWED_AT } from './facts';

/**
 * The accessibility statement (tilgængelighedserklæring) at /tilgaengelighed and, in
 * English, /accessibility, with the sections a Danish statement has: the law, the
 * conformance status, what is checked (from facts.ts, kept true by a test), what is known
 * not to conform, how to report a problem (ACCESSIBILITY_CONTACT), the enforcement route and
 * the date of the last review.
 */
export function AccessibilityStatement({ locale }: { locale: 'da' | 'en' }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(locale);
  const [contact, setContact] = useState<string | null>(null);

  useEffect(() => {
    document.title = t('site.statement.pageTitle');
    void send('site', {}).then(({ result }) => {
      setContact(result.ok ? result.data.accessibilityContact : '');
    });
  }, [t]);

  const reviewed = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(
    new Date(`${REVIEWED_AT}T12:00:00Z`),
  );
  const known = ['pdf', 'assistive', 'emoji', 'projector'] as const;

  return (
    <Layout className="page--statement">
      <article className="statement" lang={locale}>
        <h1>{t('site.statement.title')}</h1>
        <p className="lead">{t('site.statement.intro')}</p>
        <p>
          <a href={locale === 'da' ? '/accessibility' : '/tilgaengelighed'} lang={locale === 'da' ? 'en' : 'da'}>
            {t('site.statement.other')}
          </a>
        </p>

        <h2>{t('site.statement.lawHeading')}</h2>
        <p>{t('site.statement.law')}</p>

        <h2>{t('site.statement.statusHeading')}</h2>
        <p>{t('site.statement.status')}</p>

        <h2>{t('site.statement.checkedHeading')}</h2>
        <p>{t('site.statement.checked')}</p>
        {/* Scrolls sideways on a phone: focusable, so the keyboard can scroll it too. */}
        <div className="statement__table" role="region" aria-label={t('site.statement.checkedHeading')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('site.statement.screen')}</th>
                <th scope="col">{t('site.statement.widths')}</th>
                <th scope="col">{t('site.statement.kind')}</th>
                <th scope="col">{t('site.statement.test')}</th>
              </tr>
            </thead>
            <tbody>
              {CHECKED_SCREENS.map((row) => (
                <tr key={`${row.test}-${row.screen.en}`}>
                  <th scope="row">{row.screen[locale]}</th>
                  <td>{row.widths}</td>
                  <td>{row.kind === 'axe' ? t('site.statement.kindAxe') : t('site.statement.kindKeyboard')}</td>
                  <td>
                    <code>{row.test}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2>{t('site.statement.knownHeading')}</h2>
        <ul>
          {known.map((key) => (
            <li key={key}>{t(`site.statement.known.${key}`)}</li>
          ))}
        </ul>

        <h2>{t('site.statement.reportHeading')}</h2>
        <p data-contact="">
          {contact === null ? '' : contact ? t('site.statement.reportContact', { contact }) : t('site.statement.reportNoContact')}
        </p>

        <h2>{t('site.statement.enforcementHeading')}</h2>
        <p>{t('site.statement.enforcement')}</p>
        <p>
          <a href="https://www.was.digst.dk/">{t('site.statement.enforcementLink')}</a>
        </p>

        <h2>{t('site.statement.reviewedHeading')}</h2>
        <p>{t('site.statement.reviewed', { date: reviewed })}</p>

        <p>
          <a href="/">{t('site.statement.back')}</a>
        </p>
      </article>
    </Layout>
  );
}
