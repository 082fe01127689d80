import type { Ack } from './ack';
import type { ProtocolError } from './errors';
import type { Identity } from './rest';
import type { BoardSettings, BoardSettingsPatch } from '../model/board';
import type { Idea, IdeaInput } from '../model/idea';
import type { Cluster, ScreenView, Step, VotingConfig, WorkshopState } from '../model/workshop';
import type {
  HiddenRemoved,
  MergeResult,
  MyVotes,
  RevealResult,
  SubmitHiddenResult,
  TimerCommand,
} from './workshop-commands';
import type { PublicCall, QueueItem, Revision, Comment } from '../model/moderation';
import type { HiddenIdea } from '../model/hidden-idea';
import type {
  AddCommentResult,
  AuditResult,
  ConfigureCall,
  DecideRequest,
  DecideResult,
  HiddenIdeasResult,
  ModerateEditResult,
  ModerationCounts,
  QueueResult,
  ReactionResult,
  AuditQuery,
  SetStatusRequest,
  SaveInitiativeRequest,
} from './moderation-commands';
import type { Initiative } from '../model/initiative';
import type { IdeaStatusRecord } from '../model/status';
import type { MailSubscribeRequest, PersonDeleteResult, PersonExport, PersonQuery, PersonSummary } from './personal-data';
import type { Reaction, ReportTarget } from '../model/moderation';
import type { LivePoll, MyPollAnswer, Poll, PollAnswer, PollCount, PollDraft, PollResultsUpdate, PollTextAnswer, PollToIdeasResult } from './polls';

/** Sent by the server right after a socket.io connection is authenticated. */
export interface Hello {
  protocolVersion: number;
  identity: Identity;
  /** Server clock (ms since epoch) when sent; clients derive their clock offset from it. */
  serverTime: number;
}

export type AckCallback<T> = (ack: Ack<T>) => void;

/** socket.io, client → server. Every request carries an acknowledgement callback. */
export interface ClientToServerEvents {
  /** Facilitators only: change title, description, beacons, questions or the focus question. */
  'board:updateSettings': (patch: BoardSettingsPatch, ack: AckCallback<BoardSettings>) => void;
  /** Anyone: the server's clock, for timers that agree across devices. */
  'time:sync': (ack: AckCallback<{ serverTime: number }>) => void;

  // Live workshops. Facilitator commands answer with the new workshop state (also in Yjs).
  /** Facilitators: move a question to any step of its agenda, forward or back. */
  'workshop:setStep': (payload: { questionId: string; step: Step }, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: lock or unlock the board against every participant change. */
  'workshop:setLocked': (payload: { locked: boolean }, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: what the projector shows (all ideas, the results, one cluster). */
  'workshop:setScreen': (payload: { screen: ScreenView }, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: silent writing on or off. */
  'workshop:setSilent': (payload: { silent: boolean }, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: publish every hidden idea at once (exactly once, however many press it). */
  'workshop:reveal': (ack: AckCallback<RevealResult>) => void;
  /** Facilitators: set, start, pause, add a minute to, or stop (reset) the timer. */
  'workshop:timer': (command: TimerCommand, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: votes per person (per question) and per idea. */
  'voting:configure': (config: VotingConfig, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: show (true) or hide (false) the vote totals in the `votes` root. */
  'voting:reveal': (payload: { revealed: boolean }, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: clear the votes of one question (questionId, null: ideas without one) or, without it, all votes. */
  'voting:reset': (payload: { questionId?: string | null }, ack: AckCallback<WorkshopState>) => void;
  /** Facilitators: open or close joining by code. */
  'join:setOpen': (payload: { open: boolean }, ack: AckCallback<WorkshopState>) => void;

  /** Participants (and facilitators): add an idea while silent writing is on; idempotent by idea id. */
  'idea:submitHidden': (payload: { idea: IdeaInput }, ack: AckCallback<SubmitHiddenResult>) => void;
  /** The author or a facilitator: withdraw a hidden idea before it is revealed. */
  'idea:deleteHidden': (payload: { ideaId: string }, ack: AckCallback<{ ideaId: string }>) => void;
  /** Facilitators: every hidden idea; participants: their own; observers: none. */
  'ideas:hidden': (ack: AckCallback<{ ideas: Idea[] }>) => void;

  /** Participants and facilitators: one vote on an idea whose question is in the vote step. */
  'vote:cast': (payload: { ideaId: string }, ack: AckCallback<MyVotes>) => void;
  /** Participants and facilitators: take one vote back. */
  'vote:retract': (payload: { ideaId: string }, ack: AckCallback<MyVotes>) => void;
  /** Participants and facilitators: one's own votes for a question (default: the focus question). */
  'votes:mine': (payload: { questionId?: string | null }, ack: AckCallback<MyVotes>) => void;

  /** Facilitators: a named cluster (default question: the focus question). */
  'cluster:create': (payload: { name: string; questionId?: string | null }, ack: AckCallback<Cluster>) => void;
  'cluster:rename': (payload: { clusterId: string; name: string }, ack: AckCallback<Cluster>) => void;
  /** Facilitators: delete a cluster; its ideas stay, with clusterId null. */
  'cluster:delete': (payload: { clusterId: string }, ack: AckCallback<{ clusterId: string }>) => void;
  /** Facilitators: merge duplicates into the target (authors, texts and votes kept; see docs/WORKSHOP.md). */
  'idea:merge': (payload: { targetId: string; sourceIds: string[] }, ack: AckCallback<MergeResult>) => void;

  // Public calls and moderation (docs/PROTOCOL.md "Public calls and moderation").
  /** Facilitators: open, schedule, close or re-link the board's public call; the result is also in `board.call`. */
  'call:configure': (payload: ConfigureCall, ack: AckCallback<PublicCall>) => void;
  /** Facilitators: the moderation queue (pending items, or all of them). */
  'moderation:queue': (payload: { state?: 'pending' | 'all' }, ack: AckCallback<QueueResult>) => void;
  /** Facilitators: approve, reject, dismiss or act on one or many queue items; exactly one decision per item wins. */
  'moderation:decide': (payload: DecideRequest, ack: AckCallback<DecideResult>) => void;
  /** Facilitators: ideas hidden by a moderator (participants and observers never get them). */
  'moderation:hidden': (ack: AckCallback<HiddenIdeasResult>) => void;
  /** Facilitators: take an idea off the board for everyone but facilitators. */
  'idea:hide': (payload: { ideaId: string; reason: string }, ack: AckCallback<HiddenIdea>) => void;
  /** Facilitators: put a hidden idea back, as it was. */
  'idea:restore': (payload: { ideaId: string }, ack: AckCallback<Idea>) => void;
  /** Facilitators: change an idea's text; the original is kept in its revisions. */
  'idea:moderateEdit': (payload: { ideaId: string; text: string; reason?: string | null }, ack: AckCallback<ModerateEditResult>) => void;
  /** Facilitators: the moderator edits of an idea, oldest first. */
  'idea:revisions': (payload: { ideaId: string }, ack: AckCallback<{ revisions: Revision[] }>) => void;
  /** Facilitators: delete an idea for good (GDPR): its text is removed from storage, not only from view. */
  'idea:purge': (payload: { ideaId: string; reason?: string | null }, ack: AckCallback<{ ideaId: string }>) => void;
  /** Participants and facilitators: comment on an idea (idempotent by comment id). */
  'comment:add': (payload: { id: string; ideaId: string; text: string }, ack: AckCallback<AddCommentResult>) => void;
  /** The author or a facilitator: delete a comment for good. */
  'comment:delete': (payload: { commentId: string }, ack: AckCallback<{ commentId: string }>) => void;
  /** Facilitators: hide a published comment (kept in the queue as rejected, with the reason). */
  'comment:hide': (payload: { commentId: string; reason: string }, ack: AckCallback<Comment>) => void;
  /** Participants and facilitators: turn one's reaction on an idea on or off. */
  'reaction:toggle': (payload: { ideaId: string; reaction: Reaction }, ack: AckCallback<ReactionResult>) => void;
  /** Participants and facilitators: flag an idea or comment for the moderators. */
  'report:create': (payload: { target: ReportTarget; reason: string }, ack: AckCallback<QueueItem>) => void;
  /** Facilitators: set what became of an idea (kept in `statuses` with who and when). */
  'idea:setStatus': (payload: SetStatusRequest, ack: AckCallback<IdeaStatusRecord>) => void;
  /** Facilitators: record (or change) an initiative that ideas led to; shown to everyone in `initiatives`. */
  'initiative:save': (payload: SaveInitiativeRequest, ack: AckCallback<Initiative>) => void;
  /** Facilitators: remove an initiative (its ideas stay). */
  'initiative:delete': (payload: { initiativeId: string }, ack: AckCallback<{ initiativeId: string }>) => void;
  /** Facilitators: the audit log, newest first, filtered. */
  'audit:list': (payload: AuditQuery, ack: AckCallback<AuditResult>) => void;
  /** Facilitators (anyone about themselves): how much the board holds about a person (§19). */
  'person:find': (payload: PersonQuery, ack: AckCallback<PersonSummary>) => void;
  /** Facilitators (anyone about themselves): everything the board holds about a person, as JSON (§19). */
  'person:export': (payload: PersonQuery, ack: AckCallback<PersonExport>) => void;
  /** Facilitators (anyone about themselves): delete everything about a person, in one audited action (§19). */
  'person:delete': (payload: PersonQuery & { reason?: string | null }, ack: AckCallback<PersonDeleteResult>) => void;
  /** Facilitators: e-mail me "N contributions wait for moderation", at most hourly (§19). */
  'mail:subscribe': (payload: MailSubscribeRequest, ack: AckCallback<{ email: string; locale: 'da' | 'en' }>) => void;
  /** Facilitators: my digest subscription on this board, or null. */
  'mail:subscription': (payload: Record<string, never>, ack: AckCallback<{ subscription: { email: string; locale: 'da' | 'en' } | null }>) => void;
  /** Facilitators: stop the digest and delete my address. */
  'mail:unsubscribe': (payload: Record<string, never>, ack: AckCallback<{ removed: boolean }>) => void;

  // Polls (docs/PROTOCOL.md "Polls and surveys"). Definitions are in the `polls` root.
  /** Facilitators: a new poll, as a draft. */
  'poll:create': (payload: { poll: PollDraft }, ack: AckCallback<Poll>) => void;
  /** Facilitators: replace a poll's definition (type, options and scale only while it has no answers). */
  'poll:update': (payload: { pollId: string; poll: PollDraft }, ack: AckCallback<Poll>) => void;
  /** Facilitators: start (or restart) taking answers. */
  'poll:open': (payload: { pollId: string }, ack: AckCallback<Poll>) => void;
  /** Facilitators: stop taking answers; the answers are kept. */
  'poll:close': (payload: { pollId: string }, ack: AckCallback<Poll>) => void;
  /** Facilitators: show (true) or hide (false) the results to everyone. */
  'poll:reveal': (payload: { pollId: string; revealed: boolean }, ack: AckCallback<Poll>) => void;
  /** Facilitators: the one poll shown on phones and the projector (null: none). */
  'poll:setLive': (payload: { pollId: string | null }, ack: AckCallback<LivePoll>) => void;
  /** Facilitators: delete a poll and every answer to it. */
  'poll:delete': (payload: { pollId: string }, ack: AckCallback<{ pollId: string }>) => void;
  /** Participants and facilitators: answer an open poll; a new answer replaces one's earlier one. */
  'poll:answer': (payload: { pollId: string; answer: PollAnswer }, ack: AckCallback<MyPollAnswer>) => void;
  /** Participants and facilitators: one's own answer to a poll. */
  'poll:mine': (payload: { pollId: string }, ack: AckCallback<MyPollAnswer>) => void;
  /** Anyone: how many have answered. */
  'poll:count': (payload: { pollId: string }, ack: AckCallback<PollCount>) => void;
  /** Facilitators always; others only while the results are public. */
  'poll:results': (payload: { pollId: string }, ack: AckCallback<PollResultsUpdate>) => void;
  /** Facilitators: the open-text answers of a poll, anonymous. */
  'poll:textAnswers': (payload: { pollId: string }, ack: AckCallback<{ answers: PollTextAnswer[] }>) => void;
  /** Facilitators: put open-text answers on the board as ideas (through the idea rules; once each). */
  'poll:toIdeas': (payload: { pollId: string; answerIds: string[] }, ack: AckCallback<PollToIdeasResult>) => void;
}

/** socket.io, server → client. */
export interface ServerToClientEvents {
  'session:hello': (hello: Hello) => void;
  /** A refusal that did not answer a request (e.g. a Yjs update refused on another channel). */
  'server:error': (error: ProtocolError) => void;
  /** To facilitators and the idea's author: a hidden idea was submitted (or resubmitted). */
  'ideas:hiddenAdded': (payload: { idea: Idea }) => void;
  /** To facilitators and the ideas' authors: hidden ideas left the hidden list (revealed or withdrawn). */
  'ideas:hiddenRemoved': (payload: HiddenRemoved) => void;
  /** To every socket of one participant: their votes for a question changed (another tab voted). */
  'votes:mine': (mine: MyVotes) => void;
  /** To the whole board: votes changed for many (merge, reset, deleted ideas); ask votes:mine again. */
  'votes:refresh': () => void;
  /** To facilitators: the moderation queue or the hidden ideas changed; ask again for what is shown. */
  'moderation:changed': (counts: ModerationCounts) => void;
  /** To the whole board: how many have answered a poll (never what). */
  'poll:count': (count: PollCount) => void;
  /** To facilitators: a poll's results changed. */
  'poll:results': (update: PollResultsUpdate) => void;
  /** To every socket of one participant: their answer changed (another tab answered). */
  'poll:mine': (mine: MyPollAnswer) => void;
}

/** socket.io handshake `auth` payload. */
export interface HandshakeAuth {
  session: string;
  protocolVersion?: number;
}
