import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { YMessage, YSyncStep } from '../../shared';
import { applyUpdate } from './fast-decoder';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction | null) => void;

/**
 * Applies the server's sync messages as y-websocket does, but without Yjs encoding each
 * update it applies once more.
 *
 * Why: after every transaction Yjs encodes it as an update for the document's 'update'
 * listeners, if it has any. Here those are y-websocket's sender, which ignores what it
 * applied itself, and y-indexeddb, which stores it. For an update from the server the bytes
 * are already at hand, and encoding them again cost about a quarter of applying the first
 * sync of a 10,000-idea board (the whole 4.6 MB once more, on the main thread). So the
 * listeners step aside while a server update is applied and then get the bytes as they
 * arrived: y-indexeddb stores what replays to the same state.
 *
 * Replaces the provider's sync handler (y-websocket 3.1.0's `messageHandlers[messageSync]`,
 * mirrored step for step; test/unit/y-websocket-contract.test.ts holds the pinned version to it).
 */
export function applyServerUpdatesAsReceived(provider: WebsocketProvider): void {
  provider.messageHandlers[YMessage.Sync] = (encoder, decoder, _provider, emitSynced) => {
    encoding.writeVarUint(encoder, YMessage.Sync);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case YSyncStep.Step1:
        // Answered with a step 2 in `encoder`, which the provider sends.
        syncProtocol.readSyncStep1(decoder, encoder, provider.doc);
        break;
      case YSyncStep.Step2:
      case YSyncStep.Update:
        applyQuietly(provider.doc, decoding.readVarUint8Array(decoder), provider);
        break;
      default:
        throw new Error('Unknown message type');
    }
    // After the listeners are back: 'sync' handlers may write to the document (board-sync's rescue).
    if (emitSynced && type === YSyncStep.Step2 && !provider.synced) provider.synced = true;
  };
}

/**
 * Y.applyUpdate with the 'update' listeners set aside, then handed the update as received.
 * `_observers` is lib0's public listener table (ObservableV2); Yjs encodes only while it
 * holds 'update' listeners.
 *
 * A local change made while the update applies (an observer writing to the document) must
 * still be sent and stored: Yjs runs such a transaction's cleanup after the server's, and
 * emits 'afterTransaction' before it decides whether to encode, so the listeners are put
 * back at that point and Yjs emits that change to them as usual.
 */
function applyQuietly(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  const observers = doc._observers as Map<string, Set<UpdateListener>>;
  const listeners = observers.get('update');
  if (!listeners) return applyLogged(doc, update, origin);
  observers.delete('update');
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    // Listeners added meanwhile are kept, after the ones set aside.
    const added = observers.get('update');
    observers.set('update', added ? new Set([...listeners, ...added]) : listeners);
  };
  let brought = false;
  const watch = (transaction: Y.Transaction) => {
    if (transaction.origin === origin && !restored) brought ||= hasContent(transaction);
    else restore();
  };
  doc.on('afterTransaction', watch);
  try {
    applyLogged(doc, update, origin);
  } finally {
    doc.off('afterTransaction', watch);
    restore();
  }
  if (brought) for (const listener of [...listeners]) listener(update, origin, doc, null);
}

/** Whether Yjs would have emitted 'update' for this transaction (its own test in cleanupTransactions). */
function hasContent(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

/**
 * As y-protocols' readSyncStep2: an error thrown by an observer is logged, not thrown into the
 * provider. Read with the decoder that takes short ASCII strings without TextDecoder (fast-decoder.ts).
 */
function applyLogged(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  try {
    applyUpdate(doc, update, origin);
  } catch (error) {
    console.error('Caught error while handling a Yjs update', error);
  }
}
