import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Cluster, type ThemeSuggestion } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { clusterFits } from '../clusters/clusters';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { send } from '../rest/api';
import { useSenseSession, type SenseSession } from './useSenseSession';

interface Props {
  session: SenseSession;
}

type Scope = 'question' | 'board';
interface Shown extends ThemeSuggestion {
  key: string;
  name: string;
}

/**
 * Theme suggestions for facilitators: the server groups the visible ideas and quotes two or
 * three of each group verbatim. Accepting a theme makes a cluster with its (editable) name
 * through cluster:create and gathers its ideas into it by setting their clusterId, which
 * everyone sees at once; dropping it just removes the suggestion.
 */
export function ThemesPanel({ session }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const ideas = useBoardStore((s) => s.ideas);
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  const announce = useBoardStore((s) => s.announce);
  const { boardId, token, failure } = useSenseSession(session);
  const [scope, setScope] = useState<Scope>(focusId ? 'question' : 'board');
  const [themes, setThemes] = useState<Shown[] | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const suggest = async () => {
    setBusy(true);
    setError(null);
    setStatus(t('sense.themes.loading'));
    const sent = await send('themes', { params: { boardId }, session: token, query: { questionId: scope === 'question' && focusId ? focusId : undefined } });
    setBusy(false);
    if (!sent.result.ok) {
      setStatus('');
      setError(failure(sent));
      return;
    }
    const { themes: found, reason } = sent.result.data;
    setThemes(found.map((theme, at) => ({ ...theme, key: `${at}-${theme.ideaIds[0] ?? ''}`, name: theme.label })));
    setStatus(reason === 'TOO_FEW_IDEAS' ? t('sense.themes.tooFew') : found.length === 0 ? t('sense.themes.none') : '');
  };

  const drop = (key: string) => setThemes((current) => (current ?? []).filter((theme) => theme.key !== key));
  const rename = (key: string, name: string) =>
    setThemes((current) => (current ?? []).map((theme) => (theme.key === key ? { ...theme, name } : theme)));

  const accept = async (theme: Shown) => {
    if (!sync.workshop || theme.name.trim() === '') return;
    setBusy(true);
    setError(null);
    const members = theme.ideaIds.map((id) => ideas.get(id)).filter((idea) => idea !== undefined);
    // A cluster belongs to one question: the scope's, or the one most of the theme answers.
    const questionId = scope === 'question' ? focusId : mostCommon(members.map((idea) => idea.questionId ?? focusId));
    const result = await sync.workshop.request('cluster:create', { name: theme.name.trim(), questionId });
    if (!result.ok) {
      setBusy(false);
      setError(t('sense.themes.failed', { reason: resultErrorText(t, result) }));
      return;
    }
    const cluster: Cluster = result.data;
    let gathered = 0;
    for (const idea of members) {
      if (clusterFits(cluster, idea, focusId) && sync.updateIdea(idea.id, { clusterId: cluster.id })) gathered += 1;
    }
    setBusy(false);
    drop(theme.key);
    announce(t('sense.themes.accepted', { name: cluster.name, count: gathered }));
  };

  return (
    <section className="sense-panel" aria-labelledby={`${ids}-heading`} data-themes="">
      <h3 id={`${ids}-heading`}>{t('sense.themes.heading')}</h3>
      <p className="hint">{t('sense.themes.intro')}</p>
      {focusId ? (
        <fieldset className="field sense-scope">
          <legend>{t('sense.themes.scope')}</legend>
          {(['question', 'board'] as const).map((value) => (
            <label key={value} className="field--inline sense-scope__option">
              <input type="radio" name={`${ids}-scope`} value={value} checked={scope === value} onChange={() => setScope(value)} />
              {value === 'question' ? t('sense.themes.scopeQuestion') : t('sense.themes.scopeBoard')}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void suggest()}>
          {themes === null ? t('sense.themes.suggest') : t('sense.themes.suggestAgain')}
        </button>
      </p>
      <p role="status" className="hint">
        {status}
      </p>
      <ErrorText message={error} />
      {themes && themes.length > 0 ? (
        <ul className="sense-panel__list">
          {themes.map((theme) => (
            <li key={theme.key} className="sense-theme" data-theme={theme.label}>
              <div className="sense-theme__header">
                <h4 className="sense-theme__label">{theme.label}</h4>
                <span className="sense-theme__count">{t('sense.themes.ideas', { count: theme.ideaIds.length })}</span>
              </div>
              <div className="sense-theme__quotes" role="group" aria-label={t('sense.themes.quotes')}>
                {theme.quotes.map((quote) => (
                  <blockquote key={quote.ideaId} className="sense-theme__quote">
                    {quote.text}
                  </blockquote>
                ))}
              </div>
              <div className="field">
                <label htmlFor={`${ids}-${theme.key}-name`}>{t('sense.themes.name')}</label>
                <input id={`${ids}-${theme.key}-name`} value={theme.name} maxLength={LIMITS.clusterName} onChange={(e) => rename(theme.key, e.target.value)} />
              </div>
              <div className="sense-actions">
                <button type="button" className="button button--primary" disabled={busy || theme.name.trim() === ''} onClick={() => void accept(theme)}>
                  {t('sense.themes.accept')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => drop(theme.key)}>
                  {t('sense.themes.drop')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string | null, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  let most = 0;
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count];
  return best;
}
