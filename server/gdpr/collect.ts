import {
  commentSchema,
  commentsMap,
  hiddenIdeaSchema,
  ideasMap,
  queueItemSchema,
  readIdea,
  readIdeaReactions,
  type PersonExport,
} from '../../shared';
import type { BoardRoom } from '../realtime/board-room';
import type { ModerationContext } from '../moderation';
import { SPACE } from '../core/record-spaces';
import { contactSchema, SUBSCRIPTIONS_SPACE, subscriptionKey, subscriptionSchema } from '../mail';

/** Who a person is on one board: their participant ids and the contributions that carry their address or receipt. */
export interface Person {
  boardId: string;
  participantIds: ReadonlySet<string>;
  itemIds: ReadonlySet<string>;
}

export interface Holdings {
  export: Omit<PersonExport, 'exportedAt' | 'boardId' | 'participantIds'>;
  /** Ideas by id with where they are kept (each is purged as idea:purge does). */
  ideaIds: string[];
  /** Comments outside those ideas (published or in the queue). */
  commentIds: string[];
  reportIds: string[];
  /** Hidden ideas (others') whose kept traces hold the person's reactions or comments. */
  hiddenWithTraces: string[];
  /** Token hashes of their sessions. */
  sessionHashes: string[];
}

/**
 * Everything one board holds about a person, read with the room held: the document
 * (ideas, comments, reactions), the moderation records (hidden ideas with their traces,
 * the queue, reports), the silent-writing store, the vote book, the addresses, the digest
 * subscription and the sessions.
 */
export async function collect(ctx: ModerationContext, room: BoardRoom, person: Person): Promise<Holdings> {
  const { boardId } = room;
  const mine = (id: string | null | undefined) => id !== null && id !== undefined && person.participantIds.has(id);
  const out: Holdings['export'] = { ideas: [], comments: [], reactions: [], votes: [], reports: [], emails: [], digestSubscriptions: [], sessions: [], surveyAnswers: [] };
  const seenIdeas = new Set<string>();
  const queue = await ctx.records.list(SPACE.queue(boardId), queueItemSchema);
  const receiptOf = new Map(queue.flatMap((r) => (r.value.kind === 'contribution' ? [[r.value.id, r.value.receipt] as const] : [])));
  const addIdea = (idea: { id: string; text: string; createdAt: number; authorName: string | null; organisation: string | null }, where: PersonExport['ideas'][number]['where'], state: string) => {
    if (seenIdeas.has(idea.id)) return;
    seenIdeas.add(idea.id);
    out.ideas.push({ id: idea.id, text: idea.text, where, state, createdAt: idea.createdAt, authorName: idea.authorName, organisation: idea.organisation, receipt: receiptOf.get(idea.id) ?? null });
  };
  for (const [id, map] of ideasMap(room.doc).entries()) {
    const idea = readIdea(map);
    if (idea && (mine(idea.authorId) || person.itemIds.has(id))) addIdea(idea, 'board', 'published');
  }
  const hiddenWithTraces: string[] = [];
  for (const { value } of await ctx.records.list(SPACE.hidden(boardId), hiddenIdeaSchema)) {
    if (mine(value.idea.authorId) || person.itemIds.has(value.idea.id)) addIdea(value.idea, 'hidden', 'hidden');
    else if (value.traces?.reactions.some((r) => mine(r.participantId)) || value.traces?.comments.some((c) => mine(c.authorId))) hiddenWithTraces.push(value.idea.id);
    for (const r of value.traces?.reactions ?? []) if (mine(r.participantId)) out.reactions.push({ ideaId: value.idea.id, reaction: r.reaction, participantId: r.participantId });
    for (const c of value.traces?.comments ?? []) if (mine(c.authorId)) out.comments.push({ id: c.id, ideaId: c.ideaId, text: c.text, where: 'board', createdAt: c.createdAt });
  }
  const reportIds: string[] = [];
  for (const { value: item } of queue) {
    if (item.kind === 'contribution' && (mine(item.idea.authorId) || person.itemIds.has(item.id))) addIdea(item.idea, 'queue', item.state);
    if (item.kind === 'report' && mine(item.reporterId)) {
      reportIds.push(item.id);
      out.reports.push({ id: item.id, targetId: item.target.id, reason: item.reason, createdAt: item.createdAt });
    }
  }
  for (const idea of await ctx.store.listHiddenIdeas(boardId)) if (mine(idea.authorId)) addIdea(idea, 'silent', 'silent');
  const ideaIds = [...seenIdeas];
  const commentIds = new Set<string>();
  for (const value of commentsMap(room.doc).values()) {
    const comment = commentSchema.safeParse(value);
    if (comment.success && mine(comment.data.authorId)) {
      commentIds.add(comment.data.id);
      out.comments.push({ id: comment.data.id, ideaId: comment.data.ideaId, text: comment.data.text, where: 'board', createdAt: comment.data.createdAt });
    }
  }
  for (const { value: item } of queue) {
    if (item.kind === 'comment' && mine(item.comment.authorId) && !commentIds.has(item.id)) {
      commentIds.add(item.id);
      out.comments.push({ id: item.id, ideaId: item.comment.ideaId, text: item.comment.text, where: 'queue', createdAt: item.comment.createdAt });
    }
  }
  for (const ideaId of ideasMap(room.doc).keys()) {
    for (const [reaction, who] of readIdeaReactions(room.doc, ideaId)) {
      for (const participantId of who) if (mine(participantId)) out.reactions.push({ ideaId, reaction, participantId });
    }
  }
  for (const ballot of await ctx.store.listVotes(boardId)) {
    if (mine(ballot.participantId)) out.votes.push({ ideaId: ballot.ideaId, scope: ballot.scope, count: ballot.count, participantId: ballot.participantId });
  }
  const contacts = await ctx.records.list(SPACE.contacts(boardId), contactSchema);
  for (const contact of contacts) {
    if (person.itemIds.has(contact.key) || seenIdeas.has(contact.key)) {
      out.emails.push({ email: contact.value.email, locale: contact.value.locale, consentAt: contact.value.consentAt, lastMailAt: contact.value.lastMailAt ?? null, contributionId: contact.key });
    }
  }
  for (const participantId of person.participantIds) {
    const sub = await ctx.records.get(SUBSCRIPTIONS_SPACE, subscriptionKey(boardId, participantId), subscriptionSchema);
    if (sub) out.digestSubscriptions.push({ email: sub.value.email, locale: sub.value.locale, createdAt: sub.value.createdAt });
  }
  const sessionHashes: string[] = [];
  for (const { tokenHash, session } of await ctx.store.listSessions()) {
    if (session.identity.boardId === boardId && mine(session.identity.participantId)) {
      sessionHashes.push(tokenHash);
      out.sessions.push({ role: session.identity.role, displayName: session.identity.displayName, createdAt: session.createdAt });
    }
  }
  const commentsOnOwnIdeas = new Set(out.comments.filter((c) => seenIdeas.has(c.ideaId)).map((c) => c.id));
  return {
    export: out,
    ideaIds,
    commentIds: [...commentIds].filter((id) => !commentsOnOwnIdeas.has(id)),
    reportIds,
    hiddenWithTraces,
    sessionHashes,
  };
}
