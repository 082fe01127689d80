import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';
import { countedPeople } from '../../sync/presence';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorText } from '../../ui/ErrorText';
import { joinUrl } from '../../join/join-code';
import { JoinCodeText } from '../../join/JoinCodeText';
import { ToggleButton } from './ToggleButton';
import { useCommand } from './useCommand';

/** The room: the lock, joining by code, and who is here (name or "Anonym", role, what they take part as). */
export function RoomCard() {
  const { t } = useTranslation();
  const ids = useId();
  const workshop = useBoardStore((s) => s.workshop);
  const present = useBoardStore((s) => s.present);
  const identity = useBoardStore((s) => s.identity);
  const { run, busy, error } = useCommand();
  const people = present.filter((p) => p.participantId !== identity?.participantId);
  const participants = countedPeople(present, identity);
  const url = workshop.joinCode ? joinUrl(workshop.joinCode) : null;

  return (
    <section className="console-card console-card--room" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('console.roomHeading')}</h3>
      <ToggleButton
        pressed={workshop.locked}
        label={t('console.lock')}
        stateText={workshop.locked ? t('console.locked') : t('console.unlocked')}
        describedBy={`${ids}-lock-help`}
        disabled={busy}
        onToggle={() => void run('workshop:setLocked', { locked: !workshop.locked })}
      />
      <p id={`${ids}-lock-help`} className="hint">
        {t('console.lockHelp')}
      </p>
      <h4>{t('console.joinHeading')}</h4>
      {workshop.joinCode ? (
        <p className="join-code-line">
          <span className="join-code-line__label">{t('console.joinCode')}</span>{' '}
          <span className="join-code" data-join-code={workshop.joinCode}>
            <JoinCodeText code={workshop.joinCode} />
          </span>
        </p>
      ) : null}
      {url ? (
        <p className="join-url">
          <a href={url} target="_blank" rel="noreferrer">
            {url}
          </a>{' '}
          <CopyButton text={url} what={t('console.joinLink')} />
        </p>
      ) : null}
      <ToggleButton
        pressed={workshop.joinOpen}
        label={t('console.joinOpen')}
        stateText={workshop.joinOpen ? t('console.open') : t('console.closed')}
        disabled={busy}
        onToggle={() => void run('join:setOpen', { open: !workshop.joinOpen })}
      />
      <ErrorText message={error} />
      <h4 id={`${ids}-people`}>{t('console.presentHeading', { count: participants })}</h4>
      {people.length === 0 ? (
        <p className="hint">{t('console.nobody')}</p>
      ) : (
        // A long list scrolls: focusable, so the keyboard can scroll it too (WCAG 2.1.1).
        <ul className="people" tabIndex={0} aria-labelledby={`${ids}-people`}>
          {people.map((p) => (
            <li key={p.participantId} className="people__person">
              <span className="people__name">{p.name ?? (p.role === 'observer' ? t('taxonomy.role.observer') : t('board.anonymous'))}</span>
              <span className="people__about">
                {/* The heading counts participants only: say so on the others' rows (a facilitator, the projector). */}
                {[
                  p.role === 'observer' ? null : t(`taxonomy.role.${p.role}`),
                  p.contributorType ? t(`taxonomy.contributorType.${p.contributorType}`) : null,
                  p.role === 'participant' ? null : t('console.notCounted'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
