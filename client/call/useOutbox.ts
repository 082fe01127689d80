import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ContributionReceipt, ProtocolError } from '../../shared';
import { postContribution } from './call-api';
import { Outbox, type OutboxEntry } from './outbox';
import { OutboxSender, type EntryStatus } from './outbox-sender';
import { excerptOf, rememberReceipt } from './receipts';

/** While something waits, try again this often even if no `online` event comes (they are unreliable). */
const RETRY_EVERY_MS = 20_000;

export interface OutboxHandlers {
  sent(entry: OutboxEntry, receipt: ContributionReceipt): void;
  refused(entry: OutboxEntry, error: ProtocolError): void;
}

export interface OutboxView {
  entries: { entry: OutboxEntry; status: EntryStatus }[];
  /** Puts a contribution in the outbox and starts sending it. */
  enqueue(entry: OutboxEntry): void;
  /** "Try again now": a fresh attempt unless the server asked us to wait. */
  retry(): void;
  /** False when the device would not store the outbox: a reload would lose what waits. */
  stored: boolean;
}

/**
 * The call page's outbox: sends on page load, when the browser says it is online again,
 * every RETRY_EVERY_MS while anything waits, and when asked.
 */
export function useOutbox(callId: string, handlers: OutboxHandlers): OutboxView {
  const [outbox] = useState(() => new Outbox());
  const [sender, setSender] = useState<OutboxSender | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [stored, setStored] = useState(true);
  const latest = useRef(handlers);

  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const created = new OutboxSender(
      outbox,
      callId,
      (entry) => postContribution(entry.callId, entry.request),
      {
        sent: (entry, receipt) => {
          rememberReceipt({
            receipt: receipt.receipt,
            callId: entry.callId,
            excerpt: excerptOf(entry.request.text),
            sentAt: Date.now(),
            state: receipt.state,
          });
          latest.current.sent(entry, receipt);
          rerender();
        },
        refused: (entry, error) => {
          latest.current.refused(entry, error);
          rerender();
        },
        changed: rerender,
      },
    );
    setSender(created);
    void created.flush();
    const flush = () => void created.flush();
    window.addEventListener('online', flush);
    const timer = setInterval(() => {
      if (created.pending().length > 0) flush();
    }, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(timer);
      created.dispose();
    };
  }, [outbox, callId]);

  const enqueue = useCallback(
    (entry: OutboxEntry) => {
      setStored(outbox.put(entry));
      rerender();
      void sender?.flush();
    },
    [outbox, sender],
  );

  const retry = useCallback(() => void sender?.flush(), [sender]);

  const entries = (sender?.pending() ?? []).map((entry) => ({ entry, status: sender!.status(entry.id) }));
  return { entries, enqueue, retry, stored };
}
