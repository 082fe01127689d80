import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { countedPeople } from '../sync/presence';
import { useDisclosure } from '../ui/useDisclosure';

/**
 * Who is here: a count ("31 til stede") that opens the list of names (or "Anonymous") and
 * roles, you first. Thirty names as chips would push the idea field off a phone's screen.
 */
export function PresenceList({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const ids = useId();
  const { open, toggle, button, panel, root } = useDisclosure({ light: true, focusInto: 'panel' });
  const present = useBoardStore((s) => s.present);
  const count = countedPeople(present, identity);
  const others = present.filter((p) => p.participantId !== identity.participantId && p.role !== 'observer');
  // Participants first (they are the count), then the facilitators.
  const listed = [...others.filter((p) => p.role === 'participant'), ...others.filter((p) => p.role !== 'participant')];
  const myName = identity.displayName ?? t('board.anonymous');

  return (
    <div className="presence" ref={root}>
      <button
        ref={button}
        type="button"
        className="presence__button"
        aria-expanded={open}
        aria-controls={`${ids}-list`}
        data-present-count={count}
        onClick={toggle}
      >
        <svg className="presence__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="3" fill="currentColor" />
          <circle cx="14" cy="8" r="2.5" fill="currentColor" />
          <path d="M1.5 17c0-3.3 2.5-5.5 5.5-5.5s5.5 2.2 5.5 5.5zM12.5 17c0-2-.6-3.6-1.7-4.7 3.6-.6 7.2 1.2 7.2 4.7z" fill="currentColor" />
        </svg>
        {count}
        <span className="presence__word"> {t('board.presenceWord', { count })}</span>
      </button>
      <div ref={panel} id={`${ids}-list`} className="presence__panel" hidden={!open} tabIndex={-1} aria-labelledby={`${ids}-heading`} role="region">
        <h2 id={`${ids}-heading`} className="presence__heading">
          {t('room.presenceList')}
        </h2>
        <p className="hint presence__rule">{t('board.presenceRule', { count })}</p>
        <ul className="presence__list">
          {identity.role === 'observer' ? null : (
            <li className="presence__person presence__person--me">
              <span className="presence__name">{t('board.you', { name: myName })}</span>
              <span className="presence__role">{t(`taxonomy.role.${identity.role}`)}</span>
            </li>
          )}
          {listed.map((person) => (
            <li key={person.participantId} className="presence__person">
              <span className="presence__name">{person.name ?? t('board.anonymous')}</span>
              <span className="presence__role">{t(`taxonomy.role.${person.role}`)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
