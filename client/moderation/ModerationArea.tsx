import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CallChip } from '../facilitator/call/CallStatusText';
import type { StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { CountBadge } from './CountBadge';
import { selectOpen, useModerationStore } from './moderation-store';
import { ModerationTabs } from './ModerationTabs';

/**
 * The facilitators' moderation area: collapsed to one line (with the live count and the
 * call's status) until opened, then the queue, the public call and the log.
 */
export function ModerationArea({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const ids = useId();
  const open = useModerationStore(selectOpen);
  const setOpen = useModerationStore((s) => s.setOpen);
  const call = useBoardStore((s) => s.settings?.call ?? null);

  return (
    <section className={`moderation${open ? ' moderation--open' : ''}`} aria-labelledby={`${ids}-heading`} data-moderation="">
      <div className="moderation__head">
        <h2 id={`${ids}-heading`} className="moderation__heading">
          <button type="button" className="moderation__toggle" aria-expanded={open} aria-controls={`${ids}-body`} onClick={() => setOpen(!open)}>
            <span className="moderation__chevron" aria-hidden="true" />
            <span>{t('moderation.heading')}</span>
            <CountBadge />
          </button>
        </h2>
        <CallChip call={call} />
      </div>
      <div id={`${ids}-body`} className="moderation__body" hidden={!open}>
        {open ? <ModerationTabs session={session} /> : null}
      </div>
    </section>
  );
}
