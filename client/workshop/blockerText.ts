import type { TFunction } from 'i18next';
import type { Action, Blocker } from './permissions';

/** Why something is not possible right now, in words ("Afstemning i gang – …"). */
export function blockerText(t: TFunction, action: Action, blocker: Blocker): string {
  if (blocker.kind === 'locked') return t('workshop.blocked.locked');
  if (blocker.kind === 'role') return t('board.readOnly');
  const verb = action === 'add' ? 'add' : action === 'vote' ? 'vote' : 'change';
  return t(`workshop.blocked.${verb}.${blocker.step}`);
}
