import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPINGS, stepOfQuestion, type Grouping } from '../../shared';
import { comparePositions } from '../../shared/model/position';
import { Layout } from '../app/Layout';
import { groupIdeas, matchesFilters } from '../board/grouping';
import { IdeaGroups } from '../board/groups/IdeaGroups';
import { NoteTags } from '../board/note/NoteTags';
import { StatusIndicator } from '../board/StatusIndicator';
import { loadLinks, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { initialFilters, noFilters } from '../state/slices/ui';
import { BoardSync } from '../sync/board-sync';
import { LiveRegion } from '../ui/LiveRegion';
import { useResultsMode } from '../voting/useResultsMode';
import { StepIndicator } from '../workshop/StepIndicator';
import { TimerAnnouncer } from '../workshop/TimerAnnouncer';
import { TimerDisplay } from '../workshop/TimerDisplay';
import { JoinPanel } from './JoinPanel';
import { NoteList } from '../clusters/NoteList';
import { ProjectorIdeas } from './ProjectorIdeas';
import { usePausable } from './usePausable';

interface Props {
  session: StoredSession;
  onSessionInvalid: () => void;
  onBoardNotFound: () => void;
}

/**
 * The room's big screen: read-only, type that scales with the screen. In a live workshop
 * it shows the question in focus, its step, the timer, how to join (QR code, address,
 * code) and the question's ideas (or results); live updates can be paused (WCAG 2.2.2).
 * A board without a focus question shows all ideas in the board's grouping.
 */
export function ObserverScreen({ session, onSessionInvalid, onBoardNotFound }: Props) {
  const { t } = useTranslation();
  const [sync] = useState(
    () =>
      new BoardSync({
        boardId: session.identity.boardId,
        sessionToken: session.sessionToken,
        identity: session.identity,
        onSessionInvalid,
        onBoardNotFound,
      }),
  );
  useEffect(() => {
    sync.start();
    return () => sync.stop();
  }, [sync]);

  const settings = useBoardStore((s) => s.settings);
  const present = useBoardStore((s) => s.present);
  const grouping = useBoardStore((s) => s.grouping);
  const setGrouping = useBoardStore((s) => s.setGrouping);
  const workshop = useBoardStore((s) => s.workshop);
  const results = useResultsMode();
  const live = usePausable();
  const { ideas, totals, clusters, revealed } = live.view;
  const participantLink = loadLinks(session.identity.boardId)?.participant ?? null;
  const title = settings?.title ?? session.boardTitle;
  const focus = settings?.questions.find((q) => q.id === settings.focusQuestionId) ?? null;
  const step = focus ? stepOfQuestion(workshop, focus.id) : null;
  // The people in the room: participants, each once however many tabs (not the screen, not facilitators).
  const people = new Set(present.filter((p) => p.role === 'participant').map((p) => p.participantId)).size;

  const focusIdeas = useMemo(
    () => [...ideas.values()].filter((i) => matchesFilters(i, initialFilters, settings)).sort(comparePositions),
    [ideas, settings],
  );
  const groups = useMemo(() => groupIdeas(ideas.values(), grouping, settings, noFilters), [ideas, grouping, settings]);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  return (
    <Layout className="page--screen" header={<StatusIndicator />}>
      <div className={`projector${focus ? ' projector--focus' : ''}`}>
        <div className="projector__main">
          <h1 className="projector__title">{title}</h1>
          {focus ? (
            <p className="focus-question focus-question--large">
              <span className="focus-question__label">{t('board.focusQuestion')}</span>
              <span className="focus-question__text">{focus.text}</span>
            </p>
          ) : null}
          {step ? <StepIndicator step={step} label={t('workshop.stepLabel')} className="steps--large" /> : null}
          {workshop.locked ? <p className="banner banner--locked">{t('projector.locked')}</p> : null}
          {workshop.silent ? <p className="banner banner--silent">{t('projector.silent')}</p> : null}
          <div className="projector__controls">
            <button type="button" className="button button--secondary" aria-pressed={live.paused} onClick={live.toggle}>
              {live.paused ? t('projector.resume') : t('projector.pause')}
            </button>
            {live.paused ? <p className="projector__paused">{t('projector.pausedNote')}</p> : null}
            {!focus ? (
              <label className="screen__grouping">
                <span>{t('board.groupBy')}</span>
                <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
                  {GROUPINGS.map((g) => (
                    <option key={g} value={g}>
                      {t(`board.groupings.${g}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <h2 className="sr-only">{results ? t('voting.resultsHeading') : t('board.ideasHeading')}</h2>
          {focus ? (
            <ProjectorIdeas
              ideas={focusIdeas}
              clusters={clusters.filter((c) => c.questionId === focus.id)}
              totals={totals}
              results={results}
              revealed={revealed}
              emptyText={workshop.silent ? t('projector.silentEmpty') : t('groups.empty')}
            />
          ) : (
            <IdeaGroups
              groups={groups}
              grouping={grouping}
              settings={settings}
              renderGroupBody={(group) =>
                group.ideas.length === 0 ? null : (
                  <NoteList
                    ideas={group.ideas}
                    renderIdea={(idea) => (
                      <li key={idea.id} className="group__item">
                        <article className={`note${idea.track ? ` note--${idea.track}` : ''}`}>
                          <p className="note__text">{idea.text}</p>
                          <p className="note__author">{idea.authorName ?? t('board.anonymous')}</p>
                          <NoteTags idea={idea} grouping={grouping} settings={settings} />
                        </article>
                      </li>
                    )}
                  />
                )
              }
            />
          )}
        </div>
        {/* Beside the ideas, so they start at the top of the screen: time, how to join, who is here. */}
        <div className="projector__side">
          <TimerDisplay variant="huge" hideIdle />
          <JoinPanel participantLink={participantLink} />
          <p className="screen__stats">
            <span data-present={people}>{t('observer.present', { count: people })}</span>
            <span>{t('observer.ideaCount', { count: focus ? focusIdeas.length : ideas.size })}</span>
          </p>
        </div>
      </div>
      <LiveRegion />
      <TimerAnnouncer />
    </Layout>
  );
}
