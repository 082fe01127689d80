import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { stepForIdea } from '../../../shared';
import { ToolsDrawer } from '../../board/ToolsDrawer';
import { selectPending, useModerationStore } from '../../moderation/moderation-store';
import { ModerationArea } from '../../moderation/ModerationArea';
import { InitiativesSection } from '../../outcomes/InitiativesSection';
import { PollPanel } from '../../polls/PollPanel';
import { usePollsStore } from '../../polls/polls-store';
import { SenseDock } from '../../sensemaking/SenseDock';
import type { StoredSession } from '../../session/storage';
import { useBoardStore } from '../../state/board-store';
import { DOCK_TABS, type DockTab } from '../../state/slices/ui';
import { WorkshopConsole } from '../console/WorkshopConsole';
import { FacilitatorPanel } from '../FacilitatorPanel';
import { dockPanelId, dockTabId, DockTabs } from './DockTabs';

interface Props {
  session: StoredSession;
  /** False until the board's first sync: the panels read the document. */
  loaded: boolean;
}

/**
 * What a tab says beside its name: open polls, suggestions to group by, waiting items,
 * initiatives. On screen a small mark at the tab's corner (a number, or a dot for
 * suggestions), which never changes the tab's size, so the tabs stay where the hand expects
 * them; the words are read out with the tab's name.
 */
function useBadges(): Record<DockTab, ReactNode> {
  const { t } = useTranslation();
  const openPolls = usePollsStore((s) => s.polls.filter((poll) => poll.state === 'open').length);
  const pending = useModerationStore(selectPending) ?? 0;
  const initiatives = useBoardStore((s) => s.initiatives.length);
  // The group step is where merging and clustering happen: the overview's suggestions help then.
  const grouping = useBoardStore((s) => stepForIdea(s.workshop, null, s.settings?.focusQuestionId ?? null) === 'group');
  const badge = (mark: string, words: string, kind: 'count' | 'urgent' | 'dot' = 'count') => (
    <>
      <span className={`dock-tabs__badge dock-tabs__badge--${kind}`} aria-hidden="true">
        {mark}
      </span>
      <span className="sr-only"> {words}</span>
    </>
  );
  return {
    workshop: null,
    polls: openPolls > 0 ? badge(String(openPolls), t('room.dock.openPolls', { count: openPolls })) : null,
    sense: grouping ? badge('', t('room.dock.suggestions'), 'dot') : null,
    moderation: pending > 0 ? badge(String(pending), t('moderation.badge', { count: pending }), 'urgent') : null,
    initiatives: initiatives > 0 ? badge(String(initiatives), String(initiatives)) : null,
  };
}

/**
 * The facilitator's dock beside the ideas: the tools (settings, links, exports) behind one
 * button, then one panel at a time under a row of tabs: the workshop console, polls, what
 * the ideas say, moderation, initiatives. Every panel stays mounted while another is in
 * view, so a half-written poll or a moderation selection survives a look at the timer, and a
 * link into a panel (an initiative from its note) can switch to it (client/ui/jump.ts).
 */
export function CockpitDock({ session, loaded }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [toolsOpen, setToolsOpen] = useState(false);
  const [toolsMounted, setToolsMounted] = useState(false);
  const toolsButton = useRef<HTMLButtonElement>(null);
  const tab = useBoardStore((s) => s.dockTab);
  const openModeration = useModerationStore((s) => s.setOpen);
  const badges = useBadges();

  // Moderation asks for its queue once it is first looked at, and keeps it from then on.
  useEffect(() => {
    if (tab === 'moderation') openModeration(true);
  }, [tab, openModeration]);

  const openTools = (open: boolean) => {
    setToolsOpen(open);
    if (open) setToolsMounted(true);
    else requestAnimationFrame(() => toolsButton.current?.focus());
  };
  // "Edit questions" in the console: open the tools and put focus on the questions' editor.
  const editQuestions = () => {
    setToolsOpen(true);
    setToolsMounted(true);
    requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById('settings-questions')?.focus()));
  };

  const panels: Record<DockTab, ReactNode> = {
    workshop: <WorkshopConsole onEditQuestions={editQuestions} />,
    polls: <PollPanel />,
    sense: <SenseDock session={session} active={tab === 'sense'} />,
    moderation: <ModerationArea session={session} />,
    initiatives: <InitiativesSection />,
  };
  const names: Record<DockTab, string> = {
    workshop: t('room.dock.workshop'),
    polls: t('room.dock.polls'),
    sense: t('room.dock.sense'),
    moderation: t('room.dock.moderation'),
    initiatives: t('room.dock.initiatives'),
  };

  return (
    <aside className="cockpit__dock" aria-label={t('room.panels')}>
      <button
        ref={toolsButton}
        type="button"
        className="button button--secondary cockpit__tools"
        aria-expanded={toolsOpen}
        aria-controls={`${ids}-tools`}
        onClick={() => openTools(!toolsOpen)}
      >
        {t('board.facilitatorTools')}
      </button>
      <ToolsDrawer id={`${ids}-tools`} open={toolsOpen} onClose={() => openTools(false)} title={t('board.facilitatorTools')}>
        {toolsMounted ? <FacilitatorPanel session={session} /> : null}
      </ToolsDrawer>
      {loaded ? (
        <>
          <DockTabs base={ids} label={t('room.dock.label')} names={names} badges={badges} />
          {DOCK_TABS.map((name) => (
            <div
              key={name}
              id={dockPanelId(ids, name)}
              role="tabpanel"
              aria-labelledby={dockTabId(ids, name)}
              className="dock-panel"
              data-dock-panel={name}
              hidden={name !== tab}
            >
              {panels[name]}
            </div>
          ))}
        </>
      ) : null}
    </aside>
  );
}
