import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CallCard } from '../facilitator/call/CallCard';
import type { StoredSession } from '../session/storage';
import { AuditPanel } from './audit/AuditPanel';
import { CountBadge } from './CountBadge';
import { selectTab, useModerationStore } from './moderation-store';
import { QueuePanel } from './queue/QueuePanel';
import { PersonalDataPanel } from '../gdpr/PersonalDataPanel';
import { DigestSubscription } from '../mail/DigestSubscription';
import { MODERATION_TABS, type ModerationTab } from './slices/panel';

/** Queue (with the facilitator's e-mail digest), public call, log and personal data as tabs (arrow keys move between them, as the ARIA tabs pattern has it). */
export function ModerationTabs({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const ids = useId();
  const tab = useModerationStore(selectTab);
  const setTab = useModerationStore((s) => s.setTab);

  const go = (next: ModerationTab) => {
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`${ids}-tab-${next}`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const i = MODERATION_TABS.indexOf(tab);
    const last = MODERATION_TABS.length - 1;
    const target =
      event.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : event.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (target === null) return;
    event.preventDefault();
    go(MODERATION_TABS[target]!);
  };

  return (
    <>
      <div role="tablist" aria-label={t('moderation.tabsLabel')} className="mod-tabs" onKeyDown={onKeyDown}>
        {MODERATION_TABS.map((id) => (
          <button
            key={id}
            id={`${ids}-tab-${id}`}
            type="button"
            role="tab"
            className="mod-tabs__tab"
            aria-selected={tab === id}
            aria-controls={`${ids}-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(`moderation.tabs.${id}`)}
            {id === 'queue' ? <CountBadge /> : null}
          </button>
        ))}
      </div>
      {MODERATION_TABS.map((id) => (
        <div key={id} id={`${ids}-panel-${id}`} role="tabpanel" aria-labelledby={`${ids}-tab-${id}`} className="mod-tabpanel" hidden={tab !== id}>
          {tab !== id ? null : id === 'queue' ? (
            <>
              <QueuePanel />
              <DigestSubscription />
            </>
          ) : id === 'call' ? (
            <CallCard />
          ) : id === 'people' ? (
            <PersonalDataPanel />
          ) : (
            <AuditPanel boardId={session.identity.boardId} sessionToken={session.sessionToken} />
          )}
        </div>
      ))}
    </>
  );
}
