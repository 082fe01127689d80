import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewThemesResponse } from '../../shared';
import { resultErrorText } from '../i18n/errors';
import { request } from '../rest/api';

interface Props {
  sessionToken: string;
  /** The overview's board filter: themes of that board only. */
  boardId: string | null;
  onExpired: () => void;
  /** The themes found, for the status report. */
  onThemes: (themes: OverviewThemesResponse | null) => void;
}

/**
 * Themes across every board for the coordinator: each with how many of its ideas each board
 * holds, a few quoted verbatim, and a drill-down to all of them. Asked for on demand, since
 * it reads every board.
 */
export function ThemesSection({ sessionToken, boardId, onExpired, onThemes }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState<OverviewThemesResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const find = async () => {
    setBusy(true);
    setError(null);
    const result = await request('overviewThemes', { session: sessionToken, query: { boardId: boardId ?? undefined }, cache: 'no-store' });
    setBusy(false);
    if (!result.ok && 'error' in result && result.error.code === 'UNAUTHENTICATED') {
      onExpired();
      return;
    }
    if (!result.ok) {
      setError(t('sense.overview.failed', { reason: resultErrorText(t, result) }));
      return;
    }
    setFound(result.data);
    onThemes(result.data);
  };

  const status = busy
    ? t('sense.overview.loading')
    : !found
      ? ''
      : found.reason === 'TOO_FEW_IDEAS'
        ? t('sense.overview.tooFew')
        : found.themes.length === 0
          ? t('sense.overview.none')
          : found.truncated
            ? t('sense.overview.truncated', { count: found.ideaCount })
            : t('sense.overview.considered', { count: found.ideaCount });

  return (
    <div className="coord-themes">
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void find()}>
          {found ? t('sense.overview.findAgain') : t('sense.overview.find')}
        </button>
      </p>
      <p role="status" className="hint">
        {status}
      </p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
      {found && found.themes.length > 0 ? (
        <ol className="sense-panel__list">
          {found.themes.map((theme, at) => (
            <li key={`${at}-${theme.label}`} className="sense-theme" data-theme={theme.label}>
              <div className="sense-theme__header">
                <h3 className="sense-theme__label">{theme.label}</h3>
                <span className="sense-theme__count">{t('sense.overview.ideas', { count: theme.ideas.length })}</span>
              </div>
              <table className="coord-themes__boards">
                <caption className="sr-only">{t('sense.overview.perBoard')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sense.overview.board')}</th>
                    <th scope="col">{t('sense.overview.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {theme.boards.map((board) => (
                    <tr key={board.boardId}>
                      <th scope="row">{board.boardTitle || t('coordinator.overview.untitled')}</th>
                      <td>{board.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="sense-theme__quotes" role="group" aria-label={t('sense.overview.quotes')}>
                {theme.quotes.map((quote) => (
                  <blockquote key={`${quote.boardId}/${quote.ideaId}`} className="sense-theme__quote">
                    {quote.text}
                  </blockquote>
                ))}
              </div>
              <details>
                <summary>{t('sense.overview.all', { count: theme.ideas.length })}</summary>
                <ul className="coord-themes__ideas">
                  {theme.ideas.map((idea) => (
                    <li key={`${idea.boardId}/${idea.ideaId}`}>
                      {idea.text}{' '}
                      <span className="hint">({theme.boards.find((b) => b.boardId === idea.boardId)?.boardTitle ?? ''})</span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
