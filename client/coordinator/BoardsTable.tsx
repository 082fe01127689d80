import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewBoard } from '../../shared';
import { currentLocale } from '../i18n';
import { loadLinks } from '../session/storage';
import { DrillButton } from './DrillButton';
import { formatCopenhagenDay } from './time';

/**
 * Every board of the installation. Boards this device created link to their facilitator
 * view (the coordinator has no board links of its own); the count drills down.
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
        <table className="coord-table coord-boards__table" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">{t('coordinator.overview.boardTitle')}</th>
              <th scope="col">{t('coordinator.overview.boardCreated')}</th>
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
                  <td className="coord-table__num">
                    <DrillButton count={board.ideaCount} label={title} onDrill={() => onDrill(board.boardId)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
