import { boardSettingsPatchSchema, type BoardSettings } from '../model/board';
import type { Idea } from '../model/idea';
import type { HiddenIdea } from '../model/hidden-idea';
import type { Initiative } from '../model/initiative';
import type { Comment, PublicCall, QueueItem, Revision } from '../model/moderation';
import type { IdeaStatusRecord } from '../model/status';
import type { Cluster, WorkshopState } from '../model/workshop';
import {
  addCommentSchema,
  auditQuerySchema,
  commentIdSchema,
  configureCallSchema,
  decideSchema,
  deleteInitiativeSchema,
  hideCommentSchema,
  hideIdeaSchema,
  ideaIdSchema,
  moderateEditSchema,
  purgeIdeaSchema,
  queueQuerySchema,
  reportSchema,
  saveInitiativeSchema,
  setStatusSchema,
  toggleReactionSchema,
  type AddCommentResult,
  type AuditResult,
  type DecideResult,
  type HiddenIdeasResult,
  type ModerateEditResult,
  type QueueResult,
  type ReactionResult,
} from './moderation-commands';
import {
  mailSubscribeRequestSchema,
  personDeleteSchema,
  personQuerySchema,
  type MailSubscription,
  type PersonDeleteResult,
  type PersonExport,
  type PersonSummary,
} from './personal-data';
import {
  answerPollSchema,
  createPollSchema,
  pollIdSchema,
  pollToIdeasSchema,
  revealPollSchema,
  setLivePollSchema,
  updatePollSchema,
  type LivePoll,
  type MyPollAnswer,
  type Poll,
  type PollCount,
  type PollDrafts,
  type PollResultsUpdate,
  type PollTextAnswer,
  type PollToIdeasResult,
} from './polls';
import { bareCommand, command, result, type EventsOf } from './socket-table';
import {
  configureVotingSchema,
  createClusterSchema,
  deleteClusterSchema,
  deleteHiddenSchema,
  mergeIdeasSchema,
  myVotesSchema,
  renameClusterSchema,
  resetVotesSchema,
  revealVotesSchema,
  setJoinOpenSchema,
  setLockedSchema,
  setScreenSchema,
  setSilentSchema,
  setStepSchema,
  submitHiddenSchema,
  timerCommandSchema,
  voteSchema,
  type MergeResult,
  type MyVotes,
  type RevealResult,
  type SubmitHiddenResult,
  type WorkshopProgress,
} from './workshop-commands';

/**
 * Every socket.io command, client → server: its payload schema, its result, who may send it
 * and what it does. The server registers its handlers against this table (a handler of the
 * wrong payload or result does not compile) and validates and gates every command with it;
 * the client's `request` and `ClientToServerEvents` are derived from it; docs/PROTOCOL.md's
 * command index is checked against it (test/unit/protocol-tables.test.ts).
 */
export const socketCommands = {
  'board:updateSettings': command(boardSettingsPatchSchema, result<BoardSettings>(), 'facilitators', 'Change title, description, beacons, questions or the focus question.'),
  'time:sync': bareCommand(result<{ serverTime: number }>(), 'anyone', 'The server\u2019s clock, for timers that agree across devices.'),

  // Live workshops. Facilitator commands answer with the new workshop state (also in Yjs).
  'workshop:setStep': command(setStepSchema, result<WorkshopState>(), 'facilitators', 'Move a question to any step of its agenda, forward or back; the reveal step also reveals.'),
  'workshop:setLocked': command(setLockedSchema, result<WorkshopState>(), 'facilitators', 'Lock or unlock the board against every participant change.'),
  'workshop:setScreen': command(setScreenSchema, result<WorkshopState>(), 'facilitators', 'What the projector shows (all ideas, the results, one cluster).'),
  'workshop:setSilent': command(setSilentSchema, result<WorkshopState>(), 'facilitators', 'Silent writing on or off.'),
  'workshop:reveal': bareCommand(result<RevealResult>(), 'facilitators', 'Switch silent writing off and publish every hidden idea at once (exactly once, however many press it).'),
  'workshop:timer': command(timerCommandSchema, result<WorkshopState>(), 'facilitators', 'Set, start, pause, add a minute to, or stop (reset) the timer.'),
  'voting:configure': command(configureVotingSchema, result<WorkshopState>(), 'facilitators', 'Votes per person (per question) and per idea.'),
  'voting:reveal': command(revealVotesSchema, result<WorkshopState>(), 'facilitators', 'Show (true) or hide (false) the vote totals in the `votes` root.'),
  'voting:reset': command(resetVotesSchema, result<WorkshopState>(), 'facilitators', 'Clear the votes of one question (null: ideas without one) or, without it, all votes.'),
  'join:setOpen': command(setJoinOpenSchema, result<WorkshopState>(), 'facilitators', 'Open or close joining by code.'),
  'workshop:progress': bareCommand(result<WorkshopProgress>(), 'anyone', 'How far the room is, as counts: ideas written silently, who has voted.'),

  'idea:submitHidden': command(submitHiddenSchema, result<SubmitHiddenResult>(), 'writers', 'Add an idea while silent writing is on; idempotent by idea id.'),
  'idea:deleteHidden': command(deleteHiddenSchema, result<{ ideaId: string }>(), 'authors', 'Withdraw a hidden idea before it is revealed.'),
  'ideas:hidden': bareCommand(result<{ ideas: Idea[] }>(), 'anyone', 'Hidden ideas: facilitators every one, participants their own, observers none.'),

  'vote:cast': command(voteSchema, result<MyVotes>(), 'writers', 'One vote on an idea whose question is in the vote step.'),
  'vote:retract': command(voteSchema, result<MyVotes>(), 'writers', 'Take one vote back.'),
  'votes:mine': command(myVotesSchema, result<MyVotes>(), 'writers', 'One\u2019s own votes for a question (default: the focus question).'),

  'cluster:create': command(createClusterSchema, result<Cluster>(), 'facilitators', 'A named cluster (default question: the focus question).'),
  'cluster:rename': command(renameClusterSchema, result<Cluster>(), 'facilitators', 'Rename a cluster.'),
  'cluster:delete': command(deleteClusterSchema, result<{ clusterId: string }>(), 'facilitators', 'Delete a cluster; its ideas stay, with clusterId null.'),
  'idea:merge': command(mergeIdeasSchema, result<MergeResult>(), 'facilitators', 'Merge duplicates into the target (authors, texts and votes kept).'),

  // Public calls and moderation (docs/PROTOCOL.md "Public calls and moderation").
  'call:configure': command(configureCallSchema, result<PublicCall>(), 'facilitators', 'Open, schedule, close or re-link the board\u2019s public call.'),
  'moderation:queue': command(queueQuerySchema, result<QueueResult>(), 'facilitators', 'The moderation queue (pending items, or all of them).'),
  'moderation:decide': command(decideSchema, result<DecideResult>(), 'facilitators', 'Approve, reject, dismiss or act on queue items; one decision per item wins.'),
  'moderation:hidden': bareCommand(result<HiddenIdeasResult>(), 'facilitators', 'Ideas hidden by a moderator.'),
  'idea:hide': command(hideIdeaSchema, result<HiddenIdea>(), 'facilitators', 'Take an idea off the board for everyone but facilitators.'),
  'idea:restore': command(ideaIdSchema, result<Idea>(), 'facilitators', 'Put a hidden idea back, as it was.'),
  'idea:moderateEdit': command(moderateEditSchema, result<ModerateEditResult>(), 'facilitators', 'Change an idea\u2019s text; the original is kept in its revisions.'),
  'idea:revisions': command(ideaIdSchema, result<{ revisions: Revision[] }>(), 'facilitators', 'The moderator edits of an idea, oldest first.'),
  'idea:purge': command(purgeIdeaSchema, result<{ ideaId: string }>(), 'facilitators', 'Delete an idea for good (GDPR): its text leaves storage, not only the view.'),
  'comment:add': command(addCommentSchema, result<AddCommentResult>(), 'writers', 'Comment on an idea (idempotent by comment id).'),
  'comment:delete': command(commentIdSchema, result<{ commentId: string }>(), 'authors', 'Delete a comment for good.'),
  'comment:hide': command(hideCommentSchema, result<Comment>(), 'facilitators', 'Hide a published comment (kept in the queue as rejected, with the reason).'),
  'reaction:toggle': command(toggleReactionSchema, result<ReactionResult>(), 'writers', 'Turn one\u2019s reaction on an idea on or off.'),
  'report:create': command(reportSchema, result<QueueItem>(), 'writers', 'Flag an idea or comment for the moderators.'),
  'idea:setStatus': command(setStatusSchema, result<IdeaStatusRecord>(), 'facilitators', 'Set what became of an idea (kept in `statuses` with who and when).'),
  'initiative:save': command(saveInitiativeSchema, result<Initiative>(), 'facilitators', 'Record (or change) an initiative that ideas led to.'),
  'initiative:delete': command(deleteInitiativeSchema, result<{ initiativeId: string }>(), 'facilitators', 'Remove an initiative (its ideas stay).'),
  'audit:list': command(auditQuerySchema, result<AuditResult>(), 'facilitators', 'The audit log, newest first, filtered.'),

  // Personal data and the moderation digest (docs/PROTOCOL.md §19).
  'person:find': command(personQuerySchema, result<PersonSummary>(), 'themselves', 'How much the board holds about a person.'),
  'person:export': command(personQuerySchema, result<PersonExport>(), 'themselves', 'Everything the board holds about a person, as JSON.'),
  'person:delete': command(personDeleteSchema, result<PersonDeleteResult>(), 'themselves', 'Delete everything about a person, in one audited action.'),
  'mail:subscribe': command(mailSubscribeRequestSchema, result<MailSubscription>(), 'facilitators', 'E-mail me "N contributions wait for moderation", at most hourly.'),
  'mail:subscription': bareCommand(
    result<{ subscription: MailSubscription | null; mailConfigured: boolean }>(),
    'facilitators',
    'My digest subscription on this board, or null, and whether this server sends mail at all.',
  ),
  'mail:unsubscribe': bareCommand(result<{ removed: boolean }>(), 'facilitators', 'Stop the digest and delete my address.'),

  // Polls (docs/PROTOCOL.md "Polls and surveys"). Opened and closed polls are in the `polls`
  // root; drafts only in the server's store, for facilitators (poll:drafts).
  'poll:create': command(createPollSchema, result<Poll>(), 'facilitators', 'A new poll, as a draft (kept apart from the document, for facilitators only).'),
  'poll:drafts': bareCommand(result<PollDrafts>(), 'facilitators', 'The board\u2019s draft polls.'),
  'poll:update': command(updatePollSchema, result<Poll>(), 'facilitators', 'Replace a poll\u2019s definition (type, options and scale only while it has no answers).'),
  'poll:open': command(pollIdSchema, result<Poll>(), 'facilitators', 'Start (or restart) taking answers.'),
  'poll:close': command(pollIdSchema, result<Poll>(), 'facilitators', 'Stop taking answers; the answers are kept.'),
  'poll:reveal': command(revealPollSchema, result<Poll>(), 'facilitators', 'Show (true) or hide (false) the results to everyone.'),
  'poll:setLive': command(setLivePollSchema, result<LivePoll>(), 'facilitators', 'The one poll shown on phones and the projector (null: none).'),
  'poll:delete': command(pollIdSchema, result<{ pollId: string }>(), 'facilitators', 'Delete a poll and every answer to it.'),
  'poll:answer': command(answerPollSchema, result<MyPollAnswer>(), 'writers', 'Answer an open poll; a new answer replaces one\u2019s earlier one.'),
  'poll:mine': command(pollIdSchema, result<MyPollAnswer>(), 'writers', 'One\u2019s own answer to a poll.'),
  'poll:count': command(pollIdSchema, result<PollCount>(), 'anyone', 'How many have answered.'),
  'poll:results': command(pollIdSchema, result<PollResultsUpdate>(), 'whilePublic', 'The aggregated results.'),
  'poll:textAnswers': command(pollIdSchema, result<{ answers: PollTextAnswer[] }>(), 'facilitators', 'The open-text answers of a poll, anonymous.'),
  'poll:toIdeas': command(pollToIdeasSchema, result<PollToIdeasResult>(), 'facilitators', 'Put open-text answers on the board as ideas (through the idea rules; once each).'),
};

export type SocketCommands = typeof socketCommands;
export type SocketCommandName = keyof SocketCommands;

/** socket.io, client → server, as socket.io's typed `Socket` wants it: derived from the table. */
export type ClientToServerEvents = EventsOf<SocketCommands>;
