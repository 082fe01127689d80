import { ideaStatusRecordSchema, initiativeSchema, initiativesMap, queueItemSchema, readBoardSettings, statusesMap } from '../../shared';
import type { RoomRegistry } from '../realtime/room-registry';
import type { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';
import { getContact, localeOf, SUBSCRIPTIONS_SPACE, subscriptionKey, subscriptionSchema } from './contacts';
import type { MailEvent } from './outbox';
import type { UnsubscribePayload } from './tokens';

/** Who gets an outbox entry's mail and what it needs to say; or why not (yet). */
export type Resolved =
  | {
      to: string;
      locale: 'da' | 'en';
      boardTitle: string;
      receipt: string | null;
      text: string | null;
      unsubscribe: UnsubscribePayload;
    }
  | { wait: true }
  | { drop: string };

/**
 * An entry is written before its event commits. Here the sender checks the event is in the
 * store or the document: when it is not, either its commit is still under way (wait) or it
 * never happened (drop, once the grace time has passed). Also drops a mail whose address
 * was deleted meanwhile (unsubscribe, GDPR) or whose contribution is gone.
 */
export async function resolveMail(records: Records, rooms: RoomRegistry, event: MailEvent): Promise<Resolved> {
  const { boardId } = event;
  const title = () => rooms.withRoom(boardId, async (room) => readBoardSettings(room.doc)?.title ?? '');
  if (event.kind === 'digest') {
    const sub = await records.get(SUBSCRIPTIONS_SPACE, subscriptionKey(boardId, event.participantId), subscriptionSchema);
    if (!sub) return { drop: 'unsubscribed' };
    return {
      to: sub.value.email,
      locale: sub.value.locale,
      boardTitle: await title(),
      receipt: null,
      text: null,
      unsubscribe: { k: 's', b: boardId, p: event.participantId, t: sub.value.createdAt },
    };
  }
  const item = await records.get(SPACE.queue(boardId), event.itemId, queueItemSchema);
  const contribution = item?.value.kind === 'contribution' ? item.value : null;
  if (!contribution) return { wait: true };
  const contact = await getContact(records, boardId, event.itemId);
  if (!contact) return { drop: 'no address (deleted or unsubscribed)' };
  if (event.kind === 'decision' && (contribution.state === 'pending' || contribution.decision?.at !== event.at)) return { wait: true };
  if (event.kind === 'status' || event.kind === 'initiative') {
    const happened = await rooms.withRoom(boardId, async (room) => {
      if (event.kind === 'status') {
        const record = ideaStatusRecordSchema.safeParse(statusesMap(room.doc).get(event.itemId));
        return record.success && record.data.history.some((change) => change.at === event.at && change.status === event.status);
      }
      const initiative = initiativeSchema.safeParse(initiativesMap(room.doc).get(event.initiativeId));
      return initiative.success && initiative.data.ideaIds.includes(event.itemId);
    });
    if (!happened) return { wait: true };
  }
  return {
    to: contact.value.email,
    locale: localeOf(contact.value.locale),
    boardTitle: await title(),
    receipt: contribution.receipt,
    text: contribution.idea.text,
    unsubscribe: { k: 'c', b: boardId, i: event.itemId, t: contact.value.consentAt },
  };
}
