import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../shared';
import type { ApiResult } from '../rest/http';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { jumpTo } from '../ui/jump';
import { ErrorText } from '../ui/ErrorText';
import { PollEditor } from './PollEditor';
import { PollResultsView } from './PollResultsView';
import { PollTextAnswers } from './PollTextAnswers';
import { usePollsStore } from './polls-store';
import { usePollDrafts } from './usePollDrafts';
import { usePollLink } from './usePollLink';

/**
 * The facilitator's poll panel: every poll of the board with its state, its live answer
 * count and results (always visible here), and its controls: open, close, show or hide the
 * results, show it live (one at a time), edit, delete; open-text answers can become ideas.
 */
export function PollPanel() {
  const { t } = useTranslation();
  const polls = usePollsStore((s) => s.polls);
  const [editing, setEditing] = useState<Poll | 'new' | null>(null);
  // The poll just saved: brought into view (and focus to it) once the list holds it, so a new
  // poll is not added out of sight at the bottom of the panel.
  const reveal = useRef<string | null>(null);
  usePollDrafts();
  useEffect(() => {
    // Its heading (PollItem's headingId); not there yet until the drafts feed has brought the poll.
    if (reveal.current && jumpTo(`poll-item-${reveal.current}`)) reveal.current = null;
  }, [polls, editing]);
  return (
    <section className="poll-panel" aria-labelledby="poll-panel-heading">
      <h2 id="poll-panel-heading">{t('polls.panel.heading')}</h2>
      <p className="poll-panel__intro">{t('polls.panel.intro')}</p>
      {editing ? (
        <PollEditor
          poll={editing === 'new' ? null : editing}
          onDone={(saved) => {
            reveal.current = saved ?? null;
            setEditing(null);
          }}
        />
      ) : (
        <button type="button" className="poll-button poll-button--primary" onClick={() => setEditing('new')}>
          {t('polls.panel.create')}
        </button>
      )}
      {polls.length === 0 ? <p>{t('polls.panel.empty')}</p> : null}
      <ul className="poll-panel__list">
        {polls.map((poll) => (
          <li key={poll.id}>
            <PollItem poll={poll} onEdit={() => setEditing(poll)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PollItem({ poll, onEdit }: { poll: Poll; onEdit: () => void }) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const count = usePollsStore((s) => s.counts[poll.id] ?? 0);
  const results = usePollsStore((s) => s.results[poll.id]);
  const [error, setError] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  usePollLink(poll.id, { withResults: true });
  const headingId = `poll-item-${poll.id}`;

  const run = async (pending: Promise<ApiResult<unknown>>) => {
    const result = await pending;
    setError(result.ok ? null : resultErrorText(t, result));
  };
  const remove = () => {
    if (window.confirm(t('polls.panel.confirmDelete', { question: poll.question }))) void run(sync.request('poll:delete', { pollId: poll.id }));
  };

  return (
    <article className="poll-item" aria-labelledby={headingId} data-poll-item={poll.id} data-poll-state={poll.state}>
      <h3 id={headingId} className="poll-item__question">
        {poll.question}
      </h3>
      <p className="poll-item__meta">
        <span className="poll-badge">{t(`polls.type.${poll.type}`)}</span>
        <span className={`poll-badge poll-badge--${poll.state}`}>{t(`polls.state.${poll.state}`)}</span>
        {poll.live ? <span className="poll-badge poll-badge--live">{t('polls.state.live')}</span> : null}
        {poll.revealed ? <span className="poll-badge">{t('polls.state.revealed')}</span> : null}
        {poll.resultMode === 'live' ? <span className="poll-badge">{t('polls.state.liveResults')}</span> : null}
        {/* A draft is not asked anywhere yet: it joins the call when it is opened. */}
        {poll.inCall ? <span className="poll-badge">{t(poll.state === 'draft' ? 'polls.state.inCallDraft' : 'polls.state.inCall')}</span> : null}
        <span className="poll-item__count" aria-live="polite" data-poll-count={count}>
          {t('polls.panel.answers', { count })}
        </span>
      </p>
      <div className="poll-item__actions" role="group" aria-label={t('polls.panel.actionsFor', { question: poll.question })}>
        {poll.state !== 'open' ? (
          <button type="button" className="poll-button" onClick={() => void run(sync.request('poll:open', { pollId: poll.id }))}>
            {poll.state === 'closed' ? t('polls.panel.reopen') : t('polls.panel.open')}
          </button>
        ) : (
          <button type="button" className="poll-button" onClick={() => void run(sync.request('poll:close', { pollId: poll.id }))}>
            {t('polls.panel.close')}
          </button>
        )}
        {poll.state !== 'draft' ? (
          <button type="button" className="poll-button" aria-pressed={poll.live} onClick={() => void run(sync.request('poll:setLive', { pollId: poll.live ? null : poll.id }))}>
            {poll.live ? t('polls.panel.stopLive') : t('polls.panel.goLive')}
          </button>
        ) : null}
        {poll.state !== 'draft' ? (
          <button type="button" className="poll-button" aria-pressed={poll.revealed} onClick={() => void run(sync.request('poll:reveal', { pollId: poll.id, revealed: !poll.revealed }))}>
            {poll.revealed ? t('polls.panel.hide') : t('polls.panel.reveal')}
          </button>
        ) : null}
      </div>
      {/* Running the poll above, changing it below: "Delete" is not beside "Show live", and not there while the poll is on the screen. */}
      <div className="poll-item__manage">
        <button type="button" className="poll-button poll-button--small" aria-describedby={headingId} onClick={onEdit}>
          {t('polls.panel.edit')}
        </button>
        {poll.live ? null : (
          <button type="button" className="poll-button poll-button--small poll-button--danger" aria-describedby={headingId} onClick={remove}>
            {t('polls.panel.delete')}
          </button>
        )}
      </div>
      <ErrorText message={error} />
      {results && poll.state !== 'draft' ? (
        <>
          <PollResultsView poll={poll} results={results} showTable={showTable} />
          {results.kind !== 'text' ? (
            <label className="poll-choice">
              <input type="checkbox" checked={showTable} onChange={(e) => setShowTable(e.target.checked)} />
              <span>{t('polls.results.showTable')}</span>
            </label>
          ) : null}
        </>
      ) : null}
      {poll.type === 'text' && poll.state !== 'draft' ? <PollTextAnswers poll={poll} count={count} /> : null}
    </article>
  );
}
