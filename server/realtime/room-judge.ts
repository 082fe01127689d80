import * as Y from 'yjs';
import { ErrorCode, ROOT, ideasMap, removedMap, type ProtocolError } from '../../shared';
import type { Logger } from '../log';
import { InspectionError, type Inspection } from './inspection';
import { decodeForInspection, inspectDecoded, type DecodedForInspection } from './update-inspector';
import { authorizeChanges, type Principal } from './update-policy';
import type { RoomHooks } from './room-hooks';
import type { DocViews } from './room-views';
import { untilStoreAnswers } from './store-retry';

const NONE_RESERVED: ReadonlyMap<string, string> = new Map();

/**
 * An update as it arrived, decoded once (decoding does not depend on the document), with the
 * store already being asked about the ideas it may create: that round trip runs while the
 * updates ahead of it in the room are judged and applied, not after them.
 */
export interface ArrivedUpdate {
  update: Uint8Array;
  decoded: DecodedForInspection | InspectionError;
  /** The reserved ids among `asked` (null: nothing asked). */
  reserved: Promise<ReadonlyMap<string, string>> | null;
  asked: ReadonlySet<string>;
}

/** What judging needs from the room. */
export interface JudgeRoom {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly hooks: RoomHooks;
  readonly views: DocViews;
  readonly log: Logger;
  readonly isClosing: () => boolean;
  claimClientId(client: number, principal: Principal): Promise<boolean>;
}

/** Decodes an update on arrival and starts asking the store about the ideas it may create. */
export function arrive(room: JudgeRoom, update: Uint8Array): ArrivedUpdate {
  let decoded: DecodedForInspection | InspectionError;
  try {
    decoded = decodeForInspection(update);
  } catch (error) {
    decoded = error instanceof InspectionError ? error : new InspectionError(ErrorCode.INVALID_UPDATE, 'The update could not be read.');
    return { update, decoded, reserved: null, asked: new Set() };
  }
  const ideas = ideasMap(room.doc);
  const candidates = ideaPutCandidates(decoded).filter((id) => !ideas.has(id));
  // Where memory vouches for the board, judging asks it then, for free; the store is asked
  // now only when it cannot.
  const vouched = candidates.length > 0 && (room.hooks.reservedIdeas?.mayBeReserved?.(room.boardId, candidates) ?? null) !== null;
  const asked = new Set(vouched ? [] : candidates);
  const reserved = asked.size > 0 ? askReserved(room, [...asked]) : null;
  // Judging reads it (or asks again); an early failure must not be an unhandled rejection.
  reserved?.catch(() => undefined);
  return { update, decoded, reserved, asked };
}

function askReserved(room: JudgeRoom, ids: string[]): Promise<ReadonlyMap<string, string>> {
  const { reservedIdeas } = room.hooks;
  if (!reservedIdeas) return Promise.resolve(NONE_RESERVED);
  return untilStoreAnswers(room.log, 'reserved idea ids', () => reservedIdeas.authorsOf(room.boardId, ids), room.isClosing);
}

/**
 * Inspects and authorises one update against the document as it is now (the room calls this
 * in turn, so the document is the one the update will be applied to). The inspection when
 * the update may be applied, else the refusal.
 */
export async function judge(room: JudgeRoom, principal: Principal, arrived: ArrivedUpdate): Promise<Inspection | ProtocolError> {
  let inspection: Inspection;
  try {
    if (arrived.decoded instanceof InspectionError) throw arrived.decoded;
    inspection = inspectDecoded(room.doc, arrived.decoded);
  } catch (error) {
    if (error instanceof InspectionError) return { code: error.code, message: error.message };
    room.log.warn({ err: error, boardId: room.boardId }, 'update inspection failed');
    return { code: ErrorCode.INVALID_UPDATE, message: 'The update could not be read.' };
  }
  if (inspection.noop) return inspection;
  if (principal.role === 'observer') {
    return { code: ErrorCode.READ_ONLY, message: 'Observers cannot change the board.' };
  }
  for (const client of inspection.clocks.keys()) {
    if (!(await room.claimClientId(client, principal))) {
      return { code: ErrorCode.CLIENT_ID_TAKEN, message: `Yjs client id ${client} belongs to someone else.` };
    }
  }
  const reserved = await reservedFor(room, inspection, arrived);
  const { beaconIds, questionIds, focusQuestionId } = room.views.settings();
  const ideas = ideasMap(room.doc);
  const refusal = authorizeChanges(inspection.changes, principal, {
    ideaCount: room.views.ideaCount(),
    beaconIds,
    questionIds,
    workshop: room.views.workshop(),
    focusQuestionId,
    questionOf: (ideaId) => ideas.get(ideaId)?.get('questionId'),
    isRemoved: (ideaId) => removedMap(room.doc).has(ideaId),
    reservedAuthor: (ideaId) => reserved.get(ideaId),
  });
  if (refusal) return refusal;
  const limited = room.hooks.beforeApply ? await room.hooks.beforeApply(room.boardId, principal, inspection.changes) : null;
  return limited ?? inspection;
}

/** The reserved authors of the update's new ideas: what was asked on arrival, plus any it did not cover. */
async function reservedFor(room: JudgeRoom, inspection: Inspection, arrived: ArrivedUpdate): Promise<ReadonlyMap<string, string>> {
  const newIds = inspection.changes.flatMap((change) => (change.kind === 'idea.put' ? [change.ideaId] : []));
  if (newIds.length === 0) return NONE_RESERVED;
  // Memory, asked now rather than on arrival: a reservation made while the update waited its
  // turn is known. Only an id it holds as possibly reserved costs a round trip (a refusal
  // rests on the store's word: a withdrawn reservation is not one).
  const maybe = room.hooks.reservedIdeas?.mayBeReserved?.(room.boardId, newIds) ?? null;
  if (maybe !== null) return maybe.size === 0 ? NONE_RESERVED : askReserved(room, [...maybe]);
  const early = arrived.reserved ? await arrived.reserved.catch(() => null) : null;
  // A put the arrival scan could not see (a map entry placed by its neighbour), or an early
  // answer that failed: asked now.
  const missing = early ? newIds.filter((id) => !arrived.asked.has(id)) : newIds;
  if (missing.length === 0) return early ?? NONE_RESERVED;
  const late = await askReserved(room, missing);
  if (!early || early.size === 0) return late;
  return new Map([...early, ...late]);
}

/**
 * The ids under which an update places a map directly in `ideas`, read without the document,
 * so that what the store knows about them can be asked for while earlier updates are still
 * being judged. A put over an existing entry names that entry instead of its parent and is
 * not found here: judging asks about it then (reservedFor).
 */
function ideaPutCandidates(decoded: DecodedForInspection): string[] {
  const ids: string[] = [];
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && (struct.parent as unknown) === ROOT.ideas && typeof struct.parentSub === 'string' && struct.content instanceof Y.ContentType) {
      ids.push(struct.parentSub);
    }
  }
  return ids;
}
