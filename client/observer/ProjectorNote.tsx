import { useT } from '../i18n/useT';
import type { Idea } from '../../shared';

/** A note on the projector: the text large, the author, and its votes once revealed. */
export function ProjectorNote({ idea, total }: { idea: Idea; total: number | null }) {
  const t = useT();
  return (
    <article className={`note${idea.track ? ` note--${idea.track}` : ''}`} data-idea={idea.id}>
      {total !== null ? (
        <p className="note__total" data-total={total}>
          {t('voting.total', { count: total })}
        </p>
      ) : null}
      <p className="note__text">{idea.text}</p>
      <p className="note__author">{idea.authorName ?? t('board.anonymous')}</p>
    </article>
  );
}
