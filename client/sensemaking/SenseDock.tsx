import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepForIdea } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ThemesPanel } from './ThemesPanel';
import type { SenseSession } from './useSenseSession';

/**
 * The facilitator's "see what the ideas say" panel in the cockpit's dock: possible
 * duplicates and theme suggestions. It opens by itself when the focus question reaches the
 * group step (where merging and clustering happen) and otherwise waits to be opened; what
 * the person chose last wins. Closed, it asks the server nothing.
 */
export function SenseDock({ session }: { session: SenseSession }) {
  const { t } = useTranslation();
  const ids = useId();
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  const grouping = useBoardStore((s) => stepForIdea(s.workshop, null, s.settings?.focusQuestionId ?? null) === 'group');
  const [choice, setChoice] = useState<boolean | null>(null);
  const open = choice ?? grouping;
  return (
    <section className="console sense-dock" aria-labelledby={`${ids}-heading`} data-sense="">
      <div className="console__head">
        <h2 id={`${ids}-heading`} className="console__heading">
          {t('sense.dock.heading')}
        </h2>
        <button type="button" className="button button--small" aria-expanded={open} aria-controls={`${ids}-body`} onClick={() => setChoice(!open)}>
          {open ? t('sense.dock.hide') : t('sense.dock.show')}
        </button>
      </div>
      <div id={`${ids}-body`} className="sense-dock__body" hidden={!open}>
        {open ? (
          <>
            <DuplicatesPanel session={session} questionId={focusId ?? undefined} />
            <ThemesPanel session={session} />
          </>
        ) : null}
      </div>
    </section>
  );
}
