import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../shared';
import { selectLivePoll, usePollsStore } from '../../polls/polls-store';
import { useBoardStore } from '../../state/board-store';
import { ErrorText } from '../../ui/ErrorText';
import { useCommand } from './useCommand';

/**
 * What the projector shows, chosen from the facilitator's own screen: all ideas of the focus
 * question, the results, or one of its clusters (workshop:setScreen); and, while a poll is
 * live, that the poll covers it, with the way to take it off. The projector follows at
 * once; its own hidden controls can still switch it there and then.
 */
export function ScreenCard() {
  const { t } = useTranslation();
  const ids = useId();
  const screen = useBoardStore((s) => s.workshop.screen);
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  const clusters = useBoardStore((s) => s.clusters);
  const livePoll = usePollsStore(selectLivePoll);
  const { run, busy, error } = useCommand();
  const value = screen.kind === 'cluster' ? `cluster:${screen.clusterId}` : screen.kind;
  const choose = (v: string) => {
    const next: ScreenView = v.startsWith('cluster:') ? { kind: 'cluster', clusterId: v.slice('cluster:'.length) } : v === 'results' ? { kind: 'results' } : { kind: 'ideas' };
    void run('workshop:setScreen', { screen: next });
  };
  return (
    <section className="console-card console-card--screen" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('site.screen.heading')}</h3>
      {/* A live poll covers the wall (and the phones' first screen): say so here, where the view is chosen. */}
      {livePoll ? (
        <div className="screen-live" data-screen-live={livePoll.id}>
          <p>
            <strong>{t('console.screenPollLive')}</strong> «{livePoll.question}»
          </p>
          <button type="button" className="button button--small" disabled={busy} onClick={() => void run('poll:setLive', { pollId: null })}>
            {t('polls.panel.stopLive')}
          </button>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-view`}>{t('wall.view')}</label>
        <select id={`${ids}-view`} value={value} disabled={busy} onChange={(e) => choose(e.target.value)} aria-describedby={`${ids}-help`} data-screen-view="">
          <option value="ideas">{t('wall.viewAll')}</option>
          <option value="results">{t('wall.viewResults')}</option>
          {clusters
            .filter((c) => c.questionId === focusId)
            .map((c) => (
              <option key={c.id} value={`cluster:${c.id}`}>
                {t('wall.viewCluster', { name: c.name })}
              </option>
            ))}
        </select>
      </div>
      <p id={`${ids}-help`} className="hint">
        {t('site.screen.help')}
      </p>
      <ErrorText message={error} />
    </section>
  );
}
