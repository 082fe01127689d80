import { useDeferredValue, useState, type ReactNode } from 'react';
import type { Idea } from '../../shared';
import { useT } from '../i18n/useT';
import { useBoardStore } from '../state/board-store';

/**
 * How many notes a list renders at first, and how many more each "show more" adds. A
 * workshop's groups rarely reach it; a board collecting ideas for weeks can hold thousands
 * per group, and rendering them all at once froze the page for tens of seconds
 * (bench/ANALYSIS.md, section 8). The group's heading still counts every idea.
 */
export const NOTE_PAGE = 40;

/**
 * Notes a list mounts in its first render; the rest of its page follows in a deferred,
 * interruptible render (useDeferredValue), so opening a board of thousands of ideas (a few
 * hundred notes in all) does not block the page in one long task (issue 17, item 5).
 */
const FIRST_MOUNT = 6;

interface Props<T extends Pick<Idea, 'id'>> {
  ideas: readonly T[];
  /** One note, wrapped in its <li>. */
  renderIdea: (idea: T) => ReactNode;
  /** An ordered list (the results' ranking) with this class, instead of a group's list. */
  ordered?: string;
}

/**
 * A list of notes, the first NOTE_PAGE of them rendered and the rest behind "show more".
 * Ideas this device pinned (its own new ideas, ones it moved or jumped to) show even when
 * they sit in the unrendered tail, after the button, so nobody loses sight of their idea.
 */
export function NoteList<T extends Pick<Idea, 'id'>>({ ideas, renderIdea, ordered }: Props<T>) {
  const t = useT();
  const [limit, setLimit] = useState(NOTE_PAGE);
  const mounted = useDeferredValue(limit, Math.min(limit, FIRST_MOUNT));
  const pinned = useBoardStore((s) => s.pinnedIdeas);
  const announce = useBoardStore((s) => s.announce);
  const List = ordered ? 'ol' : 'ul';
  const listClass = ordered ?? 'group__list';
  if (ideas.length <= mounted) return <List className={listClass}>{ideas.map(renderIdea)}</List>;

  // Counted behind "show more" only past the page; a page still mounting shows none of its rest yet.
  const tail = ideas.slice(limit);
  const later = pinned.size > 0 ? tail.filter((idea) => pinned.has(idea.id)) : [];
  const notShown = tail.length - later.length;
  return (
    <>
      <List className={listClass}>{ideas.slice(0, mounted).map(renderIdea)}</List>
      {notShown > 0 ? (
        <div className="group__more" data-not-shown={notShown}>
          <span className="group__more-count">{t('groups.notShown', { count: notShown })}</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              // The new notes appear above the button, where focus stays: say what changed.
              const next = limit + NOTE_PAGE;
              setLimit(next);
              announce(t('groups.shownNow', { shown: Math.min(next, ideas.length), count: ideas.length }));
            }}
          >
            {t('groups.showMore', { count: Math.min(NOTE_PAGE, tail.length) })}
          </button>
        </div>
      ) : null}
      {later.length > 0 ? <List className={`${listClass} group__list--later`}>{later.map(renderIdea)}</List> : null}
    </>
  );
}
