import { z } from 'zod';
import { ID_PATTERN, idSchema } from './ids';
import { LIMITS } from './limits';
import {
  CONTRIBUTOR_TYPES,
  PHASES,
  PRINCIPLES,
  TRACKS,
  contributorTypeSchema,
  phaseSchema,
  principleSchema,
  trackSchema,
} from './taxonomy';

/**
 * An idea as it lives in the board's Yjs document: one Y.Map per idea under the root map
 * `ideas`, keyed by the idea id, each field a plain value (no nested Yjs types). See
 * docs/PROTOCOL.md "Yjs document layout".
 */
export const ideaFieldSchemas = {
  id: idSchema,
  text: z.string().trim().min(1).max(LIMITS.ideaText),
  authorId: idSchema,
  /** null: the author chose to be anonymous. */
  authorName: z.string().max(LIMITS.displayName).nullable(),
  contributorType: contributorTypeSchema.nullable(),
  organisation: z.string().max(LIMITS.organisation).nullable(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  phase: phaseSchema.nullable(),
  principle: principleSchema.nullable(),
  track: trackSchema.nullable(),
  beacons: z.array(idSchema).max(LIMITS.beaconsPerIdea),
  questionId: idSchema.nullable(),
  /** Fractional index ordering the idea within its group (lexicographic). */
  position: z.string().min(1).max(LIMITS.position),
  /**
   * The named cluster (root map `clusters`) the idea is gathered into, or null. Added with
   * live workshops: ideas written before (or by clients that predate it) have no such key,
   * so it is optional when an idea is created and reads as null when missing.
   */
  clusterId: idSchema.nullable(),
} as const;

/** Fields a new idea may leave out; reading fills in their default. */
export const OPTIONAL_IDEA_FIELDS: ReadonlySet<string> = new Set(['clusterId']);

export const ideaSchema = z.object({ ...ideaFieldSchemas, clusterId: ideaFieldSchemas.clusterId.default(null) }).strict();
export type Idea = z.infer<typeof ideaSchema>;
/** An idea as a client may write it: optional fields (clusterId) may be left out. */
export type IdeaInput = z.input<typeof ideaSchema>;
export type IdeaField = keyof Idea;

export const IDEA_FIELDS = Object.keys(ideaFieldSchemas) as IdeaField[];

/** Set once when the idea is created; nobody may change them afterwards. */
export const IMMUTABLE_IDEA_FIELDS: ReadonlySet<IdeaField> = new Set(['id', 'authorId', 'createdAt']);

/**
 * Where an idea sits: shared by everyone who may write, as on a physical wall where anyone
 * may move a sticky note. Every other field belongs to the idea's author (and facilitators).
 */
export const PLACEMENT_FIELDS: ReadonlySet<IdeaField> = new Set([
  'phase',
  'principle',
  'track',
  'beacons',
  'questionId',
  'position',
  'clusterId',
  'updatedAt',
]);

/**
 * The idea schema's rules written out by hand, field by field, for the hot path: zod's
 * safeParse costs ~30 µs an idea, so reading a 10,000-idea board took ~0.3 s on the page's
 * main thread (issue 17). Each reader returns the field's parsed value (what ideaSchema's
 * output holds: the text trimmed, a missing clusterId as null, beacons a fresh array) or
 * REFUSED. The mapped type ties the table to Idea: a field added to the schema without a
 * reader here does not compile, and test/unit/idea-fast-check.test.ts proves on a table of
 * records that it accepts and refuses exactly what ideaSchema does.
 */
const REFUSED: unique symbol = Symbol('refused');
type Reader<T> = (value: unknown) => T | typeof REFUSED;

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);
const id: Reader<string> = (v) => (isId(v) ? v : REFUSED);
const nullableId: Reader<string | null> = (v) => (v === null || isId(v) ? v : REFUSED);
const nullableText =
  (max: number): Reader<string | null> =>
  (v) =>
    v === null || (typeof v === 'string' && v.length <= max) ? v : REFUSED;
const timestamp: Reader<number> = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : REFUSED);
const oneOf = <T>(values: readonly T[]): Reader<T | null> => {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return (v) => (v === null || allowed.has(v) ? (v as T | null) : REFUSED);
};

const fastReaders: { readonly [K in IdeaField]-?: Reader<Idea[K]> } = {
  id,
  text: (v) => {
    if (typeof v !== 'string') return REFUSED;
    // zod's .trim() runs before .min/.max, so the limits apply to the trimmed text.
    const text = v.trim();
    return text.length >= 1 && text.length <= LIMITS.ideaText ? text : REFUSED;
  },
  authorId: id,
  authorName: nullableText(LIMITS.displayName),
  contributorType: oneOf(CONTRIBUTOR_TYPES),
  organisation: nullableText(LIMITS.organisation),
  createdAt: timestamp,
  updatedAt: timestamp,
  phase: oneOf(PHASES),
  principle: oneOf(PRINCIPLES),
  track: oneOf(TRACKS),
  beacons: (v) => (Array.isArray(v) && v.length <= LIMITS.beaconsPerIdea && v.every(isId) ? (v.slice() as string[]) : REFUSED),
  questionId: nullableId,
  position: (v) => (typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.position ? v : REFUSED),
  // Optional: absent (older ideas) reads as null, as ideaSchema's default.
  clusterId: (v) => (v === undefined ? null : nullableId(v)),
};

/**
 * An idea from its fields as `field` reads them (undefined: absent), or null when any field
 * breaks ideaSchema's rules. Fields are read in the schema's order, so the result's keys are
 * in the order zod's output has them (exports serialise it).
 */
export function checkIdeaFields(field: (name: IdeaField) => unknown): Idea | null {
  const out: Partial<Record<IdeaField, unknown>> = {};
  for (const name of IDEA_FIELDS) {
    const value = fastReaders[name](field(name));
    if (value === REFUSED) return null;
    out[name] = value;
  }
  return out as Idea;
}

const IDEA_FIELD_SET: ReadonlySet<string> = new Set(IDEA_FIELDS);

/** A plain object with no key ideaSchema's strict() would refuse (zod reads other objects differently). */
function isPlainIdeaRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) if (!IDEA_FIELD_SET.has(key)) return false;
  return true;
}

/**
 * A partial idea read from a document that may be mid-sync or written by an older client.
 * The hand-written check decides what it accepts; anything it refuses goes through zod,
 * which stays the authority (and the one with error detail), so a refusal is never the
 * fast check's alone.
 */
export function parseIdea(value: unknown): Idea | null {
  if (isPlainIdeaRecord(value)) {
    const fast = checkIdeaFields((name) => value[name]);
    if (fast) return fast;
  }
  const result = ideaSchema.safeParse(value);
  return result.success ? result.data : null;
}
