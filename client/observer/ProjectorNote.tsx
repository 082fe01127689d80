import { memo } from 'react';
import { useT } from '../i18n/useT';
import type { Idea } from '../../shared';

/**
 * A note on the wall: the text large, then the author (and its track in words, since the
 * note's colour shows it too), and its votes once revealed.
 */
export const ProjectorNote = memo(function ProjectorNote({ idea, total }: { idea: Idea; total: number | null }) {
  const t = useT();
  const author = idea.authorName ?? t('board.anonymous');
  return (
    <article className={`note wall-note${idea.track ? ` note--${idea.track}` : ''}`} data-idea={idea.id}>
      {total !== null ? (
        <p className="note__total" data-total={total}>
          {t('voting.total', { count: total })}
        </p>
      ) : null}
      <p className="note__text">{idea.text}</p>
      <p className="note__author">
        {author}
        {idea.track ? ` · ${t(`taxonomy.track.${idea.track}`)}` : ''}
      </p>
    </article>
  );
});
