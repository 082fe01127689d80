import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { PresenceList } from './PresenceList';

interface Props {
  session: StoredSession;
  fallbackTitle: string;
  /** The facilitator tools' disclosure; the panel itself sits below, full width. */
  tools: { open: boolean; toggle: () => void; panelId: string } | null;
}

/** Title, description and focus question, who is here, and the button for the facilitator's tools. */
export function BoardIntro({ session, fallbackTitle, tools }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const settings = useBoardStore((s) => s.settings);
  const focus = settings?.questions.find((q) => q.id === settings.focusQuestionId) ?? null;

  return (
    <section className="board-intro" aria-labelledby={`${ids}-title`}>
      <div className="board-intro__head">
        <h1 id={`${ids}-title`} className="board-intro__title">
          {settings?.title ?? fallbackTitle}
        </h1>
        {tools ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={tools.open}
            aria-controls={tools.panelId}
            onClick={tools.toggle}
          >
            {t('board.facilitatorTools')}
          </button>
        ) : null}
      </div>
      {settings?.description ? <p className="board-intro__description">{settings.description}</p> : null}
      {focus ? (
        <p className="focus-question">
          <span className="focus-question__label">{t('board.focusQuestion')}</span>
          <span className="focus-question__text">{focus.text}</span>
        </p>
      ) : null}
      <PresenceList identity={session.identity} />
    </section>
  );
}
