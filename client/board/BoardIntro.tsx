import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';

/**
 * The question the room is answering (the board's name is in the banner above). The
 * description shows on wider screens; on a phone it is in the menu, so the idea field
 * stays in the first screen.
 */
export function BoardIntro() {
  const { t } = useTranslation();
  const settings = useBoardStore((s) => s.settings);
  const focus = settings?.questions.find((q) => q.id === settings.focusQuestionId) ?? null;
  return (
    <div className="board-intro">
      {settings?.description ? <p className="board-intro__description">{settings.description}</p> : null}
      {focus ? (
        <p className="focus-question">
          <span className="focus-question__label">{t('board.focusQuestion')}</span>
          <span className="focus-question__text">{focus.text}</span>
        </p>
      ) : null}
    </div>
  );
}
