import { createHash } from 'node:crypto';
import {
  ErrorCode,
  boardMap,
  callWindow,
  configureCallSchema,
  contributionRequestSchema,
  ideasMap,
  queueItemSchema,
  randomId,
  readBoardSettings,
  type ConfigureCall,
  type ContributionReceipt,
  type Identity,
  type Idea,
  type PublicCall,
  type PublicCallInfo,
  type QueueItem,
  type ReceiptView,
} from '../../shared';
import { z } from 'zod';
import { ServiceError } from '../core/errors';
import type { BoardRoom } from '../realtime/board-room';
import { actorOf, PUBLIC_ACTOR, requireModerator, type ModerationContext } from './context';
import { positionAtEnd, publishOnce } from './board-ideas';
import { SPACE } from '../core/record-spaces';
import { contactSchema } from './follow-up-events';
import { receiptState, receiptView } from './receipts';

const callRecordSchema = z.object({ boardId: z.string() }).strict();
const receiptRecordSchema = z.object({ boardId: z.string(), itemId: z.string() }).strict();

/** What the contribution page knows about its sender (never stored as such), and where it came in. */
export interface Sender {
  ip: string;
  /** A random id the page keeps on the device, if it sent one. */
  device: string | null;
  /** PUBLIC_URL, or '' (relative links): receipt links are built on it, never on Host. */
  publicBase: string;
}

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters of a 32-letter alphabet without look-alikes (0/O, 1/I): 60 random bits. */
export function newReceiptCode(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * The public call: a link anyone may use while it is open, to send one idea at a time.
 * In pre-moderation a contribution waits in the queue and is in nobody's document until a
 * facilitator approves it; in post-moderation it is published at once. Either way the
 * contributor gets a receipt code to follow what became of it.
 */
export class PublicCalls {
  constructor(private readonly ctx: ModerationContext) {}

  configure(identity: Identity, payload: ConfigureCall): Promise<PublicCall> {
    requireModerator(identity, 'configure the public call');
    const request = configureCallSchema.parse(payload);
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const before = readBoardSettings(room.doc)?.call ?? null;
        const callId = before && !request.rotate ? before.callId : randomId(16);
        const next: PublicCall = {
          callId,
          enabled: request.enabled,
          opensAt: request.opensAt,
          closesAt: request.closesAt,
          moderation: request.moderation,
          ideas: request.ideas ?? before?.ideas ?? true,
        };
        // The link's record first: a call in the document always resolves to its board.
        await this.ctx.records.put(SPACE.calls, callId, { boardId });
        await room.writeAsServer((doc) => boardMap(doc).set('call', next));
        if (before && before.callId !== callId) await this.ctx.records.delete(SPACE.calls, [before.callId]);
        await this.ctx.audit.write(boardId, {
          actor: actorOf(identity),
          action: 'call.configure',
          target: { kind: 'call', id: callId },
          before,
          after: next,
          reason: null,
        });
        return next;
      }),
    );
  }

  info(callId: string): Promise<PublicCallInfo> {
    return this.withCall(callId, async (call, room) => {
      const settings = readBoardSettings(room.doc);
      return {
        callId,
        boardTitle: settings?.title ?? '',
        description: settings?.description ?? '',
        questions: settings?.questions ?? [],
        state: callWindow(call, Date.now()),
        opensAt: call.opensAt,
        closesAt: call.closesAt,
        moderation: call.moderation,
        ideas: call.ideas,
        followUpByMail: this.ctx.followUp.enabled,
      };
    });
  }

  async contribute(callId: string, body: unknown, sender: Sender): Promise<{ receipt: ContributionReceipt; created: boolean }> {
    await this.ctx.limits.consume('contributionsPerIp', sender.ip);
    // The device id is the sender's say-so: counted per address and device together.
    if (sender.device) await this.ctx.limits.consume('contributionsPerDevice', `${sender.ip} ${sender.device}`);
    const parsed = contributionRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const contribution = parsed.data;
    if (contribution.email !== null && !contribution.consent) {
      throw new ServiceError(ErrorCode.CONSENT_REQUIRED, 'An e-mail address can only be kept with consent to its use.');
    }
    return this.withCall(callId, async (call, room) => {
      const window = callWindow(call, Date.now());
      if (window === 'open' && !call.ideas) {
        throw new ServiceError(ErrorCode.CALL_CLOSED, 'This call asks its survey questions only; it takes no ideas.', 403);
      }
      if (window !== 'open') {
        const why = { disabled: 'is switched off', 'not-yet-open': 'has not opened yet', closed: 'has closed' }[window];
        throw new ServiceError(ErrorCode.CALL_CLOSED, `The call ${why}; it does not take contributions now.`, 403);
      }
      if (contribution.website) {
        // A honeypot hit: answer as a real success would, with no link to follow
        // (PROTOCOL.md: statusUrl ""), so the bot learns nothing; keep nothing.
        return { receipt: { receipt: newReceiptCode(), state: 'pending' as const, statusUrl: '' }, created: true };
      }
      const settings = readBoardSettings(room.doc);
      if (contribution.questionId !== null && !settings?.questions.some((q) => q.id === contribution.questionId)) {
        throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'A contribution may only answer one of the call\u2019s questions.');
      }
      return this.ctx.locks.run(room.boardId, () => this.record(room, call, contribution, sender));
    });
  }

  private async record(
    room: BoardRoom,
    call: PublicCall,
    contribution: z.output<typeof contributionRequestSchema>,
    sender: Sender,
  ): Promise<{ receipt: ContributionReceipt; created: boolean }> {
    const { boardId } = room;
    const queue = SPACE.queue(boardId);
    const existing = await this.ctx.records.get(queue, contribution.id, queueItemSchema);
    if (existing) return { receipt: this.receiptOf(existing.value, room, sender.publicBase), created: false };
    const silent = (await this.ctx.store.getHiddenIdeas(boardId, [contribution.id])).length > 0;
    if (ideasMap(room.doc)._map.has(contribution.id) || silent) {
      throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'This contribution id is taken; send it again with a new one.', 409);
    }
    // From here on no idea may take the id, in this process or another.
    room.reserving(contribution.id, authorIdFor(boardId, contribution.id));
    const now = Date.now();
    const idea: Idea = {
      id: contribution.id,
      text: contribution.text,
      // Contributors have no session: each contribution is its own author.
      authorId: authorIdFor(boardId, contribution.id),
      authorName: contribution.name || null,
      contributorType: contribution.contributorType,
      organisation: contribution.organisation || null,
      createdAt: now,
      updatedAt: now,
      phase: contribution.phase,
      principle: contribution.principle,
      track: contribution.track,
      beacons: [],
      questionId: contribution.questionId,
      position: positionAtEnd(room.doc),
      clusterId: null,
    };
    const receipt = newReceiptCode();
    const published = call.moderation === 'post';
    const item: QueueItem = {
      kind: 'contribution',
      id: contribution.id,
      createdAt: now,
      state: published ? 'approved' : 'pending',
      decision: published ? { by: PUBLIC_ACTOR, at: now, reason: 'post-moderation' } : null,
      idea,
      receipt,
    };
    await this.ctx.records.put(SPACE.receipts, receipt, { boardId, itemId: item.id });
    if (contribution.email) {
      // The address and its receipt mail before the item: a crash in between leaves an
      // address without a contribution (its mail is dropped, housekeeping deletes it), never
      // a contribution whose promised mail was not queued.
      await this.ctx.records.put(SPACE.contacts(boardId), item.id, {
        email: contribution.email,
        locale: contribution.locale,
        consentAt: now,
      });
      await this.ctx.followUp.prepare({ kind: 'receipt', boardId, itemId: item.id });
    }
    const { created, stored } = await this.ctx.records.insert(queue, item.id, item, queueItemSchema);
    if (!created && stored) return { receipt: this.receiptOf(stored.value, room, sender.publicBase), created: false };
    if (published) await room.writeAsServer((doc) => publishOnce(doc, idea));
    await this.ctx.audit.write(boardId, {
      actor: PUBLIC_ACTOR,
      action: 'contribution.received',
      target: { kind: 'contribution', id: item.id },
      before: null,
      after: { text: idea.text, moderation: call.moderation, device: sender.device ? hashed(sender.device) : null },
      reason: null,
    });
    this.ctx.notifier.changed(boardId, this.ctx.log);
    this.ctx.followUp.committed();
    return { receipt: this.receiptOf(item, room, sender.publicBase), created: true };
  }

  async receipt(code: string, ip: string): Promise<ReceiptView> {
    await this.ctx.limits.consume('receiptLookupsPerIp', ip);
    const normalised = code.trim().toUpperCase();
    const notFound = () => new ServiceError(ErrorCode.RECEIPT_NOT_FOUND, 'There is no contribution with this receipt code.', 404);
    const pointer = await this.ctx.records.get(SPACE.receipts, normalised, receiptRecordSchema);
    if (!pointer) throw notFound();
    const { boardId, itemId } = pointer.value;
    // A person's GDPR deletion takes the queue item; the pointer stays, and the document's
    // `removed` mark says what became of it (receiptView).
    const stored = await this.ctx.records.get(SPACE.queue(boardId), itemId, queueItemSchema);
    const item = stored?.value.kind === 'contribution' && stored.value.receipt === normalised ? stored.value : null;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const view = receiptView(normalised, itemId, item, room.doc);
      if (!view) throw notFound();
      return view;
    });
  }

  /** Deletes a contributor's e-mail (on request, or with their contribution). */
  async forgetContact(boardId: string, itemIds: string[]): Promise<void> {
    await this.ctx.records.delete(SPACE.contacts(boardId), itemIds);
  }

  async contactOf(boardId: string, itemId: string): Promise<string | null> {
    return (await this.ctx.records.get(SPACE.contacts(boardId), itemId, contactSchema))?.value.email ?? null;
  }

  private receiptOf(item: QueueItem, room: BoardRoom, publicBase: string): ContributionReceipt {
    if (item.kind !== 'contribution') throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'This id belongs to something else.', 409);
    return { receipt: item.receipt, state: receiptState(item, room.doc), statusUrl: `${publicBase}/r/${item.receipt}` };
  }

  /** Runs `use` with the call behind a public link and its board's room (held while it runs). */
  async withCall<T>(callId: string, use: (call: PublicCall, room: BoardRoom) => Promise<T>): Promise<T> {
    const notFound = () => new ServiceError(ErrorCode.CALL_NOT_FOUND, 'There is no public call at this link.', 404);
    const pointer = /^[A-Za-z0-9_-]{6,64}$/.test(callId) ? await this.ctx.records.get(SPACE.calls, callId, callRecordSchema) : null;
    if (!pointer) throw notFound();
    return this.ctx.rooms.withRoom(pointer.value.boardId, async (room) => {
      const call = readBoardSettings(room.doc)?.call ?? null;
      // A rotated link's record may outlive the switch by a moment: the document decides.
      if (!call || call.callId !== callId) throw notFound();
      return use(call, room);
    });
  }
}

/** A stable author id per contribution, so the same contribution never gets two authors. */
function authorIdFor(boardId: string, contributionId: string): string {
  return `pc-${createHash('sha256').update(`${boardId}/${contributionId}`).digest('base64url').slice(0, 20)}`;
}

/** Devices appear in the audit log only as a hash: enough to spot a flood, not to track anyone. */
function hashed(device: string): string {
  return createHash('sha256').update(device).digest('base64url').slice(0, 12);
}
