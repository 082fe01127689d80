import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { contributorTypeSchema, phaseSchema, principleSchema, trackSchema } from './taxonomy';

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

/** A partial idea read from a document that may be mid-sync or written by an older client. */
export function parseIdea(value: unknown): Idea | null {
  const result = ideaSchema.safeParse(value);
  return result.success ? result.data : null;
}
