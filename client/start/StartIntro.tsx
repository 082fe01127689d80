import { useTranslation } from 'react-i18next';

/** What the start page is for, and the way in for someone who was given a code. */
export function StartIntro() {
  const { t } = useTranslation();
  return (
    <div className="start__intro">
      <h1>{t('start.heading')}</h1>
      <p className="lead">{t('start.intro')}</p>
      <p className="start__join">
        <span className="start__join-label">{t('start.gotCode')}</span> <a href="/join">{t('start.gotCodeLink')}</a>
      </p>
    </div>
  );
}
