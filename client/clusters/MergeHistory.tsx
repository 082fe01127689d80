import { useT } from '../i18n/useT';
import type { IdeaHistory } from '../../shared';

/**
 * On a merged idea: everyone who wrote it and, on request, the original texts, so a
 * facilitator may rewrite the merged idea without anyone's words or credit being lost.
 */
export function MergeHistory({ history }: { history: IdeaHistory }) {
  const t = useT();
  const anonymous = t('board.anonymous');
  return (
    <details className="merge-history">
      <summary>{t('merge.summary', { count: history.authors.length })}</summary>
      <p className="merge-history__authors">{history.authors.map((a) => a.authorName ?? anonymous).join(', ')}</p>
      <ul className="merge-history__list">
        {history.originals.map((original) => (
          <li key={`${original.ideaId}-${original.mergedAt}`}>
            <span className="merge-history__text">{original.text}</span>{' '}
            <span className="merge-history__by">– {original.authorName ?? anonymous}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
