/**
 * Every refusal the server can give, by name. REST answers carry them in the error body,
 * socket.io acknowledgements in `error.code`, y-websocket connections in an Error message
 * followed by a close code (below).
 */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_TOKEN: 'INVALID_TOKEN',
  FORBIDDEN: 'FORBIDDEN',
  READ_ONLY: 'READ_ONLY',
  NOT_OWNER: 'NOT_OWNER',
  BOARD_NOT_FOUND: 'BOARD_NOT_FOUND',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN_FIELD: 'FORBIDDEN_FIELD',
  INVALID_UPDATE: 'INVALID_UPDATE',
  MISSING_DEPENDENCY: 'MISSING_DEPENDENCY',
  CLIENT_ID_TAKEN: 'CLIENT_ID_TAKEN',
  TOO_LARGE: 'TOO_LARGE',
  BOARD_FULL: 'BOARD_FULL',
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  RATE_LIMITED: 'RATE_LIMITED',
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  // Live workshops (docs/PROTOCOL.md "Live workshops").
  /** The facilitator locked the board: participants change nothing. */
  BOARD_LOCKED: 'BOARD_LOCKED',
  /** The idea's question is in a step that does not allow this (see STEP_RULES). */
  STEP_FORBIDS: 'STEP_FORBIDS',
  /** Silent writing is on: new ideas go through idea:submitHidden, never straight into the document. */
  SILENT_WRITING: 'SILENT_WRITING',
  /** The participant has used all their votes for this question. */
  NO_VOTES_LEFT: 'NO_VOTES_LEFT',
  /** The participant has put the most votes allowed on this idea. */
  IDEA_VOTE_LIMIT: 'IDEA_VOTE_LIMIT',
  IDEA_NOT_FOUND: 'IDEA_NOT_FOUND',
  CLUSTER_NOT_FOUND: 'CLUSTER_NOT_FOUND',
  /** No open board has this join code. */
  JOIN_CODE_UNKNOWN: 'JOIN_CODE_UNKNOWN',
  /** The board exists, but the facilitator has closed joining by code. */
  JOIN_CLOSED: 'JOIN_CLOSED',
  // Exports (docs/PROTOCOL.md "Exports").
  /** This export cannot be made on this server right now (PDF without Chromium); the others still work. */
  EXPORT_UNAVAILABLE: 'EXPORT_UNAVAILABLE',
  // Public calls and moderation (docs/PROTOCOL.md "Public calls and moderation").
  /** No public call has this link (never had, or the link was rotated). */
  CALL_NOT_FOUND: 'CALL_NOT_FOUND',
  /** The call exists but does not take contributions now: switched off, not yet open, or closed. */
  CALL_CLOSED: 'CALL_CLOSED',
  /** An e-mail address was given without consenting to its use. */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  RECEIPT_NOT_FOUND: 'RECEIPT_NOT_FOUND',
  COMMENT_NOT_FOUND: 'COMMENT_NOT_FOUND',
  /** A moderator removed this idea; it cannot be written back into the document. */
  IDEA_REMOVED: 'IDEA_REMOVED',
  /** The id names an idea kept out of the document (silent writing, a pending contribution): only its author may write it. */
  IDEA_ID_TAKEN: 'IDEA_ID_TAKEN',
  // Polls and surveys (docs/PROTOCOL.md "Polls and surveys"). Nothing is stored with any of them.
  /** No poll on this board has this id. */
  POLL_NOT_FOUND: 'POLL_NOT_FOUND',
  /** The poll does not take answers now: still a draft, or closed. */
  POLL_NOT_OPEN: 'POLL_NOT_OPEN',
  /** The answer's type is not the poll's type. */
  POLL_WRONG_TYPE: 'POLL_WRONG_TYPE',
  /** An option the poll does not have, or a scale value outside its range. */
  POLL_OPTION_INVALID: 'POLL_OPTION_INVALID',
  /** More choices than the poll allows (max choices), or more words than its word cloud takes. */
  POLL_TOO_MANY_CHOICES: 'POLL_TOO_MANY_CHOICES',
  /** A word-cloud word longer than the limit after normalising, or empty. */
  POLL_WORD_TOO_LONG: 'POLL_WORD_TOO_LONG',
  /** The same option twice in one answer (a ranking, or a multiple choice). */
  POLL_DUPLICATE_ENTRY: 'POLL_DUPLICATE_ENTRY',
  /** A ranking must place every option of the poll exactly once. */
  POLL_RANKING_INCOMPLETE: 'POLL_RANKING_INCOMPLETE',
  /** The edit would change what stored answers refer to (type, options, scale): delete the answers' poll or make a new one. */
  POLL_HAS_ANSWERS: 'POLL_HAS_ANSWERS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * WebSocket close codes of the Yjs endpoint. y-websocket's provider stops reconnecting on
 * 4400–4499, so everything a retry cannot fix is in that range; the rest invite a retry.
 */
export const CloseCode = {
  /** Server shutting down or restarting: reconnect. */
  GOING_AWAY: 1001,
  /**
   * The awareness client id this connection announced belongs to another session
   * (`CLIENT_ID_TAKEN`). Only this connection is refused; the id's owner keeps it. Outside
   * 4400–4499 on purpose: the provider reconnects, and a client that does not own the id
   * should start over with a new one.
   */
  CLIENT_ID_CONFLICT: 4009,
  /** The store is unreachable: reconnect later. */
  TRY_AGAIN_LATER: 1013,
  /** Frame not decodable as y-websocket, or an unknown message type. */
  PROTOCOL_ERROR: 4400,
  /** Missing, unknown or expired session. */
  UNAUTHENTICATED: 4401,
  /** The connection sent an update its role does not allow; the board is unchanged. */
  FORBIDDEN: 4403,
  BOARD_NOT_FOUND: 4404,
  /** The update referred to document state the server does not have. */
  MISSING_DEPENDENCY: 4409,
  /** A frame or awareness state over the limits in shared/model/limits.ts. */
  TOO_LARGE: 4413,
  RATE_LIMITED: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}
