import * as Y from 'yjs';
import { ErrorCode, ROOT, type IdeaField, IDEA_FIELDS } from '../../shared';

/**
 * Reads an untrusted Yjs update *before* it touches the board and says what it would change,
 * in the board's own terms (ideas created, deleted, fields written). The policy then decides
 * whether the sender may do that. Applying first and rolling back would leave tombstones in
 * the stored board and history in every client; reading first leaves the board untouched.
 *
 * Only the document shapes Samskab writes are accepted: root maps, idea maps directly under
 * `ideas`, plain values in their fields. Anything else (arrays, text, nested types, skips)
 * is refused outright, which keeps this reader small and the attack surface with it.
 */

export type Change =
  /** A new Y.Map placed under `ideas` (creating the idea, or replacing one with the same id). */
  | { kind: 'idea.put'; ideaId: string; client: number; fields: Map<IdeaField, unknown> }
  | { kind: 'idea.delete'; ideaId: string; authorId: unknown }
  /** A field of an idea that exists on the server. `authorId` is that idea's author. */
  | { kind: 'idea.field'; ideaId: string; field: IdeaField; value: unknown; client: number; authorId: unknown }
  | { kind: 'idea.fieldDelete'; ideaId: string; field: IdeaField; authorId: unknown }
  | { kind: 'root.write'; root: string; key: string | null; client: number };

export interface Inspection {
  changes: Change[];
  /** For each Yjs client id in the update: the clock after its last new struct. */
  clocks: Map<number, number>;
  /** Nothing in the update is new to the server. */
  noop: boolean;
}

export class InspectionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Map items hold one value; a GC run may cover many of its creator's own deleted structs. */
const MAX_GC_LENGTH = 1_000_000;

type Struct = Y.Item | Y.GC | Y.Skip;
/** Yjs's DeleteSet, which its typings do not export. */
interface DeleteSet {
  clients: Map<number, Array<{ clock: number; len: number }>>;
}

/** Where an item sits: in a root map or in the map that another item holds, under `key`. */
interface Location {
  parent: { root: string } | { item: Y.ID };
  key: string | null;
}

export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Inspection {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch {
    throw new InspectionError(ErrorCode.INVALID_UPDATE, 'The update could not be decoded.');
  }
  return new Inspector(doc, decoded.structs, decoded.ds).run();
}

class Inspector {
  private readonly store: Y.Doc['store'];
  /** New items per client, by clock (every accepted item has length 1). */
  private readonly fresh = new Map<number, Map<number, Y.Item>>();
  /** Ideas created by this update, by the item that holds the idea's map. */
  private readonly puts = new Map<Y.Item, Extract<Change, { kind: 'idea.put' }>>();
  /** `client:clock:field` of every idea field this update writes, to tell replacements from removals. */
  private readonly writtenFields = new Set<string>();
  private readonly locations = new Map<Y.Item, Location | 'gc'>();
  private readonly changes: Change[] = [];
  private readonly clocks = new Map<number, number>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: Struct[],
    private readonly ds: DeleteSet,
  ) {
    this.store = doc.store;
  }

  run(): Inspection {
    this.collectFreshStructs();
    // Ideas first, then their fields: an update may carry a field of another client's new idea.
    const items = [...this.fresh.values()].flatMap((byClock) => [...byClock.values()]);
    const isRootEntry = (item: Y.Item) => {
      const where = this.locate(item);
      return where !== 'gc' && 'root' in where.parent;
    };
    for (const item of items) if (isRootEntry(item)) this.classifyItem(item);
    for (const item of items) if (!isRootEntry(item)) this.classifyItem(item);
    this.classifyDeletes();
    const noop = this.clocks.size === 0 && this.changes.length === 0;
    return { changes: this.changes, clocks: this.clocks, noop };
  }

  private collectFreshStructs(): void {
    for (const struct of this.structs) {
      const { client, clock } = struct.id;
      if (struct instanceof Y.Skip) {
        throw new InspectionError(ErrorCode.INVALID_UPDATE, 'Updates with skipped ranges are not accepted.');
      }
      if (!Number.isSafeInteger(struct.length) || struct.length < 1) {
        throw new InspectionError(ErrorCode.INVALID_UPDATE, 'A struct has an invalid length.');
      }
      const known = Y.getState(this.store, client);
      const end = clock + struct.length;
      const expected = this.clocks.get(client) ?? known;
      if (clock > expected) {
        throw new InspectionError(
          ErrorCode.MISSING_DEPENDENCY,
          `The update skips clocks ${expected}–${clock - 1} of client ${client}.`,
        );
      }
      if (end <= known) continue; // already on the server: Yjs ignores it, so do we
      if (struct instanceof Y.GC) {
        if (struct.length > MAX_GC_LENGTH) {
          throw new InspectionError(ErrorCode.INVALID_UPDATE, 'A deleted range is too long.');
        }
      } else {
        if (struct.length !== 1) {
          throw new InspectionError(ErrorCode.INVALID_UPDATE, 'Only single-value map entries are accepted.');
        }
        const byClock = this.fresh.get(client) ?? new Map<number, Y.Item>();
        byClock.set(clock, struct);
        this.fresh.set(client, byClock);
      }
      this.clocks.set(client, Math.max(this.clocks.get(client) ?? 0, end));
    }
  }

  private classifyItem(item: Y.Item): void {
    const where = this.locate(item);
    const client = item.id.client;
    if (where === 'gc') return; // lands on a deleted idea: Yjs turns it into a tombstone
    if ('root' in where.parent && where.parent.root !== ROOT.ideas) {
      this.changes.push({ kind: 'root.write', root: where.parent.root, key: where.key, client });
      return;
    }
    if (where.key === null) {
      throw new InspectionError(ErrorCode.INVALID_UPDATE, 'List insertions are not part of the board layout.');
    }
    const content = item.content;
    if ('root' in where.parent) {
      if (content instanceof Y.ContentDeleted) return; // an idea made and deleted offline
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) {
        throw new InspectionError(ErrorCode.INVALID_UPDATE, 'An idea must be a map.');
      }
      const put: Extract<Change, { kind: 'idea.put' }> = { kind: 'idea.put', ideaId: where.key, client, fields: new Map() };
      this.puts.set(item, put);
      this.changes.push(put);
      return;
    }
    const holder = this.findItem(where.parent.item);
    const field = where.key as IdeaField;
    if (!holder) throw new InspectionError(ErrorCode.MISSING_DEPENDENCY, 'A parent is missing.');
    if (holder instanceof Y.GC) return;
    const holderLocation = this.locate(holder);
    if (holderLocation === 'gc') return;
    if (!('root' in holderLocation.parent) || holderLocation.parent.root !== ROOT.ideas || holderLocation.key === null) {
      throw new InspectionError(ErrorCode.INVALID_UPDATE, 'Only ideas may hold nested values.');
    }
    if (!IDEA_FIELDS.includes(field)) {
      throw new InspectionError(ErrorCode.FORBIDDEN_FIELD, `Ideas have no field "${field}".`);
    }
    let value: unknown;
    if (content instanceof Y.ContentAny) value = content.arr[0];
    else if (content instanceof Y.ContentDeleted) return; // overwritten before it was sent
    else throw new InspectionError(ErrorCode.INVALID_UPDATE, 'Idea fields hold plain values only.');

    const ideaId = holderLocation.key;
    this.writtenFields.add(`${holder.id.client}:${holder.id.clock}:${field}`);
    if (this.isFresh(holder.id)) {
      this.puts.get(holder)?.fields.set(field, value);
      return;
    }
    if (holder.deleted) return; // writing into a deleted idea is a no-op in Yjs
    this.changes.push({ kind: 'idea.field', ideaId, field, value, client, authorId: authorOf(holder) });
  }

  private classifyDeletes(): void {
    for (const [client, ranges] of this.ds.clients) {
      for (const { clock, len } of ranges) {
        if (!Number.isSafeInteger(len) || len < 1 || !Number.isSafeInteger(clock) || clock < 0) {
          throw new InspectionError(ErrorCode.INVALID_UPDATE, 'A delete range is invalid.');
        }
        const end = clock + len;
        const known = Math.max(Y.getState(this.store, client), this.clocks.get(client) ?? 0);
        if (end > known) {
          throw new InspectionError(ErrorCode.MISSING_DEPENDENCY, `The update deletes unknown clocks of client ${client}.`);
        }
        for (const item of this.serverItemsIn(client, clock, end)) this.classifyDeletedItem(item);
      }
    }
  }

  private classifyDeletedItem(item: Y.Item): void {
    if (item.deleted) return;
    const where = this.locate(item);
    if (where === 'gc') return;
    if ('root' in where.parent) {
      if (where.parent.root === ROOT.ideas && where.key !== null) {
        this.changes.push({ kind: 'idea.delete', ideaId: where.key, authorId: authorOf(item) });
      } else {
        this.changes.push({ kind: 'root.write', root: where.parent.root, key: where.key, client: -1 });
      }
      return;
    }
    const holder = this.findItem(where.parent.item);
    // Deleting an idea deletes its fields with it: that is the idea's deletion, judged above.
    if (!holder || holder instanceof Y.GC || holder.deleted || this.deletesHere(holder.id)) return;
    const holderLocation = this.locate(holder);
    if (holderLocation === 'gc' || holderLocation.key === null) return;
    const field = where.key as IdeaField;
    if (!this.writtenFields.has(`${holder.id.client}:${holder.id.clock}:${field}`)) {
      this.changes.push({ kind: 'idea.fieldDelete', ideaId: holderLocation.key, field, authorId: authorOf(holder) });
    }
  }

  private deletesHere(id: Y.ID): boolean {
    const ranges = this.ds.clients.get(id.client);
    return !!ranges?.some((r) => r.clock <= id.clock && id.clock < r.clock + r.len);
  }

  /** Items the server holds in [clock, end) of one client (deletes of fresh items need no check). */
  private *serverItemsIn(client: number, clock: number, end: number): Generator<Y.Item> {
    const structs = this.store.clients.get(client);
    const known = Y.getState(this.store, client);
    if (!structs || clock >= known) return;
    let index = Y.findIndexSS(structs, clock);
    for (; index < structs.length; index++) {
      const struct = structs[index];
      if (!struct || struct.id.clock >= end) break;
      if (struct instanceof Y.Item) yield struct;
    }
  }

  private isFresh(id: Y.ID): boolean {
    return id.clock >= Y.getState(this.store, id.client);
  }

  private findItem(id: Y.ID): Y.Item | Y.GC | null {
    if (this.isFresh(id)) {
      return this.fresh.get(id.client)?.get(id.clock) ?? null;
    }
    const struct = Y.getItem(this.store, id) as Y.Item | Y.GC;
    return struct;
  }

  /** Parent and key of an item, following origins as Yjs does when it integrates. */
  private locate(item: Y.Item): Location | 'gc' {
    const cached = this.locations.get(item);
    if (cached) return cached;
    let result: Location | 'gc';
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      result = { parent: { root: parent }, key: item.parentSub };
    } else if (parent instanceof Y.ID) {
      result = { parent: { item: parent }, key: item.parentSub };
    } else if (parent instanceof Y.AbstractType) {
      // An item the server already holds.
      const holder = parent._item;
      result = holder
        ? { parent: { item: holder.id }, key: item.parentSub }
        : { parent: { root: Y.findRootTypeKey(parent) }, key: item.parentSub };
    } else {
      const neighbourId = item.origin ?? item.rightOrigin;
      const neighbour = neighbourId ? this.findItem(neighbourId) : null;
      if (!neighbour) throw new InspectionError(ErrorCode.MISSING_DEPENDENCY, 'An item refers to state the server lacks.');
      if (neighbour === item) throw new InspectionError(ErrorCode.INVALID_UPDATE, 'An item refers to itself.');
      result = neighbour instanceof Y.GC ? 'gc' : this.locate(neighbour);
    }
    this.locations.set(item, result);
    return result;
  }
}

function authorOf(ideaItem: Y.Item): unknown {
  const content = ideaItem.content;
  if (content instanceof Y.ContentType && content.type instanceof Y.Map) return content.type.get('authorId');
  return undefined;
}
