import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { PLACEMENT_FIELDS, ROOT, YMessage, YSyncStep } from '../../shared';
import { encodeUpdateMessage } from './messages';
import type { StoredAnswer } from './stored-answer';
import { PIECE_BYTES, splitUpdate } from '../store/pieces/split';

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
 * The base is cut into pieces of bounded size (store/pieces/split.ts): a browser applies each
 * message in one main-thread task, and one of megabytes froze the page for half a second.
 * So the answer is the base's pieces as updates, then the tail's (all of it builds on the
 * base, so nothing waits in the client's pending structs), the last one as the sync step
 * 2, so y-websocket's "synced" comes with everything applied. The cut is made once per
 * base (and once per tail): a join is a few socket writes of cached messages.
 */
export class FullSyncCache {
  /**
   * The base's pieces as messages, updates but for the last, the sync step 2; `lastUpdate`
   * is that one as an update, made when a tail first follows it (null: no base).
   */
  private base: { answer: Uint8Array[]; lastUpdate: Uint8Array | null; bytes: number } | null = null;
  private baseVector = new Map<number, number>();
  private baseVectorBytes: Uint8Array | null = null;
  /** Whether anything changed since the base was encoded (else the tail is empty). */
  private changed = false;
  /** The whole answer with the tail, once encoded. */
  private withTail: Uint8Array[] | null = null;
  /** How many times the base was encoded (for tests and the bench). */
  encodes = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly pieceBytes = PIECE_BYTES,
  ) {
    doc.on('afterTransaction', (transaction: Y.Transaction) => this.observe(transaction));
  }

  /**
   * Takes the answer a load already made from the stored bytes (stored-answer.ts, sent to
   * the devices that joined while the board loaded) as the base, so the first new device
   * after the load does not encode the whole board again: on a 10,000-idea board that was
   * about a quarter of a second of the server's time before its first piece went out.
   * What the room applied beyond the stored state (load hooks, other processes' updates) is
   * the tail. Refused (false) when the room deleted anything since that the answer still
   * carries, or when the answer holds structs after a gap (the tail's state vector would not
   * say they were sent).
   */
  adopt(stored: StoredAnswer): boolean {
    if (this.base || !stored.gapless || stored.messages.length === 0) return false;
    const vector = Y.decodeStateVector(stored.stateVector);
    for (const [client, items] of Y.snapshot(this.doc).ds.clients) {
      if (!covered(items, vector.get(client) ?? 0, stored.withoutContent.get(client) ?? [])) return false;
    }
    const last = stored.messages[stored.messages.length - 1] as Uint8Array;
    const lastAsStep2 = last.slice();
    lastAsStep2[1] = YSyncStep.Step2;
    this.base = { answer: [...stored.messages.slice(0, -1), lastAsStep2], lastUpdate: last, bytes: stored.bytes };
    this.baseVectorBytes = stored.stateVector;
    this.baseVector = vector;
    // The tail, encoded on the first join, also carries the room's whole delete set.
    this.changed = true;
    this.withTail = null;
    return true;
  }

  /** The messages that answer a device with an empty state vector, in order. */
  messages(): Uint8Array[] {
    const base = this.base ?? this.encodeBase();
    if (!this.changed || !this.baseVectorBytes) return base.answer;
    if (!this.withTail) {
      const tail = Y.encodeStateAsUpdate(this.doc, this.baseVectorBytes);
      if (tail.length > base.bytes * MAX_TAIL_SHARE) return this.encodeBase().answer;
      if (!base.lastUpdate) {
        // The same message but for its sub-type, the byte after the message type (both one-byte varUints).
        base.lastUpdate = (base.answer[base.answer.length - 1] as Uint8Array).slice();
        base.lastUpdate[1] = YSyncStep.Update;
      }
      const pieces = splitUpdate(tail, this.pieceBytes);
      const last = pieces.pop() as Uint8Array;
      this.withTail = [...base.answer.slice(0, -1), base.lastUpdate, ...pieces.map(encodeUpdateMessage), step2Message(last)];
    }
    return this.withTail;
  }

  private encodeBase(): NonNullable<FullSyncCache['base']> {
    this.encodes += 1;
    const update = Y.encodeStateAsUpdate(this.doc);
    this.baseVectorBytes = Y.encodeStateVector(this.doc);
    this.baseVector = Y.decodeStateVector(this.baseVectorBytes);
    this.changed = false;
    this.withTail = null;
    const pieces = splitUpdate(update, this.pieceBytes);
    const last = pieces.pop() as Uint8Array;
    this.base = { answer: [...pieces.map(encodeUpdateMessage), step2Message(last)], lastUpdate: null, bytes: update.length };
    return this.base;
  }

  private observe(transaction: Y.Transaction): void {
    if (!this.base) return;
    const deletes = transaction.deleteSet.clients;
    if (deletes.size === 0 && sameState(transaction.beforeState, transaction.afterState)) return;
    this.changed = true;
    this.withTail = null;
    for (const [client, items] of deletes) {
      const known = this.baseVector.get(client) ?? 0;
      for (const item of items) {
        if (item.clock >= known || this.onlyPlacement(client, item.clock, Math.min(item.clock + item.len, known))) continue;
        this.base = null;
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

/** Whether every deleted range below `known` lies inside one of `bare` (both sorted by clock; `bare` merged). */
function covered(deleted: ReadonlyArray<{ clock: number; len: number }>, known: number, bare: ReadonlyArray<readonly [number, number]>): boolean {
  let at = 0;
  for (const { clock, len } of deleted) {
    if (clock >= known) break;
    const to = Math.min(clock + len, known);
    while (at < bare.length && (bare[at] as readonly [number, number])[1] <= clock) at++;
    const range = bare[at];
    if (!range || range[0] > clock || range[1] < to) return false;
  }
  return true;
}

function sameState(before: Map<number, number>, after: Map<number, number>): boolean {
  if (before.size !== after.size) return false;
  for (const [client, clock] of after) if (before.get(client) !== clock) return false;
  return true;
}

function step2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessage.Sync);
  encoding.writeVarUint(encoder, YSyncStep.Step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
