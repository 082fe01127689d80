import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewBoard } from '../../shared';
import { currentLocale } from '../i18n';
import { loadLinks } from '../session/storage';
import { DrillButton } from './DrillButton';
import { CallCell } from './CallCell';
import { formatCopenhagenDay } from './time';

/**
 * Every board of the installation. Boards this device created link to their facilitator
 * view (the coordinator has no board links of its own); the count drills down. Whether a
 * board's public call is open and how much waits for its moderators are counts only: what
 * waits is the board's facilitators' to see.
 */
export function BoardsTable({ boards, onDrill }: { boards: readonly OverviewBoard[]; onDrill: (boardId: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  return (
    <section className="coord-boards" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('coordinator.overview.boardsHeading')}</h3>
      {boards.length === 0 ? (
        <p>{t('coordinator.overview.noBoards')}</p>
      ) : (
        <>
          {/* Five columns do not fit a phone: the table scrolls sideways, not the page. */}
          <div className="coord-scroll">
            <table className="coord-table coord-boards__table" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-help`}>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.overview.boardTitle')}</th>
                  <th scope="col">{t('coordinator.overview.boardCreated')}</th>
                  <th scope="col">{t('coordinator.overview.boardCall')}</th>
                  <th scope="col" className="coord-table__num">
                    {t('coordinator.overview.boardPending')}
                  </th>
                  <th scope="col" className="coord-table__num">
                    {t('coordinator.overview.boardIdeas')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {boards.map((board) => {
                  const title = board.title || t('coordinator.overview.untitled');
                  const link = loadLinks(board.boardId)?.facilitator;
                  return (
                    <tr key={board.boardId} data-board={board.boardId}>
                      <th scope="row">{link ? <a href={link}>{title}</a> : title}</th>
                      <td>
                        <time dateTime={new Date(board.createdAt).toISOString()}>{formatCopenhagenDay(board.createdAt, locale)}</time>
                      </td>
                      <td data-call={board.call?.state ?? 'none'}>
                        <CallCell call={board.call} locale={locale} />
                      </td>
                      <td className="coord-table__num" data-pending={board.pending}>
                        <span className={board.pending > 0 ? 'coord-pending' : 'coord-count--zero'}>{board.pending}</span>
                      </td>
                      <td className="coord-table__num">
                        <DrillButton count={board.ideaCount} label={title} onDrill={() => onDrill(board.boardId)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p id={`${id}-help`} className="hint coord-boards__help">
            {t('coordinator.overview.boardsHelp')}
          </p>
        </>
      )}
    </section>
  );
}
