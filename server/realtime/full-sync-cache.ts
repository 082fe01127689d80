import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { PLACEMENT_FIELDS, ROOT, YMessage, YSyncStep } from '../../shared';
import { encodeUpdateMessage } from './messages';

/** Above this share of the base's size, the tail is folded into a new base. */
const MAX_TAIL_SHARE = 0.25;

/**
 * The answer for a device that has nothing yet (an empty state vector): the whole board.
 * A room full of phones joining at once would otherwise encode the same board once each,
 * and on a board being written to, every write would throw the encoded board away.
 *
 * So the answer is kept as a base (the whole document when it was encoded) plus a tail
 * (what the document has beyond the base, encoded against the base's state vector: only
 * the new structs and the delete set). Writes only drop the tail, which is cheap to encode
 * again; the base is encoded anew when the tail has grown to a good share of it.
 *
 * Hidden means hidden: the base was encoded from a document that garbage-collects, so it
 * holds no deleted content, but an item deleted after it was encoded still has its content
 * in the base's bytes (a hidden idea's text, the original of a moderator's edit). So a
 * transaction that deletes anything the base holds drops the base too, with one exception:
 * an idea's placement field overwritten (a move: its old position, group or question is
 * not content anyone may be kept from; the idea itself and its text are). The tail is
 * always encoded from the document, so what it carries never has deleted content.
 *
 * The answer is two messages then: the tail first, as an update (its structs wait in the
 * client for the ones they build on), then the base as the sync step 2, so y-websocket's
 * "synced" comes with everything applied.
 */
export class FullSyncCache {
  /** The sync step 2 message holding the base (the base itself is not kept twice). */
  private baseMessage: Uint8Array | null = null;
  private baseVector = new Map<number, number>();
  private baseVectorBytes: Uint8Array | null = null;
  /** Whether anything changed since the base was encoded (else the tail is empty). */
  private changed = false;
  private tailMessage: Uint8Array | null = null;
  /** How many times the base was encoded (for tests and the bench). */
  encodes = 0;

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', (transaction: Y.Transaction) => this.observe(transaction));
  }

  /** The messages that answer a device with an empty state vector, in order. */
  messages(): Uint8Array[] {
    if (!this.baseMessage || !this.baseVectorBytes) return [this.encodeBase()];
    if (!this.changed) return [this.baseMessage];
    if (!this.tailMessage) {
      const tail = Y.encodeStateAsUpdate(this.doc, this.baseVectorBytes);
      if (tail.length > this.baseMessage.length * MAX_TAIL_SHARE) return [this.encodeBase()];
      this.tailMessage = encodeUpdateMessage(tail);
    }
    return [this.tailMessage, this.baseMessage];
  }

  private encodeBase(): Uint8Array {
    this.encodes += 1;
    const base = Y.encodeStateAsUpdate(this.doc);
    this.baseVectorBytes = Y.encodeStateVector(this.doc);
    this.baseVector = Y.decodeStateVector(this.baseVectorBytes);
    this.changed = false;
    this.tailMessage = null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessage.Sync);
    encoding.writeVarUint(encoder, YSyncStep.Step2);
    encoding.writeVarUint8Array(encoder, base);
    this.baseMessage = encoding.toUint8Array(encoder);
    return this.baseMessage;
  }

  private observe(transaction: Y.Transaction): void {
    if (!this.baseMessage) return;
    const deletes = transaction.deleteSet.clients;
    if (deletes.size === 0 && sameState(transaction.beforeState, transaction.afterState)) return;
    this.changed = true;
    this.tailMessage = null;
    for (const [client, items] of deletes) {
      const known = this.baseVector.get(client) ?? 0;
      for (const item of items) {
        if (item.clock >= known || this.onlyPlacement(client, item.clock, Math.min(item.clock + item.len, known))) continue;
        this.baseMessage = null;
        this.baseVectorBytes = null;
        return;
      }
    }
  }

  /** Whether every struct of `client` in [from, to) is an overwritten placement field of an idea. */
  private onlyPlacement(client: number, from: number, to: number): boolean {
    const structs = this.doc.store.clients.get(client);
    if (!structs) return false;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i] as Y.Item | Y.GC;
      if (struct.id.clock >= to) break;
      if (!(struct instanceof Y.Item) || struct.parentSub === null || !PLACEMENT_FIELDS.has(struct.parentSub as never)) return false;
      // Its parent is an idea: a map held by an item directly under the `ideas` root.
      const idea = (struct.parent as Y.AbstractType<unknown>)._item;
      if (!idea || idea.deleted || (idea.parent as Y.AbstractType<unknown>) !== this.doc.share.get(ROOT.ideas)) return false;
    }
    return true;
  }
}

function sameState(before: Map<number, number>, after: Map<number, number>): boolean {
  if (before.size !== after.size) return false;
  for (const [client, clock] of after) if (before.get(client) !== clock) return false;
  return true;
}
