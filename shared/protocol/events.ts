import type { ProtocolError } from './errors';
import type { Identity } from './rest';
import type { Idea } from '../model/idea';
import type { HiddenRemoved, MyVotes, WorkshopProgress } from './workshop-commands';
import type { ModerationCounts } from './moderation-commands';
import type { MyPollAnswer, PollCount, PollDrafts, PollResultsUpdate } from './polls';

/** Sent by the server right after a socket.io connection is authenticated. */
export interface Hello {
  protocolVersion: number;
  identity: Identity;
  /** Server clock (ms since epoch) when sent; clients derive their clock offset from it. */
  serverTime: number;
}

// The client → server commands are one table (socket-commands.ts): `ClientToServerEvents`
// and the acknowledgement callback's type are derived there and exported beside it.

/**
 * socket.io, server → client: notices, never answers (answers come in acknowledgements).
 * Hand-written: a notice has no schema to check, only a type, and SERVER_NOTICES below lists
 * its names for the documentation test.
 */
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
  /** To the whole board: the room's progress changed (ideas written silently, who has voted); counts only. */
  'workshop:progress': (progress: WorkshopProgress) => void;
  /** To facilitators: the moderation queue or the hidden ideas changed; ask again for what is shown. */
  'moderation:changed': (counts: ModerationCounts) => void;
  /** To the whole board: how many have answered a poll (never what). */
  'poll:count': (count: PollCount) => void;
  /** To facilitators: a poll's results changed. */
  'poll:results': (update: PollResultsUpdate) => void;
  /** To every socket of one participant: their answer changed (another tab answered). */
  'poll:mine': (mine: MyPollAnswer) => void;
  /** To facilitators: the draft polls changed (created, edited, opened, deleted); every draft. */
  'poll:drafts': (drafts: PollDrafts) => void;
}

/** Every server → client event name (test/unit/protocol-tables.test.ts checks PROTOCOL.md against it). */
export const SERVER_NOTICES = {
  'session:hello': true,
  'server:error': true,
  'ideas:hiddenAdded': true,
  'ideas:hiddenRemoved': true,
  'votes:mine': true,
  'votes:refresh': true,
  'workshop:progress': true,
  'moderation:changed': true,
  'poll:count': true,
  'poll:results': true,
  'poll:mine': true,
  'poll:drafts': true,
} as const satisfies Record<keyof ServerToClientEvents, true>;

/** socket.io handshake `auth` payload. */
export interface HandshakeAuth {
  session: string;
  protocolVersion?: number;
}
