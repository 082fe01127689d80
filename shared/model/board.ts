import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { publicCallSchema } from './moderation';

export const beaconSchema = z
  .object({ id: idSchema, name: z.string().trim().min(1).max(LIMITS.beaconName) })
  .strict();
export type Beacon = z.infer<typeof beaconSchema>;

export const questionSchema = z
  .object({ id: idSchema, text: z.string().trim().min(1).max(LIMITS.questionText) })
  .strict();
export type Question = z.infer<typeof questionSchema>;

/**
 * Board settings, stored in the board document's root map `board`. Only the server writes
 * there (facilitators change settings through the `board:updateSettings` command), so a
 * participant can never rewrite the taxonomy.
 */
export const boardSettingsFieldSchemas = {
  title: z.string().trim().min(1).max(LIMITS.boardTitle),
  description: z.string().max(LIMITS.boardDescription),
  beacons: z.array(beaconSchema).max(LIMITS.beaconsPerBoard),
  questions: z.array(questionSchema).max(LIMITS.questionsPerBoard),
  /** The question the room is working on; new ideas default to it. */
  focusQuestionId: idSchema.nullable(),
  /**
   * The public call (null: none). Boards made before public calls have no such key, so it
   * reads as null; changed only through `call:configure`, never through a settings patch.
   */
  call: publicCallSchema.nullable().default(null),
} as const;

export const boardSettingsSchema = z.object(boardSettingsFieldSchemas).strict();
export type BoardSettings = z.infer<typeof boardSettingsSchema>;

export const boardSettingsPatchSchema = boardSettingsSchema.omit({ call: true }).partial().strict();
export type BoardSettingsPatch = z.infer<typeof boardSettingsPatchSchema>;
