import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { Layout } from '../app/Layout';
import { CockpitDock } from '../facilitator/dock/CockpitDock';
import { i18n } from '../i18n';
import { InitiativesSection } from '../outcomes/InitiativesSection';
import { useModerationFeed } from '../moderation/useModerationFeed';
import { updateBoardMetaTitle, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { useBoardSync } from '../sync/useBoardSync';
import { LiveRegion } from '../ui/LiveRegion';
import { VoteBar } from '../voting/VoteBar';
import { HiddenIdeasList } from '../workshop/HiddenIdeasList';
import { TimerAnnouncer } from '../workshop/TimerAnnouncer';
import { WorkshopStatus } from '../workshop/WorkshopStatus';
import { BoardIntro } from './BoardIntro';
import { BoardSyncContext } from './BoardSyncContext';
import { COMPOSER_FIELD_ID, IdeaComposer } from './composer/IdeaComposer';
import { IDEAS_HEADING_ID, IdeasSection } from './IdeasSection';
import { canWrite } from './permissions';
import { ProblemAlert } from './ProblemAlert';
import { RoomHeader } from './RoomHeader';
import { OpenPolls } from '../polls/OpenPolls';
import { LivePollNudge } from '../polls/LivePollNudge';
import { PollAnswerCard } from '../polls/PollAnswerCard';

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

/**
 * A joined board: owns the sync object for as long as the page shows this session.
 * Participants get the room's order: question, idea field, ideas. Facilitators get a
 * cockpit: the ideas in the middle; the tools, the workshop console, moderation and
 * initiatives as panels in a dock beside them that scrolls on its own.
 */
export function BoardWorkspace({ session, onSessionInvalid, onBoardNotFound }: Props) {
  const { t } = useTranslation();
  const isFacilitator = session.identity.role === 'facilitator';
  const sync = useBoardSync(
    { boardId: session.identity.boardId, sessionToken: session.sessionToken, identity: session.identity },
    { onSessionInvalid, onBoardNotFound, onRemoteAdded: announceRemote },
  );
  // After useBoardSync: the command channel it listens on exists once the sync has started.
  useModerationFeed(sync, isFacilitator);

  const title = useBoardStore((s) => s.settings?.title) ?? session.boardTitle;
  const description = useBoardStore((s) => s.settings?.description ?? '');
  const loaded = useBoardStore((s) => s.connection.localLoaded);
  const writable = canWrite(session.identity);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  // "My boards" on the start page shows the title as it is now, not as it was at creation.
  const boardId = session.identity.boardId;
  useEffect(() => {
    if (isFacilitator && loaded) updateBoardMetaTitle(boardId, title);
  }, [isFacilitator, loaded, boardId, title]);

  const skipLinks = [
    ...(writable ? [{ href: `#${COMPOSER_FIELD_ID}`, label: t('room.skipComposer') }] : []),
    { href: `#${IDEAS_HEADING_ID}`, label: t('room.skipIdeas') },
  ];

  const board = (
    <>
      {!isFacilitator && loaded ? <WorkshopStatus /> : null}
      {/* The room's live poll comes first on a phone while it runs (nothing otherwise). */}
      {!isFacilitator && loaded ? <PollAnswerCard /> : null}
      {!isFacilitator && loaded ? <LivePollNudge /> : null}
      <div className="board-top">
        <BoardIntro />
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
      {!isFacilitator && loaded ? <OpenPolls /> : null}
      {loaded ? <IdeasSection /> : <p className="loading">{t('status.loading')}</p>}
      {!isFacilitator && loaded ? <InitiativesSection /> : null}
      {loaded ? <VoteBar /> : null}
    </>
  );

  return (
    <BoardSyncContext.Provider value={sync}>
      <Layout
        variant="room"
        className={`page--board${isFacilitator ? ' page--cockpit' : ''}`}
        header={<RoomHeader identity={session.identity} title={title} />}
        menu={description ? <p className="app-menu__description">{description}</p> : null}
        skipLinks={skipLinks}
      >
        <ProblemAlert />
        {isFacilitator ? (
          <div className="cockpit">
            <div className="cockpit__board">{board}</div>
            <CockpitDock session={session} loaded={loaded} />
          </div>
        ) : (
          <div className="room">{board}</div>
        )}
      </Layout>
      <LiveRegion />
      <TimerAnnouncer />
    </BoardSyncContext.Provider>
  );
}
