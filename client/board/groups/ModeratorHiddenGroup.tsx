import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useHiddenFeed } from '../../comments/useHiddenFeed';
import { useBoardStore } from '../../state/board-store';
import { HiddenIdeaNote } from '../note/HiddenIdeaNote';

/**
 * Facilitators: the ideas a moderator hid, after every other group. They are not in the
 * document (participants and the screen never receive them); the server sends this list
 * to facilitators, and it is asked for again whenever moderation changes.
 */
export function ModeratorHiddenGroup() {
  const { t } = useTranslation();
  const ids = useId();
  useHiddenFeed(true);
  const hidden = useBoardStore((s) => s.moderatorHidden);
  if (!hidden || hidden.length === 0) return null;

  const headingId = `${ids}-heading`;
  // Once a note leaves the list, continue at its neighbour's first button, else at the heading.
  const focusAfter = (ideaId: string) => () => {
    const item = document.querySelector(`[data-hidden-idea="${CSS.escape(ideaId)}"]`)?.closest('li');
    const near = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>('button');
    return near ?? document.getElementById(headingId);
  };

  return (
    <section className="group group--wide group--moderated" aria-labelledby={headingId} data-group="moderator-hidden">
      <h3 id={headingId} className="group__heading" tabIndex={-1}>
        <span className="group__label">{t('comments.hidden.heading')}</span>{' '}
        <span className="group__count">{t('groups.count', { count: hidden.length })}</span>
      </h3>
      <p className="group__help">{t('comments.hidden.help')}</p>
      <ul className="group__list">
        {hidden.map((h) => (
          <li key={h.idea.id} className="group__item">
            <HiddenIdeaNote hidden={h} focusAfter={focusAfter(h.idea.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
