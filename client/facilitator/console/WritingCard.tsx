import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';
import { ErrorText } from '../../ui/ErrorText';
import { HiddenIdeasList } from '../../workshop/HiddenIdeasList';
import { ToggleButton } from './ToggleButton';
import { useCommand } from './useCommand';

/**
 * Silent writing and reveal. The server's reveal also switches silent writing off, under
 * the board's lock, so an idea sent in between is published rather than left hidden: the
 * room sees everything at once. The ideas waiting can be read (text and author) before the
 * reveal; with none waiting there is nothing to reveal, and the card says so instead of
 * showing a button that cannot do anything.
 */
export function WritingCard() {
  const { t } = useTranslation();
  const ids = useId();
  const silent = useBoardStore((s) => s.workshop.silent);
  const waiting = useBoardStore((s) => s.hidden.size);
  const announce = useBoardStore((s) => s.announce);
  const { run, busy, error } = useCommand();

  const reveal = async () => {
    const result = await run('workshop:reveal');
    if (result.ok) announce(t('console.revealed', { count: result.data.revealedIds.length }));
  };

  return (
    <section className="console-card console-card--writing" aria-labelledby={`${ids}-heading`} data-waiting={waiting}>
      <h3 id={`${ids}-heading`}>{t('console.writingHeading')}</h3>
      <ToggleButton
        pressed={silent}
        label={t('console.silent')}
        stateText={silent ? t('console.on') : t('console.off')}
        describedBy={`${ids}-silent-help`}
        disabled={busy}
        onToggle={() => void run('workshop:setSilent', { silent: !silent })}
      />
      <p id={`${ids}-silent-help`} className="hint">
        {t('console.silentHelp')}
      </p>
      {/* How many wait, or plainly why there is nothing to reveal. */}
      <p className={waiting > 0 ? 'writing__waiting' : 'hint writing__nothing'}>
        {waiting > 0 ? t('hidden.allHeading', { count: waiting }) : silent ? t('console.revealNoneYet') : t('console.revealNothing')}
      </p>
      {waiting > 0 ? (
        <>
          {/* Folded: by the idea field the facilitator already sees them; here they are one click from the reveal. */}
          <details className="writing__preview">
            <summary>{t('console.previewHidden', { count: waiting })}</summary>
            <HiddenIdeasList onlyMine={false} headingLevel={4} label={t('hidden.allHeading', { count: waiting })} />
          </details>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void reveal()}>
            {t('console.reveal', { count: waiting })}
          </button>
        </>
      ) : null}
      <ErrorText message={error} />
    </section>
  );
}
