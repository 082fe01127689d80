import * as Y from 'yjs';
import { ErrorCode, ROOT, type IdeaField, IDEA_FIELDS } from '../../shared';
import { InspectionError, type Change, type Inspection } from './inspection';
import { mapEntrySupersedes } from './map-conflicts';
import { decodeUpdateStrict, UpdateEncodingError } from './strict-update';

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
  return inspectDecoded(doc, decodeForInspection(update));
}

/** An update decoded for inspection (the decoding does not depend on the document). */
export type DecodedForInspection = ReturnType<typeof decodeUpdateStrict>;

/** Decodes an update for inspectDecoded; throws InspectionError (INVALID_UPDATE). */
export function decodeForInspection(update: Uint8Array): DecodedForInspection {
  try {
    return decodeUpdateStrict(update);
  } catch (error) {
    throw new InspectionError(ErrorCode.INVALID_UPDATE, error instanceof UpdateEncodingError ? error.message : 'The update could not be decoded.');
  }
}

/** inspectUpdate of an update decoded already (decodeForInspection), against the document as it is now. */
export function inspectDecoded(doc: Y.Doc, decoded: DecodedForInspection): Inspection {
  const { structs, ds } = decoded as unknown as { structs: Struct[]; ds: DeleteSet };
  return new Inspector(doc, structs, ds).run();
}

class Inspector {
  private readonly store: Y.Doc['store'];
  /** New items per client, in clock order (as encoded). */
  private readonly fresh = new Map<number, Y.Item[]>();
  /** Idea ids this update creates with a live map. */
  private readonly livePuts = new Set<string>();
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
    this.classifyItems();
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
      // Deleted runs (GC, or map entries overwritten and merged) may span many clocks of
      // their creator's own; a live value is always one map entry.
      const isTombstone = struct instanceof Y.GC || struct.content instanceof Y.ContentDeleted;
      if (isTombstone ? struct.length > MAX_GC_LENGTH : struct.length !== 1) {
        throw new InspectionError(ErrorCode.INVALID_UPDATE, 'A struct has an unexpected length.');
      }
      if (struct instanceof Y.Item) {
        const items = this.fresh.get(client) ?? [];
        items.push(struct);
        this.fresh.set(client, items);
      }
      this.clocks.set(client, Math.max(this.clocks.get(client) ?? 0, end));
    }
  }

  /**
   * Sorts every new item into a board-level change. A map entry both writes its key and
   * (when it becomes the key's newest entry) deletes the value there before it, so an entry
   * that arrives already deleted (a tombstone) can still remove a live value: tombstones are
   * judged after the live writes, as removals of whatever they would take away.
   */
  private classifyItems(): void {
    const items = [...this.fresh.values()].flat();
    const entries: Array<{ item: Y.Item; where: Location }> = [];
    for (const item of items) {
      const where = this.locate(item);
      if (where === 'gc') continue; // lands on a deleted idea: Yjs turns it into a tombstone
      if ('root' in where.parent && where.parent.root !== ROOT.ideas) {
        this.changes.push({ kind: 'root.write', root: where.parent.root, key: where.key, client: item.id.client });
        continue;
      }
      if (where.key === null || item.rightOrigin !== null) {
        // Map entries never have a right origin; list insertions do.
        throw new InspectionError(ErrorCode.INVALID_UPDATE, 'List insertions are not part of the board layout.');
      }
      entries.push({ item, where });
    }
    // Ideas before their fields (an update may carry a field of another client's new idea),
    // live values before tombstones.
    const isIdea = (e: { where: Location }) => 'root' in e.where.parent;
    const tombstones: Array<{ item: Y.Item; where: Location }> = [];
    for (const pass of [true, false]) {
      for (const entry of entries) {
        if (isIdea(entry) !== pass) continue;
        if (this.isTombstone(entry.item)) tombstones.push(entry);
        else if (pass) this.classifyIdeaPut(entry.item, entry.where.key!);
        else this.classifyFieldWrite(entry.item, entry.where);
      }
    }
    for (const entry of tombstones) {
      if (isIdea(entry)) this.classifyIdeaTombstone(entry.item, entry.where.key!);
      else this.classifyFieldTombstone(entry.item, entry.where);
    }
  }

  private isTombstone(item: Y.Item): boolean {
    return item.content instanceof Y.ContentDeleted || this.deletesHere(item.id);
  }

  private classifyIdeaPut(item: Y.Item, ideaId: string): void {
    const content = item.content;
    if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) {
      throw new InspectionError(ErrorCode.INVALID_UPDATE, 'An idea must be a map.');
    }
    const put: Extract<Change, { kind: 'idea.put' }> = { kind: 'idea.put', ideaId, client: item.id.client, fields: new Map() };
    this.puts.set(item, put);
    this.livePuts.add(ideaId);
    this.changes.push(put);
    // A new map under an existing id replaces that idea: that is deleting it.
    const current = this.liveIdeaOnServer(ideaId);
    if (current) this.changes.push({ kind: 'idea.delete', ideaId, authorId: authorOf(current) });
  }

  private classifyIdeaTombstone(item: Y.Item, ideaId: string): void {
    if (this.livePuts.has(ideaId)) return;
    const current = this.liveIdeaOnServer(ideaId);
    // An idea made and deleted offline has no live value on the server: nothing to judge.
    if (current && this.supersedes(item, current)) {
      this.changes.push({ kind: 'idea.delete', ideaId, authorId: authorOf(current) });
    }
  }

  /** The idea map that holds a field entry, or null when the entry changes nothing. */
  private holderOf(where: Location): { holder: Y.Item; ideaId: string; field: IdeaField } | null {
    if (!('item' in where.parent)) return null;
    const holder = this.findItem(where.parent.item);
    if (!holder) throw new InspectionError(ErrorCode.MISSING_DEPENDENCY, 'A parent is missing.');
    if (holder instanceof Y.GC) return null;
    const holderLocation = this.locate(holder);
    if (holderLocation === 'gc') return null;
    if (!('root' in holderLocation.parent) || holderLocation.parent.root !== ROOT.ideas || holderLocation.key === null) {
      throw new InspectionError(ErrorCode.INVALID_UPDATE, 'Only ideas may hold nested values.');
    }
    const field = where.key as IdeaField;
    if (!IDEA_FIELDS.includes(field)) {
      throw new InspectionError(ErrorCode.FORBIDDEN_FIELD, `Ideas have no field "${field}".`);
    }
    return { holder, ideaId: holderLocation.key, field };
  }

  private classifyFieldWrite(item: Y.Item, where: Location): void {
    const target = this.holderOf(where);
    if (!target) return;
    const { holder, ideaId, field } = target;
    if (!(item.content instanceof Y.ContentAny)) {
      throw new InspectionError(ErrorCode.INVALID_UPDATE, 'Idea fields hold plain values only.');
    }
    const value: unknown = item.content.arr[0];
    this.writtenFields.add(`${holder.id.client}:${holder.id.clock}:${field}`);
    if (this.isFresh(holder.id)) {
      this.puts.get(holder)?.fields.set(field, value);
      return;
    }
    if (holder.deleted) return; // writing into a deleted idea is a no-op in Yjs
    this.changes.push({ kind: 'idea.field', ideaId, field, value, client: item.id.client, authorId: authorOf(holder) });
  }

  private classifyFieldTombstone(item: Y.Item, where: Location): void {
    const target = this.holderOf(where);
    if (!target) return;
    const { holder, ideaId, field } = target;
    if (this.writtenFields.has(`${holder.id.client}:${holder.id.clock}:${field}`)) return; // a newer value follows
    if (this.isFresh(holder.id) || holder.deleted || this.deletesHere(holder.id)) return;
    const current = mapOf(holder)?._map.get(field);
    if (current && !current.deleted && this.supersedes(item, current)) {
      this.changes.push({ kind: 'idea.fieldDelete', ideaId, field, authorId: authorOf(holder) });
    }
  }

  /** See mapEntrySupersedes: whether a tombstone would delete the live value `current`. */
  private supersedes(tombstone: Y.Item, current: Y.Item): boolean {
    let first = tombstone;
    while (first.origin && this.isFresh(first.origin)) {
      const previous = this.findItem(first.origin);
      if (!(previous instanceof Y.Item) || previous === first) break;
      first = previous;
    }
    if (first.origin && this.isFresh(first.origin)) return true; // cannot place it: assume the worst
    return mapEntrySupersedes(first, current, (id) => this.serverItem(id));
  }

  private serverItem(id: Y.ID): Y.Item | null {
    if (this.isFresh(id)) return null;
    const struct = Y.getItem(this.store, id) as Y.Item | Y.GC;
    return struct instanceof Y.Item ? struct : null;
  }

  private liveIdeaOnServer(ideaId: string): Y.Item | null {
    const current = (this.doc.share.get(ROOT.ideas) as Y.Map<unknown> | undefined)?._map.get(ideaId);
    return current && !current.deleted ? current : null;
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
      return findCovering(this.fresh.get(id.client), id.clock);
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

/** Binary search for the item whose clock range holds `clock`. */
function findCovering(items: Y.Item[] | undefined, clock: number): Y.Item | null {
  if (!items) return null;
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid]!;
    if (clock < item.id.clock) high = mid - 1;
    else if (clock >= item.id.clock + item.length) low = mid + 1;
    else return item;
  }
  return null;
}

function mapOf(ideaItem: Y.Item): Y.Map<unknown> | null {
  const content = ideaItem.content;
  return content instanceof Y.ContentType && content.type instanceof Y.Map ? content.type : null;
}

function authorOf(ideaItem: Y.Item): unknown {
  const content = ideaItem.content;
  if (content instanceof Y.ContentType && content.type instanceof Y.Map) return content.type.get('authorId');
  return undefined;
}
