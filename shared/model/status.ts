import { z } from 'zod';
import { LIMITS } from './limits';
import { actorSchema } from './moderation';

/**
 * What became of an idea (issue 5): set by facilitators, seen by everyone. An idea with no
 * entry in the root map `statuses` is 'new'.
 */
export const IDEA_STATUSES = ['new', 'considering', 'selected', 'started', 'realised', 'not-taken-forward'] as const;
export const ideaStatusSchema = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof ideaStatusSchema>;

export const statusChangeSchema = z
  .object({
    status: ideaStatusSchema,
    /** Public: why (required for 'not-taken-forward'). */
    rationale: z.string().max(LIMITS.rationale).nullable(),
    at: z.number().int().nonnegative(),
    by: actorSchema,
  })
  .strict();
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** Root map `statuses`, under the idea id: the current status and every change, oldest first. */
export const ideaStatusRecordSchema = z
  .object({ current: statusChangeSchema, history: z.array(statusChangeSchema) })
  .strict();
export type IdeaStatusRecord = z.infer<typeof ideaStatusRecordSchema>;
