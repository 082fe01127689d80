import { z } from 'zod';
import { idSchema } from '../model/ids';
import { contributorTypeSchema, roleSchema } from '../model/taxonomy';

/**
 * Presence over Yjs awareness. A client may set `editing` (the idea it has open); the
 * server overwrites `user` with the identity bound to the connection, so names and roles
 * in presence cannot be spoofed. One awareness client id per connection.
 */
export const awarenessUserSchema = z.object({
  participantId: idSchema,
  name: z.string().nullable(),
  role: roleSchema,
  contributorType: contributorTypeSchema.nullable(),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

export const awarenessStateSchema = z
  .object({
    user: awarenessUserSchema.optional(),
    editing: idSchema.nullable().optional(),
  })
  .strict();
export type AwarenessState = z.infer<typeof awarenessStateSchema>;
