import { useTranslation } from 'react-i18next';
import type { PublicCallInfo } from '../../shared';
import { currentLocale } from '../i18n';
import { formatCallTime, isCallTimeZone, windowSentence } from './time';

/** The board's title and description, whether the call is open and until when, and how ideas are moderated (a survey-only call has no ideas to moderate). */
export function CallHeader({ info }: { info: PublicCallInfo }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sentence = windowSentence(info);
  const when = 'at' in sentence ? formatCallTime(sentence.at, locale) : '';
  const open = info.state === 'open';
  return (
    <header className="call-header">
      <p className="call-header__kicker">{info.ideas ? t('call.kicker') : t('site.surveyOnly.heading')}</p>
      <h1 className="call-header__title">{info.boardTitle}</h1>
      {info.description ? <p className="call-header__description">{info.description}</p> : null}
      <p className={`call-window call-window--${open ? 'open' : 'shut'}`}>
        <span className="call-window__dot" aria-hidden="true" />
        <span>
          {t(info.ideas ? `call.window.${sentence.key}` : `site.surveyOnly.window.${sentence.key}`, { when })}
          {'at' in sentence && !isCallTimeZone() ? <span className="call-window__zone"> {t('call.window.danishTime')}</span> : null}
        </span>
      </p>
      {open && info.ideas ? <p className="call-header__moderation">{t(`call.moderationMode.${info.moderation}`)}</p> : null}
    </header>
  );
}
