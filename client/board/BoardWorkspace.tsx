import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { Layout } from '../app/Layout';
import { WorkshopConsole } from '../facilitator/console/WorkshopConsole';
import { FacilitatorPanel } from '../facilitator/FacilitatorPanel';
import { i18n } from '../i18n';
import { ModerationArea } from '../moderation/ModerationArea';
import { InitiativesSection } from '../outcomes/InitiativesSection';
import { useModerationFeed } from '../moderation/useModerationFeed';
import { updateBoardMetaTitle, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { BoardSync } from '../sync/board-sync';
import { LiveRegion } from '../ui/LiveRegion';
import { VoteBar } from '../voting/VoteBar';
import { HiddenIdeasList } from '../workshop/HiddenIdeasList';
import { TimerAnnouncer } from '../workshop/TimerAnnouncer';
import { TimerDisplay } from '../workshop/TimerDisplay';
import { WorkshopStatus } from '../workshop/WorkshopStatus';
import { BoardIntro } from './BoardIntro';
import { BoardSyncContext } from './BoardSyncContext';
import { IdeaComposer } from './composer/IdeaComposer';
import { IdeasSection } from './IdeasSection';
import { canWrite } from './permissions';
import { ProblemAlert } from './ProblemAlert';
import { StatusIndicator } from './StatusIndicator';

interface Props {
  session: StoredSession;
  onSessionInvalid: () => void;
  onBoardNotFound: () => void;
}

/** Ideas from others are announced politely; a burst (someone came back online) as a count. */
function announceRemote(ideas: Idea[]): void {
  const { announce } = useBoardStore.getState();
  const t = i18n.t.bind(i18n);
  if (ideas.length > 3) {
    announce(t('idea.newMany', { count: ideas.length }));
    return;
  }
  for (const idea of ideas) {
    const name = idea.authorName ?? t('board.anonymous');
    const text = idea.text.length > 140 ? `${idea.text.slice(0, 140)}…` : idea.text;
    announce(t('idea.newFrom', { name, text }));
  }
}

/** A joined board: owns the sync object for as long as the page shows this session. */
export function BoardWorkspace({ session, onSessionInvalid, onBoardNotFound }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [toolsOpen, setToolsOpen] = useState(false);
  const isFacilitator = session.identity.role === 'facilitator';
  const [sync] = useState(
    () =>
      new BoardSync({
        boardId: session.identity.boardId,
        sessionToken: session.sessionToken,
        identity: session.identity,
        onSessionInvalid,
        onBoardNotFound,
        onRemoteAdded: announceRemote,
      }),
  );
  useEffect(() => {
    sync.start();
    return () => sync.stop();
  }, [sync]);
  // After the effect above: the command channel it listens on exists once the sync has started.
  useModerationFeed(sync, isFacilitator);

  const title = useBoardStore((s) => s.settings?.title) ?? session.boardTitle;
  const loaded = useBoardStore((s) => s.connection.localLoaded);
  const writable = canWrite(session.identity);

  // "Edit questions" in the console: open the tools and put focus on the questions' editor.
  const editQuestions = () => {
    setToolsOpen(true);
    requestAnimationFrame(() => document.getElementById('settings-questions')?.focus());
  };

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  // "My boards" on the start page shows the title as it is now, not as it was at creation.
  const boardId = session.identity.boardId;
  useEffect(() => {
    if (isFacilitator && loaded) updateBoardMetaTitle(boardId, title);
  }, [isFacilitator, loaded, boardId, title]);

  return (
    <BoardSyncContext.Provider value={sync}>
      <Layout
        className="page--board"
        header={
          <>
            <TimerDisplay variant="compact" hideIdle />
            <StatusIndicator />
          </>
        }
      >
        <ProblemAlert />
        {!isFacilitator && loaded ? <WorkshopStatus /> : null}
        <div className="board-top">
          <BoardIntro
            session={session}
            fallbackTitle={title}
            tools={isFacilitator ? { open: toolsOpen, toggle: () => setToolsOpen((o) => !o), panelId: `${ids}-tools` } : null}
          />
          {loaded ? (
            writable ? (
              <div className="board-top__write">
                <IdeaComposer />
                <HiddenIdeasList onlyMine headingLevel={2} />
              </div>
            ) : (
              <p className="notice">{t('board.readOnly')}</p>
            )
          ) : null}
        </div>
        {isFacilitator && loaded ? <ModerationArea session={session} /> : null}
        {isFacilitator && loaded ? <WorkshopConsole onEditQuestions={editQuestions} /> : null}
        {isFacilitator ? (
          <div id={`${ids}-tools`} hidden={!toolsOpen}>
            {toolsOpen ? <FacilitatorPanel session={session} /> : null}
          </div>
        ) : null}
        {loaded ? <InitiativesSection /> : null}
        {loaded ? <IdeasSection /> : <p className="loading">{t('status.loading')}</p>}
        {loaded ? <VoteBar /> : null}
      </Layout>
      <LiveRegion />
      <TimerAnnouncer />
    </BoardSyncContext.Provider>
  );
}
