import { STEP_RULES, stepForIdea, type BoardSettings, type Idea, type Identity, type Step, type StepRule, type WorkshopState } from '../../shared';
import { canEditIdea, canWrite } from '../board/permissions';

export type Action = keyof StepRule;

/** Why an action is not offered: the board is locked, or the step of the idea's question forbids it. */
export type Blocker = { kind: 'locked' } | { kind: 'step'; step: Step } | { kind: 'role' };

interface Context {
  identity: Identity | null;
  workshop: WorkshopState;
  settings: BoardSettings | null;
}

/**
 * Mirrors the server's workshop rules (lock, then the step of the idea's question, see
 * STEP_RULES), so the interface offers only what would be accepted and can say why not.
 * Facilitators are never limited by steps or the lock; observers never write.
 */
export function blockerFor(ctx: Context, action: Action, questionId: string | null): Blocker | null {
  const { identity, workshop, settings } = ctx;
  if (!canWrite(identity)) return { kind: 'role' };
  const step = stepForIdea(workshop, questionId, settings?.focusQuestionId ?? null);
  // Votes are bound to the vote step for everyone, facilitators included (the server says so).
  if (action === 'vote') {
    if (identity?.role !== 'facilitator' && workshop.locked) return { kind: 'locked' };
    return STEP_RULES[step].vote ? null : { kind: 'step', step };
  }
  if (identity?.role === 'facilitator') return null;
  if (workshop.locked) return { kind: 'locked' };
  return STEP_RULES[step][action] ? null : { kind: 'step', step };
}

export interface IdeaPermissions {
  move: boolean;
  edit: boolean;
  delete: boolean;
  vote: boolean;
}

/** What this person may do with one idea right now. */
export function ideaPermissions(ctx: Context, idea: Idea): IdeaPermissions {
  const allowed = (action: Action) => blockerFor(ctx, action, idea.questionId) === null;
  const own = canEditIdea(ctx.identity, idea);
  return {
    move: allowed('move'),
    edit: own && allowed('edit'),
    delete: own && allowed('delete'),
    vote: allowed('vote'),
  };
}
