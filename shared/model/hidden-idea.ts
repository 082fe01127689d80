import { z } from 'zod';
import { ideaSchema } from './idea';
import { actorSchema, commentSchema, reactionSchema } from './moderation';
import { ideaStatusRecordSchema } from './status';
import { ideaHistorySchema } from './workshop';

/**
 * What belonged to an idea in the document when a moderator hid it. Hidden means hidden:
 * all of it leaves the document with the idea (a late joiner's copy holds none of it) and
 * is kept here, for facilitators and for the restore that puts it back.
 * Records made before traces were kept have none (`traces` absent).
 */
export const hiddenTracesSchema = z
  .object({
    /** The idea's merge history (`history[ideaId]`): the texts and authors merged into it. */
    history: ideaHistorySchema.nullable(),
    /** Its published comments, oldest first. */
    comments: z.array(commentSchema),
    /** Its status record (`statuses[ideaId]`), with the public rationale and its history. */
    status: ideaStatusRecordSchema.nullable(),
    /** Who reacted how. */
    reactions: z.array(z.object({ reaction: reactionSchema, participantId: z.string().min(1).max(200) }).strict()),
  })
  .strict();
export type HiddenTraces = z.infer<typeof hiddenTracesSchema>;

/** An idea a facilitator hid: out of the document, kept for facilitators and for restore. */
export const hiddenIdeaSchema = z
  .object({
    idea: ideaSchema,
    reason: z.string(),
    hiddenBy: actorSchema,
    hiddenAt: z.number().int().nonnegative(),
    traces: hiddenTracesSchema.optional(),
  })
  .strict();
export type HiddenIdea = z.infer<typeof hiddenIdeaSchema>;
