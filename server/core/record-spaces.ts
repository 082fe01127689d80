/**
 * Where moderation (and the poll drafts) keep their records in the store. Named in the leaf because backup,
 * personal-data requests, mail, polls and the workshop read these spaces too. Everything per board lives in spaces
 * named after the board, so a board's moderation state can be listed (and backed up) alone.
 */
export const SPACE = {
  /** callId → { boardId }: which board a public link belongs to. */
  calls: 'calls',
  /** receipt code → { boardId, itemId }. */
  receipts: 'receipts',
  /** item id → QueueItem (contributions, pending comments, reports), decided ones kept. */
  queue: (boardId: string) => `queue:${boardId}`,
  /** idea id → HiddenIdea: ideas a facilitator took off the board. */
  hidden: (boardId: string) => `modhidden:${boardId}`,
  /** idea id → Revision[]: moderator edits, originals kept for facilitators. */
  revisions: (boardId: string) => `revisions:${boardId}`,
  /** `<at, zero-padded>-<id>` → AuditEntry: key order is time order. */
  audit: (boardId: string) => `audit:${boardId}`,
  /** item id → ContactRecord: contributors' e-mail, apart from everything shown. */
  contacts: (boardId: string) => `contacts:${boardId}`,
  /** poll id → Poll in state 'draft': polls being prepared, kept out of the document (server/polls/draft-book.ts). */
  pollDrafts: (boardId: string) => `polldrafts:${boardId}`,
} as const;
