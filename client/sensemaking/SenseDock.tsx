import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ThemesPanel } from './ThemesPanel';
import type { SenseSession } from './useSenseSession';

/**
 * The facilitator's "see what the ideas say" panel, a tab of the cockpit's dock: possible
 * duplicates and theme suggestions for the focus question. It asks the server only while its
 * tab is in view (`active`), and asks afresh each time it comes into view.
 */
export function SenseDock({ session, active }: { session: SenseSession; active: boolean }) {
  const { t } = useTranslation();
  const ids = useId();
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  return (
    <section className="console sense-dock" aria-labelledby={`${ids}-heading`} data-sense="">
      <h2 id={`${ids}-heading`} className="console__heading">
        {t('sense.dock.heading')}
      </h2>
      <div className="sense-dock__body">
        {active ? (
          <>
            <DuplicatesPanel session={session} questionId={focusId ?? undefined} />
            <ThemesPanel session={session} />
          </>
        ) : null}
      </div>
    </section>
  );
}
