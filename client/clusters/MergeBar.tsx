import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Facilitators: "Merge duplicates". In merge mode every note gets a checkbox; pick the
 * ideas that say the same, choose whose text stays, merge. The server keeps every author,
 * the original texts and the votes (docs/WORKSHOP.md).
 */
export function MergeBar() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const ideas = useBoardStore((s) => s.ideas);
  const selection = useBoardStore((s) => s.mergeSelection);
  const setSelection = useBoardStore((s) => s.setMergeSelection);
  const announce = useBoardStore((s) => s.announce);
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (selection === null) {
    return (
      <p className="merge-start">
        <button type="button" className="button button--secondary button--small" onClick={() => setSelection([])}>
          {t('merge.start')}
        </button>
      </p>
    );
  }

  const chosen = selection.filter((id) => ideas.has(id));
  const targetId = target !== null && chosen.includes(target) ? target : (chosen[0] ?? null);
  const stop = () => {
    setSelection(null);
    setTarget(null);
    setError(null);
  };

  const merge = async () => {
    if (!targetId || chosen.length < 2 || !sync.workshop) return;
    setBusy(true);
    setError(null);
    const result = await sync.workshop.request('idea:merge', { targetId, sourceIds: chosen.filter((id) => id !== targetId) });
    setBusy(false);
    if (!result.ok) {
      setError(resultErrorText(t, result));
      return;
    }
    announce(t('merge.done', { count: chosen.length }));
    stop();
  };

  return (
    <section className="merge-bar" aria-labelledby={`${ids}-heading`} data-merge-bar="">
      <h3 id={`${ids}-heading`} className="merge-bar__heading">
        {t('merge.heading')}
      </h3>
      <p className="merge-bar__help">{t('merge.help')}</p>
      <p className="merge-bar__count" role="status">
        {t('merge.selected', { count: chosen.length })}
      </p>
      {chosen.length >= 2 ? (
        <div className="field merge-bar__target">
          <label htmlFor={`${ids}-target`}>{t('merge.target')}</label>
          <select id={`${ids}-target`} value={targetId ?? ''} onChange={(e) => setTarget(e.target.value)}>
            {chosen.map((id) => (
              <option key={id} value={id}>
                {shorten(ideas.get(id)?.text ?? '')}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="merge-bar__buttons">
        <button type="button" className="button button--primary button--small" disabled={busy || chosen.length < 2} onClick={() => void merge()}>
          {t('merge.submit', { count: chosen.length })}
        </button>
        <button type="button" className="button button--small" onClick={stop}>
          {t('app.cancel')}
        </button>
      </div>
      <ErrorText message={error} />
    </section>
  );
}
