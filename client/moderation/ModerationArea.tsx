import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CallChip } from '../facilitator/call/CallStatusText';
import type { StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { CountBadge } from './CountBadge';
import { selectOpen, useModerationStore } from './moderation-store';
import { ModerationTabs } from './ModerationTabs';

/**
 * The facilitators' moderation area, a tab of the cockpit's dock: the call's status, then the
 * queue, the public call and the log. Its content is asked for once the tab is first looked
 * at (the store's `open`) and kept from then on, so a selection survives a look elsewhere.
 */
export function ModerationArea({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const ids = useId();
  const open = useModerationStore(selectOpen);
  const call = useBoardStore((s) => s.settings?.call ?? null);

  return (
    <section className="moderation" aria-labelledby={`${ids}-heading`} data-moderation="">
      <div className="moderation__head">
        {/* The dock's tab names the panel and marks what waits; the heading (with the count in words) is for screen readers' outline. */}
        <h2 id={`${ids}-heading`} className="moderation__heading sr-only">
          <span>{t('moderation.heading')}</span> <CountBadge />
        </h2>
        <CallChip call={call} />
      </div>
      <div className="moderation__body">{open ? <ModerationTabs session={session} /> : null}</div>
    </section>
  );
}
