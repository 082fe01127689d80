import { memo } from 'react';
import { useT } from '../i18n/useT';
import type { Idea } from '../../shared';
import { onPodium } from '../voting/ranking';
import { ClusterTag, RankLabel } from '../voting/RankLabel';

interface Props {
  idea: Idea;
  total: number | null;
  /** In the ranking (the results with totals shown): the idea's rank, whether it is shared, its cluster's name. */
  rank?: number;
  shared?: boolean;
  cluster?: string | null;
}

/**
 * A note on the wall: the text large, then the author (and its track in words, since the
 * note's colour shows it too), and its votes once revealed. In the ranking it leads with
 * its rank, large, and names its cluster in a small tag; the top three stand out a little.
 */
export const ProjectorNote = memo(function ProjectorNote({ idea, total, rank, shared = false, cluster = null }: Props) {
  const t = useT();
  const author = idea.authorName ?? t('board.anonymous');
  const ranked = rank !== undefined;
  const podium = ranked && onPodium(rank, total ?? 0);
  const totalBadge =
    total !== null ? (
      <p className="note__total" data-total={total}>
        {t('voting.total', { count: total })}
      </p>
    ) : null;
  return (
    <article
      className={`note wall-note${idea.track ? ` note--${idea.track}` : ''}${ranked ? ' wall-note--ranked' : ''}${podium ? ' wall-note--podium' : ''}`}
      data-idea={idea.id}
    >
      {ranked ? (
        <div className="wall-note__head">
          <RankLabel rank={rank} shared={shared} className="wall-note__rank" />
          {totalBadge}
          {cluster !== null ? <ClusterTag name={cluster} /> : null}
        </div>
      ) : (
        totalBadge
      )}
      <p className="note__text">{idea.text}</p>
      <p className="note__author">
        {author}
        {idea.track ? ` · ${t(`taxonomy.track.${idea.track}`)}` : ''}
      </p>
    </article>
  );
});
