import { stepOfQuestion, type BoardSettings, type Idea, type Identity, type MyVotes, type WorkshopState } from '../../shared';
import { errorOf, type ApiResult } from '../rest/http';
import { useBoardStore, type BoardState } from '../state/board-store';
import { measureClockOffset } from './clock';
import { CommandChannel, type CommandName, type CommandPayload, type CommandResult } from './command-channel';
import { StoredIdeas } from './stored-ideas';

const CLOCK_RESYNC_MS = 5 * 60_000;

/**
 * The questions whose votes this person should know: those in the vote or results step,
 * and `null` (ideas without a question, which follow the focus question's step).
 */
export function votingQuestions(workshop: WorkshopState, settings: BoardSettings | null): (string | null)[] {
  if (!settings) return [];
  const voting = (id: string) => ['vote', 'results'].includes(stepOfQuestion(workshop, id));
  const out: (string | null)[] = settings.questions.filter((q) => voting(q.id)).map((q) => q.id);
  if (settings.focusQuestionId !== null && voting(settings.focusQuestionId)) out.push(null);
  return out;
}

/**
 * One session's side of the live workshop over socket.io: the server clock, hidden ideas
 * (with a localStorage outbox, so an idea written silently on a flaky phone is sent when
 * the connection is back: the server takes it idempotently by id), dot votes, and the
 * facilitator's commands. What the server answers lands in the store.
 */
export class WorkshopSession {
  private readonly channel: CommandChannel;
  private readonly outbox: StoredIdeas;
  private readonly writer: boolean;
  private flushing = false;
  private votingKey = '';
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  /** Progress events heard so far: an answer asked for before the latest event is older than it. */
  private progressHeard = 0;
  private readonly unsubscribe: () => void;

  /** The socket.io connection, for server events other capabilities listen to (moderation). */
  get socket(): CommandChannel['socket'] {
    return this.channel.socket;
  }

  constructor(identity: Identity, sessionToken: string) {
    this.writer = identity.role !== 'observer';
    this.outbox = new StoredIdeas(`samskab.outbox.${identity.boardId}:${identity.participantId}`);
    const store = useBoardStore.getState();
    store.setLive({ outbox: this.outbox.load() });
    this.channel = new CommandChannel(sessionToken);
    const { socket } = this.channel;

    socket.on('connect', () => void this.onConnect());
    socket.on('disconnect', () => useBoardStore.getState().setLive({ commandsOnline: false }));
    socket.on('ideas:hiddenAdded', ({ idea }) => this.putHidden(idea));
    socket.on('ideas:hiddenRemoved', ({ ideaIds }) => {
      const hidden = new Map(useBoardStore.getState().hidden);
      for (const id of ideaIds) hidden.delete(id);
      useBoardStore.getState().setLive({ hidden });
    });
    // Another tab (or device) of this person voted.
    socket.on('votes:mine', (mine) => useBoardStore.getState().putMyVotes(mine));
    socket.on('votes:refresh', () => void this.refreshVotes());
    // Counts only, for every role (the projector's "14 idéer skrevet", the facilitator's "9 har stemt").
    socket.on('workshop:progress', (progress) => {
      this.progressHeard += 1;
      useBoardStore.getState().setLive({ progress });
    });

    // Votes are asked for again whenever a question enters or leaves voting, or the focus moves.
    this.unsubscribe = useBoardStore.subscribe((state) => this.onStoreChange(state));
  }

  close(): void {
    this.unsubscribe();
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.channel.close();
  }

  /** Any command, answered with its Ack (or "offline"). */
  request<E extends CommandName>(event: E, ...payload: CommandPayload<E>): Promise<ApiResult<CommandResult<E>>> {
    return this.channel.request(event, ...payload);
  }

  /** Keeps a silently written idea on the device, then sends it (now, or once back online). */
  submitHidden(idea: Idea): void {
    useBoardStore.getState().setLive({ outbox: this.outbox.put(idea) });
    void this.flushOutbox();
  }

  /** Withdraws a hidden idea: from the outbox if it never left, and from the server if it did. */
  async deleteHidden(ideaId: string): Promise<ApiResult<unknown>> {
    const store = useBoardStore.getState();
    const wasQueued = store.outbox.some((i) => i.id === ideaId);
    store.setLive({ outbox: this.outbox.remove(ideaId) });
    if (!store.hidden.has(ideaId)) return { ok: true, data: null };
    const result = await this.channel.request('idea:deleteHidden', { ideaId });
    // Never sent, and the server does not know it: the withdrawal is complete anyway.
    if (!result.ok && wasQueued && errorOf(result)?.code === 'IDEA_NOT_FOUND') return { ok: true, data: null };
    return result;
  }

  async vote(ideaId: string, action: 'cast' | 'retract'): Promise<ApiResult<MyVotes>> {
    const result = await this.channel.request(action === 'cast' ? 'vote:cast' : 'vote:retract', { ideaId });
    if (result.ok) useBoardStore.getState().putMyVotes(result.data);
    return result;
  }

  private async onConnect(): Promise<void> {
    useBoardStore.getState().setLive({ commandsOnline: true });
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = setInterval(() => void this.syncClock(), CLOCK_RESYNC_MS);
    await this.syncClock();
    await this.refreshProgress();
    if (!this.writer) return;
    await this.flushOutbox();
    await this.refreshHidden();
    await this.refreshVotes();
  }

  private async syncClock(): Promise<void> {
    const offset = await measureClockOffset(this.channel);
    if (offset !== null) useBoardStore.getState().setLive({ clockOffset: offset });
  }

  private async refreshProgress(): Promise<void> {
    const heard = this.progressHeard;
    const result = await this.channel.request('workshop:progress');
    if (result.ok && heard === this.progressHeard) useBoardStore.getState().setLive({ progress: result.data });
  }

  private async refreshHidden(): Promise<void> {
    const result = await this.channel.request('ideas:hidden');
    if (result.ok) useBoardStore.getState().setLive({ hidden: new Map(result.data.ideas.map((i) => [i.id, i])) });
  }

  private async refreshVotes(): Promise<void> {
    if (!this.writer) return;
    const { workshop, settings } = useBoardStore.getState();
    for (const questionId of votingQuestions(workshop, settings)) {
      const result = await this.channel.request('votes:mine', { questionId });
      if (result.ok) useBoardStore.getState().putMyVotes(result.data);
    }
  }

  private onStoreChange(state: BoardState): void {
    const key = JSON.stringify([votingQuestions(state.workshop, state.settings), state.settings?.focusQuestionId]);
    if (key === this.votingKey) return;
    this.votingKey = key;
    if (this.channel.connected) void this.refreshVotes();
  }

  private putHidden(idea: Idea): void {
    const hidden = new Map(useBoardStore.getState().hidden);
    hidden.set(idea.id, idea);
    useBoardStore.getState().setLive({ hidden });
  }

  /**
   * Sends queued hidden ideas one by one, oldest first. Offline: they stay queued for the
   * next connection. Refused (the step moved on, the board was locked): the text goes back
   * into the composer, so nothing typed is lost.
   */
  private async flushOutbox(): Promise<void> {
    if (this.flushing || !this.channel.connected) return;
    this.flushing = true;
    try {
      for (;;) {
        const idea = this.outbox.load()[0];
        if (!idea) break;
        const result = await this.channel.request('idea:submitHidden', { idea });
        if (!result.ok && 'offline' in result) break;
        this.outbox.remove(idea.id);
        if (result.ok) {
          if (result.data.state === 'hidden') this.putHidden(result.data.idea);
        } else {
          useBoardStore.getState().rescueText([idea.text], result.error.code);
        }
        useBoardStore.getState().setLive({ outbox: this.outbox.load() });
      }
    } finally {
      this.flushing = false;
      useBoardStore.getState().setLive({ outbox: this.outbox.load() });
    }
  }
}
