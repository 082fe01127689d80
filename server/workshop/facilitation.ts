import type * as Y from 'yjs';
import {
  ErrorCode,
  readWorkshop,
  type Identity,
  type ScreenView,
  type Step,
  type TimerCommand,
  type VotingConfig,
  type WorkshopState,
} from '../../shared';
import { ServiceError } from '../core/errors';
import { requireFacilitator, settingsOf, writeWorkshop, type WorkshopContext } from './context';
import { applyTimerCommand } from './timer';
import type { HiddenIdeas } from './hidden-ideas';
import type { VoteTotalsMirror } from './voting';

/**
 * The facilitator's controls whose effect is the `workshop` map: steps, lock, silent
 * writing, timer, voting configuration and visibility, joining (the reveal step also
 * reveals the hidden ideas, through HiddenIdeas). Each is one server write,
 * read-modify-write inside writeAsServer (atomic against every other write), answered with
 * the new state once it is durable. Everyone sees the change arrive through Yjs.
 */
export class Facilitation {
  constructor(
    private readonly ctx: WorkshopContext,
    private readonly totals: VoteTotalsMirror,
    private readonly hidden: HiddenIdeas,
  ) {}

  /**
   * Entering the reveal step is the reveal: silent writing goes off and the hidden ideas are
   * published first (HiddenIdeas.reveal), so the room never sits in "reveal" with its ideas
   * still hidden, whichever client moved the step. A refused step reveals nothing.
   */
  async setStep(identity: Identity, questionId: string, step: Step): Promise<WorkshopState> {
    if (step === 'reveal') {
      requireFacilitator(identity, 'run the agenda');
      await this.ctx.rooms.withRoom(identity.boardId, async (room) => requireQuestion(room.doc, questionId));
      await this.hidden.reveal(identity);
    }
    return this.write(identity, 'run the agenda', (state, doc) => {
      const questions = requireQuestion(doc, questionId);
      // Steps of removed questions are dropped on the way, so the map never grows stale.
      const steps: Record<string, Step> = {};
      for (const id of questions) if (Object.hasOwn(state.steps, id)) steps[id] = state.steps[id] as Step;
      steps[questionId] = step;
      return { steps };
    });
  }

  setLocked(identity: Identity, locked: boolean): Promise<WorkshopState> {
    return this.write(identity, 'lock the board', () => ({ locked }));
  }

  setScreen(identity: Identity, screen: ScreenView): Promise<WorkshopState> {
    return this.write(identity, 'choose what the projector shows', () => ({ screen }));
  }

  setSilent(identity: Identity, silent: boolean): Promise<WorkshopState> {
    return this.write(identity, 'switch silent writing', () => ({ silent }));
  }

  setJoinOpen(identity: Identity, open: boolean): Promise<WorkshopState> {
    return this.write(identity, 'open or close joining', () => ({ joinOpen: open }));
  }

  timer(identity: Identity, command: TimerCommand): Promise<WorkshopState> {
    return this.write(identity, 'run the timer', (state) => ({ timer: applyTimerCommand(state.timer, command, Date.now()) }));
  }

  /** A new budget changes who has used all their votes: the room's progress is counted again. */
  async configureVoting(identity: Identity, voting: VotingConfig): Promise<WorkshopState> {
    const state = await this.write(identity, 'configure voting', () => ({ voting }));
    this.ctx.progress.changed(identity.boardId);
    return state;
  }

  /** Totals go into the `votes` root while revealed and are removed from it when hidden. */
  async revealVotes(identity: Identity, revealed: boolean): Promise<WorkshopState> {
    const state = await this.write(identity, 'reveal votes', () => ({ votesRevealed: revealed }));
    await this.totals.sync(identity.boardId);
    return state;
  }

  async resetVotes(identity: Identity, questionId: string | null | undefined): Promise<WorkshopState> {
    requireFacilitator(identity, 'reset votes');
    const { boardId } = identity;
    await this.ctx.store.clearVotes(boardId, questionId === undefined ? { all: true } : { scope: questionId ?? '' });
    this.ctx.notifier.votesRefresh(boardId);
    this.ctx.progress.changed(boardId);
    await this.totals.sync(boardId);
    return this.ctx.rooms.withRoom(boardId, async (room) => readWorkshop(room.doc));
  }

  private write(
    identity: Identity,
    what: string,
    patch: (state: WorkshopState, doc: Y.Doc) => Partial<WorkshopState>,
  ): Promise<WorkshopState> {
    requireFacilitator(identity, what);
    return this.ctx.rooms.withRoom(identity.boardId, (room) =>
      room.writeAsServer((doc) => writeWorkshop(doc, patch(readWorkshop(doc), doc))),
    );
  }
}

/** The board's question ids; VALIDATION_FAILED unless `questionId` is one of them. */
function requireQuestion(doc: Y.Doc, questionId: string): string[] {
  const questions = settingsOf(doc).questions.map((q) => q.id);
  if (!questions.includes(questionId)) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'The step belongs to one of the board\u2019s questions.');
  }
  return questions;
}
