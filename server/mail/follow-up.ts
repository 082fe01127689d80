import type { z } from 'zod';
import { ErrorCode, queueItemSchema, type Identity, type mailSubscribeRequestSchema } from '../../shared';
import { ServiceError } from '../core/errors';
import type { Logger } from '../log';
import { requireFacilitator as requireModerator } from '../core/roles';
import type { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';
import { contactSchema, SUBSCRIPTIONS_SPACE, subscriptionKey, subscriptionSchema, type Subscription } from './contacts';
import type { MailEvent, Outbox } from './outbox';
import type { Clock, MailSender } from './sender';
import type { UnsubscribeTokens } from './tokens';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The follow-up side of moderation: the hooks that queue a contributor's mail with each
 * event, facilitators' digest subscriptions, and the one-click unsubscribe. With mail off
 * (no SMTP_URL) nothing is queued: turning mail on later does not send old news.
 */
export class FollowUp {
  constructor(
    private readonly deps: {
      records: Records;
      outbox: Outbox;
      tokens: UnsubscribeTokens;
      sender: MailSender | null;
      clock: Clock;
      log: Logger;
    },
  ) {}

  get enabled(): boolean {
    return this.deps.sender !== null;
  }

  /**
   * Queues the mail of an event about to be committed, before it is (the sender checks it
   * was). Contributor mails only for a contribution with an address given with consent.
   */
  async prepare(event: Exclude<MailEvent, { kind: 'digest' }>): Promise<void> {
    if (!this.enabled) return;
    const contact = await this.deps.records.get(SPACE.contacts(event.boardId), event.itemId, contactSchema);
    if (!contact) return;
    await this.deps.outbox.enqueue(event, this.deps.clock.now());
  }

  /** After the event's commit: send now rather than at the next poll. */
  committed(): void {
    this.deps.sender?.wake();
  }

  async subscribe(identity: Identity, request: z.output<typeof mailSubscribeRequestSchema>): Promise<{ email: string; locale: 'da' | 'en' }> {
    requireModerator(identity, 'subscribe to the moderation digest');
    const sub: Subscription = {
      boardId: identity.boardId,
      participantId: identity.participantId,
      email: request.email,
      locale: request.locale,
      createdAt: this.deps.clock.now(),
      lastDigestAt: null,
    };
    await this.deps.records.put(SUBSCRIPTIONS_SPACE, subscriptionKey(identity.boardId, identity.participantId), sub);
    return { email: sub.email, locale: sub.locale };
  }

  async subscription(identity: Identity): Promise<{ email: string; locale: 'da' | 'en' } | null> {
    requireModerator(identity, 'read the moderation digest subscription');
    const sub = await this.deps.records.get(SUBSCRIPTIONS_SPACE, subscriptionKey(identity.boardId, identity.participantId), subscriptionSchema);
    return sub ? { email: sub.value.email, locale: sub.value.locale } : null;
  }

  async unsubscribeMe(identity: Identity): Promise<{ removed: boolean }> {
    requireModerator(identity, 'unsubscribe from the moderation digest');
    const removed = await this.deps.records.delete(SUBSCRIPTIONS_SPACE, [subscriptionKey(identity.boardId, identity.participantId)]);
    await this.deps.outbox.forgetDigests(identity.boardId, identity.participantId);
    return { removed: removed > 0 };
  }

  /**
   * Queues "N contributions wait for moderation" for each subscriber whose board has some,
   * at most one an hour: the subscription's lastDigestAt is moved by compare-and-set, so of
   * two processes one queues it.
   */
  async digests(): Promise<number> {
    if (!this.enabled) return 0;
    const now = this.deps.clock.now();
    let queued = 0;
    for (const sub of await this.deps.records.list(SUBSCRIPTIONS_SPACE, subscriptionSchema)) {
      if (sub.value.lastDigestAt !== null && now - sub.value.lastDigestAt < HOUR_MS) continue;
      const items = await this.deps.records.list(SPACE.queue(sub.value.boardId), queueItemSchema);
      const pending = items.filter((r) => r.value.kind === 'contribution' && r.value.state === 'pending').length;
      if (pending === 0) continue;
      if (!(await this.deps.records.replace(SUBSCRIPTIONS_SPACE, sub.key, sub.raw, { ...sub.value, lastDigestAt: now }))) continue;
      await this.deps.outbox.enqueue({ kind: 'digest', boardId: sub.value.boardId, participantId: sub.value.participantId, pending }, now);
      queued++;
    }
    if (queued > 0) this.committed();
    return queued;
  }

  /**
   * One-click unsubscribe: deletes the address the link names (and its unsent mail). A
   * forged link is FORBIDDEN, a used one (the address is gone) NOT_FOUND; neither changes anything.
   */
  async unsubscribe(token: string): Promise<{ locale: 'da' | 'en' }> {
    const payload = await this.deps.tokens.verify(token);
    if (!payload) throw new ServiceError(ErrorCode.FORBIDDEN, 'This unsubscribe link is not valid.', 403);
    const gone = () => new ServiceError(ErrorCode.NOT_FOUND, 'This address is not on file any more (the link was used already).', 404);
    if (payload.k === 'c') {
      const space = SPACE.contacts(payload.b);
      const contact = await this.deps.records.get(space, payload.i, contactSchema);
      if (!contact || contact.value.consentAt !== payload.t) throw gone();
      await this.deps.records.delete(space, [payload.i]);
      await this.deps.outbox.forgetItem(payload.b, payload.i);
      this.deps.log.info({ boardId: payload.b }, 'mail: a contributor unsubscribed; their address is deleted');
      return { locale: contact.value.locale === 'en' ? 'en' : 'da' };
    }
    const key = subscriptionKey(payload.b, payload.p);
    const sub = await this.deps.records.get(SUBSCRIPTIONS_SPACE, key, subscriptionSchema);
    if (!sub || sub.value.createdAt !== payload.t) throw gone();
    await this.deps.records.delete(SUBSCRIPTIONS_SPACE, [key]);
    await this.deps.outbox.forgetDigests(payload.b, payload.p);
    return { locale: sub.value.locale };
  }
}

/** For an HTTP answer: a page a person reads after clicking the link. */
export function unsubscribePage(locale: 'da' | 'en', outcome: 'done' | 'forged' | 'used'): string {
  const text = {
    da: { done: 'Du er afmeldt, og din e-mailadresse er slettet.', forged: 'Linket er ikke gyldigt.', used: 'Linket er allerede brugt: adressen er ikke længere gemt.', title: 'Afmelding' },
    en: { done: 'You are unsubscribed, and your e-mail address is deleted.', forged: 'This link is not valid.', used: 'This link was used already: the address is no longer on file.', title: 'Unsubscribe' },
  }[locale];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${text.title}</title></head><body><main><h1>${text.title}</h1><p>${text[outcome]}</p></main></body></html>`;
}
