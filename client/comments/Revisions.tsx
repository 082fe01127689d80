import { useState } from 'react';
import { useT } from '../i18n/useT';
import type { Revision } from '../../shared';
import { reasonLabel } from './social-format';
import { useSocialCommands } from './useSocialCommands';
import { When } from './When';

type Loaded = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; revisions: Revision[] } | { kind: 'error'; text: string };

/**
 * Facilitators, on an idea a moderator edited: the mark, and on request every edit with
 * the text before and after (asked for when opened, so closed notes cost nothing).
 */
export function Revisions({ ideaId, ideaText }: { ideaId: string; ideaText: string }) {
  const t = useT();
  const commands = useSocialCommands();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' });
  const [seenText, setSeenText] = useState(ideaText);
  const reason = (value: string) => reasonLabel(value, (key) => t(`comments.reasons.options.${key}`));

  // A newer edit arrived while open: the list is stale, fetch again on the next open.
  if (seenText !== ideaText) {
    setSeenText(ideaText);
    setLoaded({ kind: 'idle' });
  }

  const load = async () => {
    setLoaded({ kind: 'loading' });
    const result = await commands.revisions(ideaId);
    setLoaded(result.ok ? { kind: 'done', revisions: result.data } : { kind: 'error', text: result.error });
  };

  return (
    <details
      className="revisions"
      onToggle={(e) => {
        if (e.currentTarget.open && (loaded.kind === 'idle' || loaded.kind === 'error')) void load();
      }}
    >
      <summary>
        <span className="revisions__mark">{t('comments.moderate.editedMark')}</span> · {t('comments.moderate.revisions')}
      </summary>
      {loaded.kind === 'loading' ? <p className="hint">{t('comments.moderate.revisionsLoading')}</p> : null}
      {loaded.kind === 'error' ? (
        <p className="error-text" role="alert">
          {loaded.text}
        </p>
      ) : null}
      {loaded.kind === 'done' && loaded.revisions.length === 0 ? <p className="hint">{t('comments.moderate.revisionsEmpty')}</p> : null}
      {loaded.kind === 'done' && loaded.revisions.length > 0 ? (
        <ol className="revisions__list">
          {[...loaded.revisions].reverse().map((revision) => (
            <li key={`${revision.at}-${revision.by.participantId}`}>
              <p className="revisions__meta">
                {revision.by.name ?? t('board.anonymous')} · <When at={revision.at} />
              </p>
              <dl className="revisions__texts">
                <dt>{t('comments.moderate.before')}</dt>
                <dd>{revision.before}</dd>
                <dt>{t('comments.moderate.after')}</dt>
                <dd>{revision.after}</dd>
              </dl>
              {revision.reason ? <p className="revisions__reason">{t('comments.moderate.reason', { reason: reason(revision.reason) })}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
