import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../shared';
import { useBoardStore } from '../state/board-store';

/** Who is here: names (or "Anonymous") and roles. You are listed first. */
export function PresenceList({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const ids = useId();
  const present = useBoardStore((s) => s.present);
  const others = present.filter((p) => p.participantId !== identity.participantId);
  const myName = identity.displayName ?? t('board.anonymous');

  return (
    <section className="presence" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="presence__heading">
        {t('board.presenceCount', { count: others.length + 1 })}
      </h2>
      <ul className="presence__list">
        <li className="presence__person presence__person--me">
          <span className="presence__name">{t('board.you', { name: myName })}</span>
          <span className="presence__role">{t(`taxonomy.role.${identity.role}`)}</span>
        </li>
        {others.map((person) => (
          <li key={person.participantId} className="presence__person">
            {/* A screen has no name: its role is its name, said once. */}
            <span className="presence__name">{person.name ?? (person.role === 'observer' ? t('taxonomy.role.observer') : t('board.anonymous'))}</span>
            {person.role === 'observer' && person.name === null ? null : (
              <span className="presence__role">{t(`taxonomy.role.${person.role}`)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
