import { createHash } from 'node:crypto';
import {
  ErrorCode,
  commentsMap,
  hiddenIdeaSchema,
  ideasMap,
  queueItemSchema,
  readIdeaReactions,
  writeIdeaReactions,
  type Actor,
  type Identity,
  type PersonDeleteResult,
  type PersonExport,
  type PersonQuery,
  type PersonSummary,
} from '../../shared';
import { z } from 'zod';
import { ServiceError } from '../core/errors';
import type { BoardRoom } from '../realtime/board-room';
import { actorOf, PUBLIC_ACTOR, type IdeaModeration, type ModerationContext } from '../moderation';
import { SPACE } from '../core/record-spaces';
import { contactSchema, SUBSCRIPTIONS_SPACE, subscriptionKey, type Outbox } from '../mail';
import { collect, type Holdings, type Person } from './collect';

const receiptPointerSchema = z.object({ boardId: z.string(), itemId: z.string() }).strict();

/**
 * Per-person GDPR: find a contributor by participant id, receipt code or e-mail, export all
 * the board holds about them, and delete all of it in one audited action with idea:purge's
 * depth (document, records, audit text, compaction, the store's files). Facilitators ask
 * about anyone on their board; anyone else only about themselves (FORBIDDEN otherwise); a
 * receipt holder through the receipt routes.
 */
export class Persons {
  constructor(
    private readonly ctx: ModerationContext,
    private readonly ideas: IdeaModeration,
    private readonly outbox: Outbox,
  ) {}

  find(identity: Identity, query: PersonQuery): Promise<PersonSummary> {
    return this.read(identity, query, (holdings, person) => summary(holdings, person));
  }

  export(identity: Identity, query: PersonQuery): Promise<PersonExport> {
    return this.read(identity, query, (holdings, person) => exported(holdings, person));
  }

  delete(identity: Identity, query: PersonQuery, reason: string | null): Promise<PersonDeleteResult> {
    this.authorise(identity, query);
    return this.deleteOn(identity.boardId, query, actorOf(identity), reason);
  }

  /** The receipt holder's own export (REST, keyed by the code). */
  async exportByReceipt(code: string): Promise<PersonExport> {
    const boardId = await this.boardOfReceipt(code);
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const { person, holdings } = await this.resolve(room, { by: 'receipt', value: code });
      return exported(holdings, person);
    });
  }

  async deleteByReceipt(code: string): Promise<PersonDeleteResult> {
    return this.deleteOn(await this.boardOfReceipt(code), { by: 'receipt', value: code }, PUBLIC_ACTOR, 'requested by the contributor');
  }

  private authorise(identity: Identity, query: PersonQuery): void {
    if (identity.role === 'facilitator') return;
    if (query.by === 'participant' && query.value === identity.participantId) return;
    throw new ServiceError(ErrorCode.FORBIDDEN, 'Only facilitators ask about other people; you may ask about yourself (by your participant id).', 403);
  }

  private read<T>(identity: Identity, query: PersonQuery, use: (holdings: Holdings, person: Person) => T): Promise<T> {
    this.authorise(identity, query);
    return this.ctx.rooms.withRoom(identity.boardId, async (room) => {
      const { person, holdings } = await this.resolve(room, query);
      return use(holdings, person);
    });
  }

  private async boardOfReceipt(code: string): Promise<string> {
    const pointer = await this.ctx.records.get(SPACE.receipts, normaliseReceipt(code), receiptPointerSchema);
    if (!pointer) throw new ServiceError(ErrorCode.RECEIPT_NOT_FOUND, 'There is no contribution with this receipt code.', 404);
    return pointer.value.boardId;
  }

  /** Who the query names on this board and what the board holds about them; NOT_FOUND when nothing. */
  private async resolve(room: BoardRoom, query: PersonQuery): Promise<{ person: Person; holdings: Holdings }> {
    const { boardId } = room;
    const queue = await this.ctx.records.list(SPACE.queue(boardId), queueItemSchema);
    const authorOf = new Map(queue.flatMap((r) => (r.value.kind === 'contribution' ? [[r.value.id, r.value.idea.authorId] as const] : [])));
    const participantIds = new Set<string>();
    const itemIds = new Set<string>();
    if (query.by === 'participant') {
      participantIds.add(query.value);
      for (const [itemId, authorId] of authorOf) if (authorId === query.value) itemIds.add(itemId);
    } else if (query.by === 'receipt') {
      const pointer = await this.ctx.records.get(SPACE.receipts, normaliseReceipt(query.value), receiptPointerSchema);
      if (pointer && pointer.value.boardId === boardId) itemIds.add(pointer.value.itemId);
    } else {
      const email = query.value.toLowerCase();
      for (const contact of await this.ctx.records.list(SPACE.contacts(boardId), contactSchema)) {
        if (contact.value.email.toLowerCase() === email) itemIds.add(contact.key);
      }
    }
    for (const itemId of itemIds) {
      const authorId = authorOf.get(itemId);
      if (authorId) participantIds.add(authorId);
    }
    const person: Person = { boardId, participantIds, itemIds };
    const holdings = await collect(this.ctx, room, person);
    const e = holdings.export;
    const total = e.ideas.length + e.comments.length + e.reactions.length + e.votes.length + e.reports.length + e.emails.length + e.digestSubscriptions.length + e.sessions.length;
    if (total === 0) throw new ServiceError(ErrorCode.NOT_FOUND, 'The board holds nothing about this person.', 404);
    return { person, holdings };
  }

  private deleteOn(boardId: string, query: PersonQuery, actor: Actor, reason: string | null): Promise<PersonDeleteResult> {
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const { person, holdings } = await this.resolve(room, query);
        const redacted = new Set<string>();
        for (const ideaId of holdings.ideaIds) {
          for (const id of await this.ideas.purgeIn(room, actor, ideaId, reason, { audit: false })) redacted.add(id);
        }
        await this.scrubRest(room, person, holdings);
        for (const id of [...holdings.commentIds, ...holdings.reportIds]) redacted.add(id);
        await this.ctx.audit.redact(boardId, redacted);
        const result = summary(holdings, person);
        await this.ctx.audit.write(boardId, {
          actor,
          action: 'person.delete',
          // The person's ids are themselves personal data: the log keeps a one-way hash.
          target: { kind: 'person', id: pseudonym(boardId, [...person.participantIds, ...person.itemIds]) },
          before: null,
          after: { ideas: result.ideas, comments: result.comments, reactions: result.reactions, votes: result.votes, emails: result.emails, sessions: result.sessions },
          reason,
        });
        await this.ideas.foldAndPurge(room);
        this.ctx.notifier.changed(boardId, this.ctx.log);
        return { ...result, participantIds: [...person.participantIds] };
      }),
    );
  }

  /** What is not an idea of theirs: comments elsewhere, reactions, votes, reports, addresses, subscriptions, sessions. */
  private async scrubRest(room: BoardRoom, person: Person, holdings: Holdings): Promise<void> {
    const { boardId } = room;
    const mine = (id: string) => person.participantIds.has(id);
    const commentIds = new Set(holdings.commentIds);
    await room.writeAsServer((doc) => {
      for (const id of commentIds) if (commentsMap(doc).has(id)) commentsMap(doc).delete(id);
      for (const ideaId of [...ideasMap(doc).keys()]) {
        const reactions = readIdeaReactions(doc, ideaId);
        let changed = false;
        for (const who of reactions.values()) for (const id of [...who]) if (mine(id)) changed = who.delete(id) || changed;
        if (changed) writeIdeaReactions(doc, ideaId, reactions);
      }
    });
    await this.ctx.records.delete(SPACE.queue(boardId), [...commentIds, ...holdings.reportIds]);
    for (const ideaId of holdings.hiddenWithTraces) {
      const record = await this.ctx.records.get(SPACE.hidden(boardId), ideaId, hiddenIdeaSchema);
      if (!record?.value.traces) continue;
      const traces = record.value.traces;
      await this.ctx.records.put(SPACE.hidden(boardId), ideaId, {
        ...record.value,
        traces: { ...traces, reactions: traces.reactions.filter((r) => !mine(r.participantId)), comments: traces.comments.filter((c) => !mine(c.authorId)) },
      });
    }
    for (const vote of holdings.export.votes) {
      for (let i = 0; i < vote.count; i++) await this.ctx.store.retractVote(boardId, vote.participantId, vote.ideaId, vote.scope);
    }
    if (holdings.export.votes.length > 0) this.ctx.progressChanged(boardId);
    // idea:purge keeps a contribution's queue item without its words; the person asked for
    // everything, so the item goes too. The receipt code's pointer (board and idea id, no
    // content) stays: with the document's `removed` mark it tells the code's holder that the
    // contribution was deleted, rather than that the code is unknown.
    const contributions = holdings.export.ideas.filter((i) => i.receipt !== null);
    await this.ctx.records.delete(SPACE.queue(boardId), contributions.map((i) => i.id));
    const contactKeys = holdings.export.emails.map((e) => e.contributionId);
    await this.ctx.records.delete(SPACE.contacts(boardId), contactKeys);
    for (const itemId of new Set([...contactKeys, ...person.itemIds, ...holdings.ideaIds])) await this.outbox.forgetItem(boardId, itemId);
    for (const participantId of person.participantIds) {
      await this.ctx.records.delete(SUBSCRIPTIONS_SPACE, [subscriptionKey(boardId, participantId)]);
      await this.outbox.forgetDigests(boardId, participantId);
    }
    await this.ctx.store.deleteSessions(holdings.sessionHashes);
  }
}

function normaliseReceipt(code: string): string {
  return code.trim().toUpperCase();
}

function pseudonym(boardId: string, ids: string[]): string {
  return `p-${createHash('sha256').update(`${boardId}/${ids.sort().join(',')}`).digest('base64url').slice(0, 16)}`;
}

function summary(holdings: Holdings, person: Person): PersonSummary {
  const e = holdings.export;
  return {
    participantIds: [...person.participantIds],
    ideas: e.ideas.length,
    comments: e.comments.length,
    reactions: e.reactions.length,
    votes: e.votes.reduce((n, v) => n + v.count, 0),
    emails: e.emails.length + e.digestSubscriptions.length,
    sessions: e.sessions.length,
  };
}

function exported(holdings: Holdings, person: Person): PersonExport {
  return { exportedAt: new Date().toISOString(), boardId: person.boardId, participantIds: [...person.participantIds], ...holdings.export };
}
