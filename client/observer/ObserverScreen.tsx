import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPINGS, type Grouping } from '../../shared';
import { Layout } from '../app/Layout';
import { groupIdeas } from '../board/grouping';
import { IdeaGroups } from '../board/groups/IdeaGroups';
import { NoteTags } from '../board/note/NoteTags';
import { StatusIndicator } from '../board/StatusIndicator';
import { loadLinks, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { BoardSync } from '../sync/board-sync';
import { QrCode } from '../ui/QrCode';

interface Props {
  session: StoredSession;
  onSessionInvalid: () => void;
  onBoardNotFound: () => void;
}

/**
 * The room's big screen: read-only, large type, the same grouping as the board, the focus
 * question, how many people are here, and a QR code to join when this device knows the
 * participant link (the facilitator's laptop usually does).
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

  const ideas = useBoardStore((s) => s.ideas);
  const settings = useBoardStore((s) => s.settings);
  const present = useBoardStore((s) => s.present);
  const grouping = useBoardStore((s) => s.grouping);
  const setGrouping = useBoardStore((s) => s.setGrouping);
  const filters = useBoardStore((s) => s.filters);
  const groups = useMemo(() => groupIdeas(ideas.values(), grouping, settings, filters), [ideas, grouping, settings, filters]);
  const participantLink = loadLinks(session.identity.boardId)?.participant ?? null;
  const title = settings?.title ?? session.boardTitle;
  const focus = settings?.questions.find((q) => q.id === settings.focusQuestionId) ?? null;
  // The projector itself is not a person in the room.
  const people = present.filter((p) => p.role !== 'observer').length;

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  return (
    <Layout className="page--screen" header={<StatusIndicator />}>
      <div className="screen">
        <div className="screen__head">
          <div>
            <h1 className="screen__title">{title}</h1>
            {focus ? (
              <p className="focus-question focus-question--large">
                <span className="focus-question__label">{t('board.focusQuestion')}</span>
                <span className="focus-question__text">{focus.text}</span>
              </p>
            ) : null}
            <p className="screen__stats">
              <span>{t('observer.present', { count: people })}</span>
              <span>{t('observer.ideaCount', { count: ideas.size })}</span>
            </p>
          </div>
          {participantLink ? (
            <figure className="screen__qr">
              <QrCode text={participantLink} alt={t('qr.alt')} />
              <figcaption>{t('observer.joinHint')}</figcaption>
            </figure>
          ) : null}
        </div>
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
        <IdeaGroups
          groups={groups}
          grouping={grouping}
          settings={settings}
          renderGroupItems={(group) =>
            group.ideas.map((idea) => (
              <li key={idea.id} className="group__item">
                <article className={`note${idea.track ? ` note--${idea.track}` : ''}`}>
                  <p className="note__text">{idea.text}</p>
                  <p className="note__author">{idea.authorName ?? t('board.anonymous')}</p>
                  <NoteTags idea={idea} grouping={grouping} settings={settings} />
                </article>
              </li>
            ))
          }
        />
      </div>
    </Layout>
  );
}
