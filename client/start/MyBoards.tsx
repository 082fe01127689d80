import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { forgetBoard, loadMyBoards, type MyBoard } from '../session/storage';
import { sortMyBoards } from './my-boards';
import { MyBoardItem } from './MyBoardItem';

/**
 * The boards this device holds facilitator links for, newest first, so nobody has to keep
 * links in an e-mail. Removing one forgets its links and sessions here, never the board.
 */
export function MyBoards() {
  const { t } = useTranslation();
  const ids = useId();
  const [boards, setBoards] = useState<MyBoard[]>(() => sortMyBoards(loadMyBoards()));
  const [message, setMessage] = useState<string | null>(null);
  const format = new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  const titleOf = (board: MyBoard) => board.title ?? t('outcomes.myBoards.untitled');
  const openId = (boardId: string) => `${ids}-open-${boardId}`;

  const remove = (board: MyBoard) => {
    const at = boards.findIndex((b) => b.boardId === board.boardId);
    forgetBoard(board.boardId);
    const rest = sortMyBoards(loadMyBoards());
    setBoards(rest);
    setMessage(t('outcomes.myBoards.removed', { title: titleOf(board) }));
    // The row with focus is gone: continue at the row that took its place, else the heading.
    const next = rest[Math.min(at, rest.length - 1)];
    requestAnimationFrame(() => document.getElementById(next ? openId(next.boardId) : `${ids}-heading`)?.focus());
  };

  return (
    <section className={`my-boards card${boards.length === 0 ? ' my-boards--empty' : ''}`} aria-labelledby={`${ids}-heading`} data-my-boards="">
      <h2 id={`${ids}-heading`} tabIndex={-1}>
        {t('outcomes.myBoards.heading')}
      </h2>
      {boards.length === 0 ? (
        <p className="my-boards__empty">{t('outcomes.myBoards.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('outcomes.myBoards.intro')}</p>
          <ul className="my-boards__list">
            {boards.map((board) => (
              <MyBoardItem
                key={board.boardId}
                board={board}
                title={titleOf(board)}
                created={
                  board.createdAt !== null
                    ? t('outcomes.myBoards.created', { date: format.format(board.createdAt) })
                    : t('outcomes.myBoards.createdUnknown')
                }
                openId={openId(board.boardId)}
                onRemove={() => remove(board)}
              />
            ))}
          </ul>
        </>
      )}
      <p role="status" className={message ? 'success-text' : 'sr-only'}>
        {message ?? ''}
      </p>
    </section>
  );
}
