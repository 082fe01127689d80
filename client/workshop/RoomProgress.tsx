import { useTranslation } from 'react-i18next';
import { stepOfQuestion } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { focusCount } from './progress';

// One number each, so a store change re-renders only what shows a changed count.
const selectHidden = focusCount('hiddenIdeas');
const selectVoters = focusCount('voters');
const selectVotersDone = focusCount('votersDone');

/**
 * How many ideas the room has written in silence for the focus question: counts only (the
 * ideas themselves reach no one but their authors and the facilitators until the reveal).
 * 'screen': the projector's calm "14 idéer skrevet"; 'phone': a small line under the idea
 * field, "14 idéer skrevet i rummet indtil videre", so a writer sees the room is writing too.
 * Not a live region: a screen reader would hear every idea anyone writes.
 */
export function SilentCount({ variant, className }: { variant: 'screen' | 'phone'; className: string }) {
  const { t } = useTranslation();
  const count = useBoardStore(selectHidden);
  return (
    <p className={className} data-progress="silent" data-silent-count={count}>
      {t(variant === 'screen' ? 'progress.written' : 'progress.roomWritten', { count })}
    </p>
  );
}

/**
 * How far the vote is for the focus question: "9 har stemt · 4 har brugt alle stemmer",
 * for the facilitator's console and the projector (phones need not know). Counts only:
 * never who voted or for what.
 */
export function VotingProgress({ className }: { className: string }) {
  const { t } = useTranslation();
  const voters = useBoardStore(selectVoters);
  const done = useBoardStore(selectVotersDone);
  return (
    <p className={className} data-progress="voting" data-voters={voters} data-voters-done={done}>
      {voters === 0 ? (
        t('progress.nobodyVoted')
      ) : (
        <>
          <span className="progress__part">{t('progress.voters', { count: voters })}</span>
          {/* Seen as a dot, heard as a pause. */}
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, </span>
          <span className="progress__part">{t('progress.votersDone', { count: done })}</span>
        </>
      )}
    </p>
  );
}

/**
 * The projector's line of progress, in the wall's head (seen on the join screen and on the
 * wall alike): while the focus question is voted on, how far the vote is; while the room
 * writes in silence (or ideas still wait for the reveal), how many have been written.
 */
export function ScreenProgress() {
  const silent = useBoardStore((s) => s.workshop.silent);
  const voting = useBoardStore((s) => {
    const focus = s.settings?.focusQuestionId ?? null;
    return focus !== null && stepOfQuestion(s.workshop, focus) === 'vote';
  });
  const waiting = useBoardStore(selectHidden) > 0;
  if (voting) return <VotingProgress className="wall__progress" />;
  if (silent || waiting) return <SilentCount variant="screen" className="wall__progress" />;
  return null;
}
