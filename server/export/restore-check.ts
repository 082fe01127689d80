import * as Y from 'yjs';
import {
  ErrorCode,
  IDEA_FIELDS,
  LIMITS,
  ROOT,
  WORKSHOP_FIELDS,
  boardMap,
  clusterSchema,
  clustersMap,
  historyMap,
  idSchema,
  ideaHistorySchema,
  ideasMap,
  readBoardSettings,
  readIdea,
  votesMap,
  commentSchema,
  commentsMap,
  ideaStatusRecordSchema,
  parseReactionKey,
  readReactionEntry,
  reactionsMap,
  removedMap,
  removedMarkSchema,
  statusesMap,
  initiativesMap,
  originsMap,
  ideaOriginSchema,
  initiativeSchema,
  workshopFieldSchemas,
  workshopMap,
  type Idea,
  type TemplateId,
  type WorkshopField,
  type Poll,
} from '../../shared';
import { checkPollAnswers, checkPollDrafts, checkPollsRoot, type BackedUpPollAnswer } from './poll-backup';
import { ServiceError } from '../core/errors';
import type { Ballot } from '../store/board-store';
import { writeWorkshop } from '../boards';
import { MAX_RESTORED_VOTES, backupRequestSchema } from './backup-schema';
import { EMPTY_MODERATION, type ModerationBackup } from './moderation-backup';
import { Pacer } from './pacing';
import { decodeUpdateStrict } from '../realtime/strict-update';

/** Most distinct Yjs client ids (writers' device sessions) a restored document may hold. */
export const MAX_CLIENT_IDS = 50_000;

/** A backup that passed every check, ready to become a board. */
export interface CheckedBackup {
  template: TemplateId;
  title: string;
  /** The document, v1 update bytes. */
  update: Uint8Array;
  /** Every Yjs client id with structs in it. */
  clientIds: number[];
  ideaCount: number;
  hiddenIdeas: Idea[];
  votes: Ballot[];
  voteCount: number;
  /** Answers to the document's polls (none in backups made before polls). */
  pollAnswers: BackedUpPollAnswer[];
  /** Draft polls, kept beside the document (none in backups made before they left it). */
  pollDrafts: Poll[];
  /** Checked against the moderation schemas; empty for a version 1 backup. */
  moderation: ModerationBackup;
}

function invalid(message: string): ServiceError {
  return new ServiceError(ErrorCode.INVALID_UPDATE, `The backup's document is not a Samskab board: ${message}`, 400);
}

function isPlainValue(value: unknown): boolean {
  return !(value instanceof Y.AbstractType) && !(value instanceof Y.Doc) && !(value instanceof Uint8Array);
}

/** Yields now and then on the main thread; a no-op on the restore worker. */
type Step = () => Promise<void>;

/**
 * Checks an untrusted document before it becomes a board: everything a client could never
 * write through the update policy (other roots, nested or list types, incomplete or invalid
 * ideas, unreadable settings or workshop state, missing dependencies) is refused. The
 * document is decoded into a scratch Y.Doc; nothing is stored.
 */
export async function validateBoardDocument(update: Uint8Array, step: Step): Promise<{ title: string; ideaCount: number; clientIds: number[]; pollIds: Set<string> }> {
  const doc = new Y.Doc();
  try {
    try {
      decodeUpdateStrict(update); // Yjs would ignore trailing bytes and read v2 as empty
      Y.applyUpdate(doc, update);
    } catch {
      throw invalid('the update cannot be decoded (Yjs v1 encoding expected, nothing after it).');
    }
    if (doc.store.pendingStructs || doc.store.pendingDs) throw invalid('the update refers to state it does not contain.');
    const roots = new Set<string>(Object.values(ROOT));
    for (const name of doc.share.keys()) if (!roots.has(name)) throw invalid(`unknown root "${name}".`);
    for (const name of roots) if (doc.getMap<unknown>(name)._start !== null) throw invalid('a root holds list content.');
    const clientIds = [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()];
    // Each is reserved in the store; a real board has one per device session, far fewer.
    if (clientIds.length > MAX_CLIENT_IDS) throw invalid(`more than ${MAX_CLIENT_IDS} Yjs client ids.`);

    const ideas = ideasMap(doc);
    if (ideas.size > LIMITS.ideasPerBoard) throw invalid(`more than ${LIMITS.ideasPerBoard} ideas.`);
    for (const [key, value] of ideas.entries()) {
      if (!(value instanceof Y.Map) || value._start !== null) throw invalid(`idea ${key} is not a map of fields.`);
      for (const [field, fieldValue] of value.entries()) {
        if (!IDEA_FIELDS.includes(field as never) || !isPlainValue(fieldValue)) throw invalid(`idea ${key} has an invalid field "${field}".`);
      }
      const idea = readIdea(value);
      if (!idea || idea.id !== key) throw invalid(`idea ${key} is incomplete or invalid.`);
      await step();
    }

    const settings = readBoardSettings(doc);
    if (!settings) throw invalid('the board settings are missing or invalid.');
    const unique = (ids: string[]) => new Set(ids).size === ids.length;
    if (!unique(settings.beacons.map((b) => b.id)) || !unique(settings.questions.map((q) => q.id))) throw invalid('duplicate beacon or question ids.');
    if (settings.focusQuestionId !== null && !settings.questions.some((q) => q.id === settings.focusQuestionId)) {
      throw invalid('the focus question is not one of the questions.');
    }
    for (const value of boardMap(doc).values()) if (!isPlainValue(value)) throw invalid('a board setting is not a plain value.');

    for (const [key, value] of workshopMap(doc).entries()) {
      if (!WORKSHOP_FIELDS.includes(key as WorkshopField) || !isPlainValue(value)) throw invalid(`unknown workshop field "${key}".`);
      if (!workshopFieldSchemas[key as WorkshopField].safeParse(value).success) throw invalid(`invalid workshop field "${key}".`);
    }
    for (const [key, value] of votesMap(doc).entries()) {
      if (!idSchema.safeParse(key).success || typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw invalid('invalid vote totals.');
    }
    if (clustersMap(doc).size > LIMITS.clustersPerBoard) throw invalid(`more than ${LIMITS.clustersPerBoard} clusters.`);
    for (const [key, value] of clustersMap(doc).entries()) {
      const parsed = isPlainValue(value) ? clusterSchema.safeParse(value) : null;
      if (!parsed?.success || parsed.data.id !== key) throw invalid(`invalid cluster ${key}.`);
    }
    for (const [key, value] of historyMap(doc).entries()) {
      if (!idSchema.safeParse(key).success || !isPlainValue(value) || !ideaHistorySchema.safeParse(value).success) throw invalid(`invalid history of ${key}.`);
      await step();
    }
    await checkModerationRoots(doc, step);
    const pollIds = checkPollsRoot(doc, invalid);
    return { title: settings.title, ideaCount: ideas.size, clientIds, pollIds };
  } finally {
    doc.destroy();
  }
}

/**
 * Reads and checks a backup sent to `POST /api/boards/restore` (the raw JSON bytes): the
 * format, the store parts (the moderation records each against its shared schema) and the
 * document. Throws a ServiceError for the client.
 * Pure: it runs on the restore worker, or on the main thread (paced) without one.
 */
export async function checkBackup(body: Uint8Array | undefined, options: { paced: boolean }): Promise<CheckedBackup> {
  const pacer = new Pacer();
  const step: Step = options.paced ? () => pacer.step() : () => Promise.resolve();
  let json: unknown = {};
  if (body !== undefined && body.length > 0) {
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      throw new ServiceError(ErrorCode.BAD_REQUEST, 'The body is not valid JSON.', 400);
    }
  }
  const parsed = backupRequestSchema.safeParse(json);
  if (!parsed.success) throw ServiceError.validation(parsed.error);
  const backup = parsed.data;
  const update = new Uint8Array(Buffer.from(backup.document.update, 'base64'));
  const { title, ideaCount, clientIds, pollIds } = await validateBoardDocument(update, step);
  const pollAnswers = backup.store.pollAnswers ?? [];
  checkPollAnswers(pollAnswers, pollIds, (message) => new ServiceError(ErrorCode.VALIDATION_FAILED, `The backup's poll answers: ${message}`));
  const pollDrafts = backup.store.pollDrafts ?? [];
  checkPollDrafts(pollDrafts, pollIds, (message) => new ServiceError(ErrorCode.VALIDATION_FAILED, `The backup's draft polls: ${message}`));
  const hiddenIdeas = backup.store.hiddenIdeas;
  if (ideaCount + hiddenIdeas.length > LIMITS.ideasPerBoard) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, `A board holds at most ${LIMITS.ideasPerBoard} ideas, hidden ones included.`);
  }
  if (new Set(hiddenIdeas.map((idea) => idea.id)).size !== hiddenIdeas.length) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'Two hidden ideas have the same id.');
  }
  const voteCount = backup.store.votes.reduce((sum, ballot) => sum + ballot.count, 0);
  if (voteCount > MAX_RESTORED_VOTES) throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'Too many votes in the backup.');
  return {
    template: backup.board.template,
    title,
    update,
    clientIds,
    ideaCount,
    hiddenIdeas,
    votes: backup.store.votes,
    voteCount,
    moderation: backup.store.moderation ?? EMPTY_MODERATION,
    pollAnswers,
    pollDrafts,
  };
}

/**
 * The new board's first write of its own: its join code, made by `clientId` (reserved for
 * the server) on top of the restored document. Returns just that change, as an update.
 */
export function joinCodeUpdate(update: Uint8Array, joinCode: string, clientId: number): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    // A transaction of its own: Yjs treats one that applied an update as remote, and would
    // then give the document a new client id instead of writing with this one.
    doc.clientID = clientId;
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      writeWorkshop(doc, { joinCode });
      // A public call's link belongs to the board it was opened on; the copy starts without one.
      if (boardMap(doc).get('call') != null) boardMap(doc).set('call', null);
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}

/**
 * Comments, reactions, removal marks, initiatives and statuses: each as the server would
 * have written it. Comments and statuses can be as many as the ideas: paced like them.
 */
async function checkModerationRoots(doc: Y.Doc, step: Step): Promise<void> {
  for (const [key, value] of commentsMap(doc).entries()) {
    const parsed = isPlainValue(value) ? commentSchema.safeParse(value) : null;
    if (!parsed?.success || parsed.data.id !== key) throw invalid(`invalid comment ${key}.`);
    await step();
  }
  for (const [key, value] of reactionsMap(doc).entries()) {
    const legacy = parseReactionKey(key);
    const valid = legacy ? value === 1 : idSchema.safeParse(key).success && isPlainValue(value) && readReactionEntry(key, value) !== null;
    if (!valid) throw invalid('invalid reactions.');
  }
  for (const [key, value] of removedMap(doc).entries()) {
    if (!idSchema.safeParse(key).success || !removedMarkSchema.safeParse(value).success) throw invalid('invalid removal marks.');
  }
  if (initiativesMap(doc).size > LIMITS.initiativesPerBoard) throw invalid(`more than ${LIMITS.initiativesPerBoard} initiatives.`);
  for (const [key, value] of originsMap(doc).entries()) {
    if (!idSchema.safeParse(key).success || !isPlainValue(value) || !ideaOriginSchema.safeParse(value).success) throw invalid(`invalid origin of ${key}.`);
  }
  for (const [key, value] of initiativesMap(doc).entries()) {
    const parsed = isPlainValue(value) ? initiativeSchema.safeParse(value) : null;
    if (!parsed?.success || parsed.data.id !== key) throw invalid(`invalid initiative ${key}.`);
  }
  for (const [key, value] of statusesMap(doc).entries()) {
    if (!idSchema.safeParse(key).success || !isPlainValue(value) || !ideaStatusRecordSchema.safeParse(value).success) {
      throw invalid(`invalid status of ${key}.`);
    }
    await step();
  }
}
