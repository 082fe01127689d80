import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepOfQuestion, STEPS } from '../../shared';
import { Layout } from '../app/Layout';
import { useGroupLabel } from '../board/labels';
import { StatusIndicator } from '../board/StatusIndicator';
import { loadLinks, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { deriveSaveStatus, ideasLoading } from '../state/slices/connection';
import { countedPeople } from '../sync/presence';
import { useBoardSync } from '../sync/useBoardSync';
import { LiveRegion } from '../ui/LiveRegion';
import { TimerAnnouncer } from '../workshop/TimerAnnouncer';
import { TimerDisplay } from '../workshop/TimerDisplay';
import { ScreenProgress } from '../workshop/RoomProgress';
import { JoinPanel } from './JoinPanel';
import { JoinScreen, emptyWallScreen } from './JoinScreen';
import { ProjectorIdeas } from './ProjectorIdeas';
import { PollProjector } from '../polls/PollProjector';
import { selectLivePoll, usePollsStore } from '../polls/polls-store';
import { resultsFollowRoom, totalsShown } from '../voting/useResultsMode';
import { usePausable } from './usePausable';
import { focusMembers, rankedScope } from '../voting/ranking';
import { capBlocks, clusterBlocks, groupBlocks, rankingBlock, type WallBlock } from './wall-blocks';
import { WallControls, type WallView } from './WallControls';

interface Props {
  session: StoredSession;
  onSessionInvalid: () => void;
  onBoardNotFound: () => void;
}

/**
 * The room's big screen: a calm, dense wall with no app chrome. In a live workshop it shows
 * the question in focus, its step, the timer, how to join (QR code, address, code) and the
 * question's ideas in columns by cluster (or the results, or one cluster); live updates can
 * be paused (WCAG 2.2.2). With the totals shown, the results are one ranking in vote order
 * (wall-blocks.ts: rankingBlock), as on the phones. A board without a focus question shows all ideas in its grouping.
 * Vote totals show only while revealed in the vote or results step: a last round's numbers
 * never stand on the next round's wall, and hidden totals are never shown as zeros. While
 * people arrive and there is no idea to show, how to join fills the screen (JoinScreen).
 */
export function ObserverScreen({ session, onSessionInvalid, onBoardNotFound }: Props) {
  const { t } = useTranslation();
  const sync = useBoardSync(
    { boardId: session.identity.boardId, sessionToken: session.sessionToken, identity: session.identity },
    { onSessionInvalid, onBoardNotFound },
  );

  const settings = useBoardStore((s) => s.settings);
  const present = useBoardStore((s) => s.present);
  const grouping = useBoardStore((s) => s.grouping);
  const workshop = useBoardStore((s) => s.workshop);
  const loading = useBoardStore(ideasLoading);
  const offline = useBoardStore((s) => {
    const status = deriveSaveStatus(s.connection);
    return status === 'offline' || status === 'local';
  });
  const label = useGroupLabel(settings);
  // What a facilitator chose for the screen (from any device) is shown; the screen's own
  // controls switch it for the moment, until a facilitator chooses again.
  const shared = workshop.screen;
  const sharedKey = JSON.stringify(shared);
  const sharedView: WallView = shared.kind === 'cluster' ? { kind: 'cluster', id: shared.clusterId } : { kind: shared.kind };
  const [local, setLocal] = useState<{ view: WallView; over: string } | null>(null);
  const view = local && local.over === sharedKey ? local.view : sharedView;
  const setView = (next: WallView) => setLocal({ view: next, over: sharedKey });
  const live = usePausable();
  // A live poll covers the wall: the wall stays laid out beneath it (no new layout when the
  // poll ends) but is inert, so screen readers and Tab meet only the poll.
  const pollLive = usePollsStore((s) => selectLivePoll(s) !== null);
  const { ideas, index, totals, clusters, revealed } = live.view;
  const participantLink = loadLinks(session.identity.boardId)?.participant ?? null;
  const title = settings?.title ?? session.boardTitle;
  const focusId = settings?.questions.some((q) => q.id === settings.focusQuestionId) ? settings.focusQuestionId : null;
  const focus = settings?.questions.find((q) => q.id === focusId) ?? null;
  const step = focus ? stepOfQuestion(workshop, focus.id) : null;
  // The phones' rule (client/voting/useResultsMode.ts), plus the facilitator's choice of view.
  // Compared with `true` so the React Compiler sees a primitive, not a call's (maybe mutable) result.
  const votesShown = totalsShown(step, revealed) === true;
  const results = view.kind === 'results' || resultsFollowRoom(step, revealed) === true;
  // With the totals shown, the results are a ranking, most votes first (as on the phones);
  // while they are hidden, the wall stays in clusters and says the totals are hidden.
  const ranked = results && votesShown;
  const people = countedPeople(present, session.identity);

  // From the store's incremental index: a change regroups only what it touched, never every idea.
  const focusIdeas = useMemo(() => (focusId ? focusMembers(index, settings, focusId) : []), [index, settings, focusId]);
  // Ideas answering another question (an approved call idea, say) are not on this wall: say how many.
  const otherQuestions = focus ? ideas.size - focusIdeas.length : 0;
  const focusClusters = useMemo(() => (focusId ? clusters.filter((c) => c.questionId === focusId) : []), [clusters, focusId]);

  const blocks = useMemo((): WallBlock[] => {
    if (ranked) {
      // The focus question's ideas (every idea on a board without one); one cluster's keep their ranks among all.
      const pick = view.kind === 'cluster' ? view.id : null;
      return [
        rankingBlock(focusId ? focusIdeas : rankedScope(index, settings, 'focus'), {
          clusters: focusId ? focusClusters : clusters,
          totals,
          shown: pick === null ? undefined : (member) => member.clusterId === pick,
        }),
      ];
    }
    if (focusId) {
      const picked = view.kind === 'cluster' ? focusIdeas.filter((i) => i.clusterId === view.id) : focusIdeas;
      return capBlocks(clusterBlocks(picked, { clusters: focusClusters, results, totals, votesShown, looseLabel: t('wall.loose') }));
    }
    return capBlocks(groupBlocks(index, grouping, settings, label));
  }, [ranked, focusId, view, focusIdeas, focusClusters, clusters, results, totals, votesShown, index, grouping, settings, label, t]);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  const shownCount = focus ? focusIdeas.length : ideas.size;
  const empty = emptyWallScreen({
    joinable: workshop.joinOpen && workshop.joinCode !== '',
    loading,
    shownIdeas: shownCount,
    allIdeas: view.kind === 'ideas' && !results,
    pollLive,
  });
  const joining = empty !== null;
  return (
    <Layout variant="bare" className="page--screen">
      <div
        className={`wall${focus ? ' wall--focus' : ''}${results ? ' wall--results' : ''}${joining ? ' wall--join' : ''}`}
        data-results={results ? 'on' : 'off'}
        data-ranked={ranked ? 'on' : 'off'}
        data-wall={joining ? 'join' : 'ideas'}
        inert={pollLive}
      >
        <div className="wall__head">
          <h1 className="projector__title">{title}</h1>
          {focus ? (
            <p className="focus-question focus-question--large">
              <span className="focus-question__label">{t('board.focusQuestion')}</span>
              <span className="focus-question__text">{focus.text}</span>
            </p>
          ) : null}
          <div className="wall__state">
            {step ? (
              <p className="wall__step" data-step={step}>
                {t('workshop.stepLabel')} {t('workshop.stepOf', { n: STEPS.indexOf(step) + 1, total: STEPS.length, step: t(`workshop.steps.${step}`) })}
              </p>
            ) : null}
            {workshop.locked ? <p className="banner banner--locked">{t('projector.locked')}</p> : null}
            {workshop.silent ? <p className="banner banner--silent">{t('projector.silent')}</p> : null}
            {/* How many have written in silence, or voted: counts only, the room's sense of progress. */}
            <ScreenProgress />
            {results && !votesShown ? <p className="wall__hidden-votes">{t('wall.votesHidden')}</p> : null}
          </div>
        </div>
        {joining ? (
          <JoinScreen participantLink={participantLink} people={people} offline={offline} closed={empty === 'waiting'} silent={workshop.silent} />
        ) : (
          <>
            <div className="wall__ideas">
              <h2 className="sr-only">{results ? t('voting.resultsHeading') : t('board.ideasHeading')}</h2>
              <ProjectorIdeas
                blocks={blocks}
                ideas={ideas}
                notShown={blocks.reduce((n, b) => n + b.count - b.ideas.length, 0)}
                totals={totals}
                votesShown={votesShown}
                paused={live.paused}
                emptyText={loading ? t('groups.loading') : workshop.silent ? t('projector.silentEmpty') : t('groups.empty')}
              />
            </div>
            {/* Beside the ideas: time, how to join, how many. */}
            <div className="wall__side">
              {/* Not under a live poll: its view covers the wall, and a timer there is noise (PollProjector). */}
              {pollLive ? null : <TimerDisplay variant="huge" hideIdle hidePast hideSpent />}
              <JoinPanel participantLink={participantLink} />
              <p className="screen__stats">
                <span data-present={people}>{t('observer.present', { count: people })}</span>
                <span data-idea-count={shownCount}>{t('observer.ideaCount', { count: shownCount })}</span>
              </p>
              {otherQuestions > 0 ? (
                <p className="wall__other" data-other-questions={otherQuestions}>
                  {t('wall.otherQuestions', { count: otherQuestions })}
                </p>
              ) : null}
              {/* A read-only screen has nothing to save: its status matters only when it has lost the board. */}
              {offline ? <StatusIndicator /> : null}
            </div>
          </>
        )}
        <WallControls
          paused={live.paused}
          onTogglePause={live.toggle}
          view={view}
          onView={setView}
          clusters={focusClusters}
          hasFocus={focus !== null}
        />
      </div>
      {/* A live poll fills the screen while it runs (it renders nothing otherwise). */}
      <PollProjector sync={sync} participantLink={participantLink} />
      <LiveRegion />
      <TimerAnnouncer />
    </Layout>
  );
}
