import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { send } from '../rest/api';
import { useSenseSession, type SenseSession } from './useSenseSession';

interface Props {
  session: SenseSession;
  /** Only pairs answering this question; undefined: the whole board. */
  questionId?: string;
}

/**
 * "Mulige dubletter" for facilitators in the group step: pairs of visible ideas that may say
 * the same thing. One click merges them through idea:merge (the newer into the older, so the
 * first writer's text stays; votes and authors are kept, docs/WORKSHOP.md), or marks them as
 * "not duplicates", which the server remembers.
 */
export function DuplicatesPanel({ session, questionId }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const ideas = useBoardStore((s) => s.ideas);
  const announce = useBoardStore((s) => s.announce);
  const { boardId, token, failure } = useSenseSession(session);
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const sent = await send('duplicates', { params: { boardId }, session: token, query: { questionId } });
    setError(sent.result.ok ? null : failure(sent));
    if (sent.result.ok) setPairs(sent.result.data.pairs);
  }, [boardId, token, questionId, failure]);

  useEffect(() => {
    // The first look happens when the panel opens; "Søg igen" looks again.
    let current = true;
    void send('duplicates', { params: { boardId }, session: token, query: { questionId } }).then((sent) => {
      if (!current) return;
      setError(sent.result.ok ? null : failure(sent));
      if (sent.result.ok) setPairs(sent.result.data.pairs);
    });
    return () => {
      current = false;
    };
  }, [boardId, token, questionId, failure]);

  // Pairs whose ideas are gone (merged, deleted, hidden since) drop out by themselves.
  const shown = (pairs ?? []).filter((pair) => pair.ideaIds.every((id) => ideas.has(id)));

  const merge = async (pair: DuplicatePair) => {
    const [a, b] = pair.ideaIds.map((id) => ideas.get(id)!);
    if (!a || !b || !sync.workshop) return;
    const [target, source] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
    setBusy(pair.ideaIds.join());
    const result = await sync.workshop.request('idea:merge', { targetId: target.id, sourceIds: [source.id] });
    setBusy(null);
    if (!result.ok) {
      setError(t('sense.duplicates.failed', { reason: resultErrorText(t, result) }));
      return;
    }
    setPairs((current) => (current ?? []).filter((other) => !other.ideaIds.includes(source.id)));
    announce(t('sense.duplicates.merged'));
  };

  const dismiss = async (pair: DuplicatePair) => {
    setBusy(pair.ideaIds.join());
    const sent = await send('dismissDuplicate', { params: { boardId }, session: token, body: { ideaIds: pair.ideaIds } });
    setBusy(null);
    if (!sent.result.ok) {
      setError(t('sense.duplicates.failed', { reason: failure(sent) }));
      return;
    }
    setPairs((current) => (current ?? []).filter((other) => other.ideaIds.join() !== pair.ideaIds.join()));
    announce(t('sense.duplicates.dismissed'));
  };

  return (
    <section className="sense-panel" aria-labelledby={`${ids}-heading`} data-duplicates="">
      <h3 id={`${ids}-heading`}>{t('sense.duplicates.heading')}</h3>
      <p className="hint">{t('sense.duplicates.intro')}</p>
      <p role="status" className="hint">
        {pairs === null ? t('sense.duplicates.loading') : shown.length === 0 ? t('sense.duplicates.none') : ''}
      </p>
      <ErrorText message={error} />
      {shown.length > 0 ? (
        <ul className="sense-panel__list">
          {shown.map((pair) => {
            const [a, b] = pair.ideaIds.map((id) => ideas.get(id)!);
            const key = pair.ideaIds.join();
            return (
              <li key={key} className="sense-pair" data-pair={key}>
                <ul className="sense-pair__ideas">
                  <li>{a?.text}</li>
                  <li>{b?.text}</li>
                </ul>
                <p className="sense-pair__score">{t('sense.duplicates.similarity', { percent: Math.round(pair.score * 100) })}</p>
                <div className="sense-actions">
                  <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void merge(pair)}>
                    {t('sense.duplicates.merge')}
                  </button>
                  <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void dismiss(pair)}>
                    {t('sense.duplicates.notDuplicates')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p>
        <button type="button" className="button button--secondary button--small" onClick={() => void load()}>
          {t('sense.duplicates.refresh')}
        </button>
      </p>
    </section>
  );
}
