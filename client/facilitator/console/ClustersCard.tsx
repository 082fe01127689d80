import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Cluster } from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import { ErrorText } from '../../ui/ErrorText';
import { useCommand } from './useCommand';

function ClusterRow({ cluster, count }: { cluster: Cluster; count: number }) {
  const { t } = useTranslation();
  const ids = useId();
  const { run, busy, error } = useCommand();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(cluster.name);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const result = await run('cluster:rename', { clusterId: cluster.id, name: name.trim() });
    if (result.ok) setEditing(false);
  };

  return (
    <li className="cluster-row">
      {editing ? (
        <form className="inline-form" onSubmit={(e) => void rename(e)} noValidate>
          <label htmlFor={`${ids}-name`} className="sr-only">
            {t('clusters.newName', { name: cluster.name })}
          </label>
          <input id={`${ids}-name`} value={name} maxLength={LIMITS.clusterName} autoFocus onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button--small" disabled={busy}>
            {t('app.save')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => setEditing(false)}>
            {t('app.cancel')}
          </button>
        </form>
      ) : (
        <>
          <span className="cluster-row__name">{cluster.name}</span>
          <span className="cluster-row__count">{t('groups.count', { count })}</span>
          <span className="cluster-row__buttons">
            <button type="button" className="button button--small" aria-label={t('clusters.rename', { name: cluster.name })} onClick={() => setEditing(true)}>
              {t('clusters.renameShort')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t('clusters.delete', { name: cluster.name })}
              disabled={busy}
              onClick={() => void run('cluster:delete', { clusterId: cluster.id })}
            >
              {t('clusters.deleteShort')}
            </button>
          </span>
        </>
      )}
      <ErrorText message={error} />
    </li>
  );
}

/**
 * Named clusters for the question in focus. Participants put ideas into them (drag onto a
 * cluster or an idea in it, or "Add to cluster…"); only facilitators name them.
 */
export function ClustersCard() {
  const { t } = useTranslation();
  const ids = useId();
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  const clusters = useBoardStore((s) => s.clusters);
  const ideas = useBoardStore((s) => s.ideas);
  const announce = useBoardStore((s) => s.announce);
  const setDockTab = useBoardStore((s) => s.setDockTab);
  const { run, busy, error, setError } = useCommand();
  const [name, setName] = useState('');
  const mine = clusters.filter((c) => c.questionId === focusId);
  const countOf = (id: string) => [...ideas.values()].filter((i) => i.clusterId === id).length;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('clusters.nameRequired'));
      return;
    }
    const result = await run('cluster:create', { name: name.trim(), questionId: focusId });
    if (result.ok) {
      setName('');
      announce(t('clusters.created', { name: result.data.name }));
    }
  };

  // Theme and duplicate suggestions are the dock's "Overview" tab; focus goes to that tab.
  const showSuggestions = () => {
    setDockTab('sense');
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-dock-tab="sense"]')?.focus());
  };

  return (
    <section className="console-card console-card--clusters" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('clusters.heading')}</h3>
      <form className="inline-form" onSubmit={(e) => void create(e)} noValidate>
        <label htmlFor={`${ids}-name`}>{t('clusters.newLabel')}</label>
        <input id={`${ids}-name`} value={name} maxLength={LIMITS.clusterName} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('clusters.create')}
        </button>
      </form>
      <ErrorText message={error} />
      {mine.length > 0 ? (
        <ul className="cluster-rows">
          {mine.map((c) => (
            <ClusterRow key={`${c.id}-${c.name}`} cluster={c} count={countOf(c.id)} />
          ))}
        </ul>
      ) : (
        <p className="hint">{t('clusters.noneYet')}</p>
      )}
      <p>
        <button type="button" className="button button--small button--quiet" onClick={showSuggestions}>
          {t('clusters.suggestions')}
        </button>
      </p>
    </section>
  );
}
