import { useTranslation } from 'react-i18next';
import { StatusIndicator } from '../board/StatusIndicator';
import { TimerDisplay } from '../workshop/TimerDisplay';
import { JoinPanel } from './JoinPanel';

interface Props {
  participantLink: string | null;
  /** The room's headcount (countedPeople), the same number as on the phones. */
  people: number;
  offline: boolean;
}

/**
 * Whether the projector opens on the join screen rather than the wall: joining is open (with
 * a code to show), the wall has no idea to show for what it shows (hidden ideas are not in a
 * screen's copy, so silent writing keeps it), it shows all ideas (the results or a cluster
 * chosen by the facilitator are the wall's), and no poll is live (a poll has its own way in).
 * While the ideas load it is not known yet: the wall waits, rather than flash this screen.
 */
export function showsJoinScreen(room: { joinable: boolean; loading: boolean; shownIdeas: number; allIdeas: boolean; pollLive: boolean }): boolean {
  return room.joinable && !room.loading && room.shownIdeas === 0 && room.allIdeas && !room.pollLive;
}

/**
 * How to join, filling the projector while people arrive (as Mentimeter, Slido and Kahoot
 * open): the QR code and the code large enough to scan and read from the back of the room,
 * the address, and how many are in. Rendered inside the wall (its head keeps the board's
 * name, the focus question and whether silent writing is on); the first idea gives the
 * screen to the wall, whose side keeps the compact panel. The timer stays, top right.
 */
export function JoinScreen({ participantLink, people, offline }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TimerDisplay variant="huge" hideIdle hidePast hideSpent />
      {/* The room left under the question: the panel is sized to fit it, however long the question. */}
      <div className="join-screen__stage">
        <JoinPanel participantLink={participantLink} variant="screen">
          <p className="join-panel__people" data-present={people}>
            {t('observer.present', { count: people })}
          </p>
        </JoinPanel>
      </div>
      {/* A read-only screen has nothing to save: its status matters only when it has lost the board. */}
      {offline ? <StatusIndicator /> : null}
    </>
  );
}
