import { useState } from 'react';
import { stepOfQuestion } from '../../shared';
import { useBoardStore } from '../state/board-store';

/** What round the room is in: the focus question and its step. A change starts a new round. */
export function useRoundKey(): string {
  return useBoardStore((s) => {
    const focus = s.settings?.focusQuestionId ?? null;
    return focus ? `${focus}:${stepOfQuestion(s.workshop, focus)}` : '';
  });
}

/**
 * Whether a state that is on (a finished timer, revealed totals) was already on in an earlier
 * round: it then belongs to that round and the room's screens stop showing it. The round is
 * remembered the first time the state is seen on; it is forgotten when the state goes off.
 */
export function useFromPastRound(on: boolean): boolean {
  const round = useRoundKey();
  const [since, setSince] = useState<string | null>(on ? round : null);
  // Adjusting state while rendering (React's pattern for state derived from a change).
  if (!on && since !== null) setSince(null);
  if (on && since === null) setSince(round);
  return on && since !== null && since !== round;
}
