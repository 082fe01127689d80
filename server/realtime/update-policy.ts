import {
  ErrorCode,
  IDEA_FIELDS,
  IMMUTABLE_IDEA_FIELDS,
  LIMITS,
  OPTIONAL_IDEA_FIELDS,
  PLACEMENT_FIELDS,
  ROOT,
  SERVER_ROOTS,
  STEP_RULES,
  ideaFieldSchemas,
  stepForIdea,
  type IdeaField,
  type ProtocolError,
  type Identity,
  type Role,
  type StepRule,
  type WorkshopState,
} from '../../shared';
import type { Change } from './inspection';

/** Who sends an update: the identity bound to the connection by its session. */
export interface Principal {
  participantId: string;
  role: Role;
  displayName: string | null;
  contributorType: Identity['contributorType'];
  organisation: string | null;
}

export interface PolicyContext {
  /** Ideas on the board before this update. */
  ideaCount: number;
  /** The board's beacons and questions: what ideas may refer to. */
  beaconIds: ReadonlySet<string>;
  questionIds: ReadonlySet<string>;
  /** The live workshop: lock, silent writing and each question's step limit participants. */
  workshop: WorkshopState;
  focusQuestionId: string | null;
  /** The `questionId` an idea on the board has now (O(1): the policy stays O(changes)). */
  questionOf(ideaId: string): unknown;
  /** Whether a facilitator hid or deleted this idea (the `removed` root): it may not come back. */
  isRemoved(ideaId: string): boolean;
  /**
   * The author of an idea kept out of the document under this id (silent writing, a
   * contribution in the moderation queue), or undefined: only that author may write it.
   * Known for the ids of the update's new ideas.
   */
  reservedAuthor(ideaId: string): string | undefined;
}

/** Fields that say who wrote an idea: taken from the session, never from the client's say-so. */
const IDENTITY_FIELDS = { authorName: 'displayName', contributorType: 'contributorType', organisation: 'organisation' } as const;

/**
 * The rules for writing a board through Yjs, in one place:
 * - observers write nothing;
 * - a new idea is complete and valid, and its author is the sender;
 * - an idea's own fields (text, author details) belong to its author and to facilitators;
 * - placement fields (group, order, beacons) may be changed by anyone who may write;
 * - id, author and creation time never change;
 * - only the author or a facilitator deletes an idea;
 * - an id a moderator removed is never written again (IDEA_REMOVED), and an id kept out of
 *   the document (silent writing, a contribution) only by its author (IDEA_ID_TAKEN);
 * - the `board`, `workshop`, `votes`, `clusters` and `history` maps are the server's:
 *   they change through socket.io commands;
 * - live workshops limit participants (never facilitators): nothing while the board is
 *   locked, no new ideas in the document while silent writing is on, and only what the
 *   step of the idea's question allows (STEP_RULES).
 * The first refusal wins; nothing of a refused update is applied.
 */
export function authorizeChanges(changes: Change[], actor: Principal, ctx: PolicyContext): ProtocolError | null {
  if (changes.length > 0 && actor.role === 'observer') {
    return { code: ErrorCode.READ_ONLY, message: 'Observers cannot change the board.' };
  }
  const isFacilitator = actor.role === 'facilitator';
  if (changes.length > 0 && !isFacilitator && ctx.workshop.locked) {
    return { code: ErrorCode.BOARD_LOCKED, message: 'The facilitator has locked the board.' };
  }
  let created = 0;
  for (const change of changes) {
    if (change.kind === 'idea.put' && ctx.isRemoved(change.ideaId)) {
      return { code: ErrorCode.IDEA_REMOVED, message: 'A moderator removed this idea; it cannot be written back.' };
    }
    if (change.kind === 'idea.put') {
      // Whatever the workshop state and role: a silent idea's or a contribution's id is its author's.
      const author = ctx.reservedAuthor(change.ideaId);
      if (author !== undefined && author !== actor.participantId) {
        return { code: ErrorCode.IDEA_ID_TAKEN, message: 'Another idea, not on the board yet, has this id; write the idea under a new id.' };
      }
    }
    const refusal =
      checkChange(change, actor, isFacilitator) ?? checkReferences(change, ctx) ?? (isFacilitator ? null : checkStep(change, ctx));
    if (refusal) return refusal;
    if (change.kind === 'idea.put') created++;
  }
  if (created > 0 && ctx.ideaCount + created > LIMITS.ideasPerBoard) {
    return { code: ErrorCode.BOARD_FULL, message: `A board holds at most ${LIMITS.ideasPerBoard} ideas.` };
  }
  return null;
}

function checkChange(change: Change, actor: Principal, isFacilitator: boolean): ProtocolError | null {
  switch (change.kind) {
    case 'root.write':
      if (change.root === ROOT.board) {
        return { code: ErrorCode.FORBIDDEN, message: 'Board settings change through the board:updateSettings command.' };
      }
      return SERVER_ROOTS.has(change.root)
        ? { code: ErrorCode.FORBIDDEN, message: `Only the server writes "${change.root}"; facilitators use the workshop commands.` }
        : { code: ErrorCode.FORBIDDEN_FIELD, message: `The document has no root "${change.root}".` };
    case 'idea.put':
      return checkNewIdea(change.ideaId, change.fields, actor);
    case 'idea.delete':
      return isFacilitator || change.authorId === actor.participantId
        ? null
        : { code: ErrorCode.NOT_OWNER, message: 'Only the author or a facilitator may delete an idea.' };
    case 'idea.field':
      return checkFieldWrite(change.field, change.value, change.authorId, actor, isFacilitator);
    case 'idea.fieldDelete':
      return { code: ErrorCode.FORBIDDEN_FIELD, message: `The field "${change.field}" cannot be removed.` };
  }
}

/** Beacons and questions an idea points to must exist on the board. */
function checkReferences(change: Change, ctx: PolicyContext): ProtocolError | null {
  const value = (field: IdeaField): unknown =>
    change.kind === 'idea.put' ? change.fields.get(field) : change.kind === 'idea.field' && change.field === field ? change.value : undefined;
  const beacons = value('beacons');
  if (Array.isArray(beacons) && beacons.some((id) => !ctx.beaconIds.has(id as string))) {
    return { code: ErrorCode.VALIDATION_FAILED, message: 'An idea may only name the board\u2019s beacons.' };
  }
  const questionId = value('questionId');
  if (typeof questionId === 'string' && !ctx.questionIds.has(questionId)) {
    return { code: ErrorCode.VALIDATION_FAILED, message: 'An idea may only answer one of the board\u2019s questions.' };
  }
  return null;
}

/** What the step of the idea's question lets a participant do (facilitators skip this). */
function checkStep(change: Change, ctx: PolicyContext): ProtocolError | null {
  const ws = ctx.workshop;
  const ruleFor = (questionId: unknown) => {
    const step = stepForIdea(ws, typeof questionId === 'string' ? questionId : null, ctx.focusQuestionId);
    return { step, rule: STEP_RULES[step] };
  };
  const refuse = (step: string, what: string): ProtocolError => ({
    code: ErrorCode.STEP_FORBIDS,
    message: `Participants cannot ${what} while the question is in the "${step}" step.`,
  });
  const allowed = (questionId: unknown, action: keyof StepRule, what: string): ProtocolError | null => {
    const { step, rule } = ruleFor(questionId);
    return rule[action] ? null : refuse(step, what);
  };
  switch (change.kind) {
    case 'idea.put':
      if (ws.silent) {
        return { code: ErrorCode.SILENT_WRITING, message: 'Silent writing is on: submit new ideas with idea:submitHidden.' };
      }
      return allowed(change.fields.get('questionId'), 'add', 'add ideas');
    case 'idea.delete':
      return allowed(ctx.questionOf(change.ideaId), 'delete', 'delete ideas');
    case 'idea.field': {
      const placement = PLACEMENT_FIELDS.has(change.field);
      const current = allowed(ctx.questionOf(change.ideaId), placement ? 'move' : 'edit', placement ? 'move ideas' : 'edit ideas');
      // Moving an idea to another question needs that question's step to allow it too.
      return current ?? (change.field === 'questionId' ? allowed(change.value, 'move', 'move ideas there') : null);
    }
    case 'idea.fieldDelete':
    case 'root.write':
      return null; // refused whoever sends them (checkChange)
  }
}

function checkNewIdea(ideaId: string, fields: Map<IdeaField, unknown>, actor: Principal): ProtocolError | null {
  for (const field of IDEA_FIELDS) {
    if (!fields.has(field)) {
      if (OPTIONAL_IDEA_FIELDS.has(field)) continue; // written by older clients without it
      return { code: ErrorCode.VALIDATION_FAILED, message: `A new idea needs the field "${field}".` };
    }
    const invalid = validateField(field, fields.get(field));
    if (invalid) return invalid;
  }
  if (fields.get('id') !== ideaId) {
    return { code: ErrorCode.VALIDATION_FAILED, message: 'An idea\u2019s id must equal its key.' };
  }
  if (fields.get('authorId') !== actor.participantId) {
    return { code: ErrorCode.NOT_OWNER, message: 'New ideas are written in the sender\u2019s own name.' };
  }
  for (const [field, source] of Object.entries(IDENTITY_FIELDS)) {
    if (fields.get(field as IdeaField) !== actor[source]) {
      return { code: ErrorCode.NOT_OWNER, message: `"${field}" must match the session that writes the idea.` };
    }
  }
  return null;
}

function checkFieldWrite(
  field: IdeaField,
  value: unknown,
  authorId: unknown,
  actor: Principal,
  isFacilitator: boolean,
): ProtocolError | null {
  if (IMMUTABLE_IDEA_FIELDS.has(field)) {
    return { code: ErrorCode.FORBIDDEN_FIELD, message: `The field "${field}" cannot change.` };
  }
  if (!PLACEMENT_FIELDS.has(field) && !isFacilitator && authorId !== actor.participantId) {
    return { code: ErrorCode.NOT_OWNER, message: 'Only the author or a facilitator may change this idea.' };
  }
  // Facilitators may anonymise (moderation); authors may only restate what their session says.
  if (field in IDENTITY_FIELDS && !isFacilitator && value !== actor[IDENTITY_FIELDS[field as keyof typeof IDENTITY_FIELDS]]) {
    return { code: ErrorCode.NOT_OWNER, message: `"${field}" must match the session that writes the idea.` };
  }
  return validateField(field, value);
}

function validateField(field: IdeaField, value: unknown): ProtocolError | null {
  const result = ideaFieldSchemas[field].safeParse(value);
  if (result.success) return null;
  const reason = result.error.issues[0]?.message ?? 'invalid';
  return { code: ErrorCode.VALIDATION_FAILED, message: `Invalid value for "${field}": ${reason}.` };
}
