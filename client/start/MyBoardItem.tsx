import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyBoard } from '../session/storage';

interface Props {
  board: MyBoard;
  title: string;
  created: string;
  /** The open link's element id, where focus can continue after a neighbour is removed. */
  openId: string;
  onRemove: () => void;
}

/** One of "my boards": its title and date, "Open", and removal behind a confirmation. */
export function MyBoardItem({ board, title, created, openId, onRemove }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus follows the question: to "Keep" (the safe answer) when asked, back to "Remove" after.
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) removeButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  return (
    <li className="my-boards__item" data-board={board.boardId}>
      <h3 className="my-boards__title">{title}</h3>
      <p className="my-boards__date">{created}</p>
      {confirming ? (
        <div className="my-boards__confirm" role="group" aria-labelledby={`${ids}-question`}>
          <p id={`${ids}-question`}>{t('outcomes.myBoards.confirm', { title })}</p>
          <div className="actions">
            <button type="button" className="button button--danger button--small" onClick={onRemove}>
              {t('outcomes.myBoards.confirmRemove')}
            </button>
            <button ref={keep} type="button" className="button button--small" onClick={() => setConfirming(false)}>
              {t('outcomes.myBoards.keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <a id={openId} className="button button--primary button--small" href={board.facilitatorLink} aria-label={t('outcomes.myBoards.openLabel', { title })}>
            {t('outcomes.myBoards.open')}
          </a>
          <button
            ref={removeButton}
            type="button"
            className="button button--quiet button--small"
            aria-label={t('outcomes.myBoards.removeLabel', { title })}
            onClick={() => setConfirming(true)}
          >
            {t('outcomes.myBoards.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
