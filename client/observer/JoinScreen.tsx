import { useTranslation } from 'react-i18next';
import { StatusIndicator } from '../board/StatusIndicator';
import { TimerDisplay } from '../workshop/TimerDisplay';
import { JoinPanel } from './JoinPanel';

interface Props {
  participantLink: string | null;
  /** The room's headcount (countedPeople), the same number as on the phones. */
  people: number;
  offline: boolean;
  /** Joining is closed: no code to show; the question waits for the room's ideas instead. */
  closed?: boolean;
  /** Silent writing: the ideas come when the facilitator reveals them. */
  silent?: boolean;
}

/**
 * What the projector shows while the wall has nothing to show: the join screen while joining
 * is open (with a code to show); with joining closed, the same screen without the code, the
 * question waiting for the room's ideas ('waiting'; an empty wall saying "Ingen idéer endnu"
 * under a small question was what a closed room saw). Only when the wall has no idea to show
 * for what it shows (hidden ideas are not in a screen's copy, so silent writing keeps it), it
 * shows all ideas (the results or a cluster chosen by the facilitator are the wall's), and no
 * poll is live (a poll has its own way in). While the ideas load it is not known yet: the
 * wall waits (null), rather than flash this screen.
 */
export function emptyWallScreen(room: { joinable: boolean; loading: boolean; shownIdeas: number; allIdeas: boolean; pollLive: boolean }): 'join' | 'waiting' | null {
  if (room.loading || room.shownIdeas > 0 || !room.allIdeas || room.pollLive) return null;
  return room.joinable ? 'join' : 'waiting';
}

/**
 * How to join, filling the projector while people arrive (as Mentimeter, Slido and Kahoot
 * open): the QR code and the code large enough to scan and read from the back of the room,
 * the address, and how many are in. Rendered inside the wall (its head keeps the board's
 * name, the focus question and whether silent writing is on); the first idea gives the
 * screen to the wall, whose side keeps the compact panel. The timer stays, top right.
 */
export function JoinScreen({ participantLink, people, offline, closed = false, silent = false }: Props) {
  const { t } = useTranslation();
  const present = (
    <p className="join-panel__people" data-present={people}>
      {t('observer.present', { count: people })}
    </p>
  );
  return (
    <>
      <TimerDisplay variant="huge" hideIdle hidePast hideSpent />
      {/* The room left under the question: the panel is sized to fit it, however long the question. */}
      <div className="join-screen__stage">
        {closed ? (
          <div className="join-panel join-panel--screen join-panel--waiting" data-waiting="">
            <p className="join-panel__heading">{silent ? t('observer.waitingSilent') : t('observer.waiting')}</p>
            {present}
          </div>
        ) : (
          <JoinPanel participantLink={participantLink} variant="screen">
            {present}
          </JoinPanel>
        )}
      </div>
      {/* A read-only screen has nothing to save: its status matters only when it has lost the board. */}
      {offline ? <StatusIndicator /> : null}
    </>
  );
}
