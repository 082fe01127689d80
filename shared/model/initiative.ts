import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { actorSchema } from './moderation';
import { phaseSchema } from './taxonomy';

/**
 * What ideas led to (issue 5): a small initiative or a flagship, new or building on an
 * existing one, owned by a unit of the municipality and tied to the vision's beacons. Root
 * map `initiatives`, under the initiative's id; written only by the server.
 */
export const INITIATIVE_SCALES = ['small', 'flagship'] as const;
export const INITIATIVE_KINDS = ['new', 'existing'] as const;

export const initiativeFieldsSchema = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.initiativeTitle),
    description: z.string().max(LIMITS.initiativeDescription).default(''),
    scale: z.enum(INITIATIVE_SCALES),
    kind: z.enum(INITIATIVE_KINDS),
    /** The unit (forvaltning, afdeling, udvalg) that carries it. */
    responsibleUnit: z.string().trim().max(LIMITS.organisation).nullable().default(null),
    /** Beacon ids of the board (pejlemærker). */
    beacons: z.array(idSchema).max(LIMITS.beaconsPerIdea).default([]),
    targetPhase: phaseSchema.nullable().default(null),
    /** The agenda item or decision (a URL), when there is one. */
    decisionLink: z
      .string()
      .trim()
      .url()
      .max(LIMITS.url)
      // Shown as a link to everyone: only web addresses, never javascript: or data:.
      .refine((url) => /^https?:\/\//i.test(url), 'Only http(s) links.')
      .nullable()
      .default(null),
    /** The ideas it came from: several ideas can feed one initiative. */
    ideaIds: z.array(idSchema).max(LIMITS.ideasPerInitiative).default([]),
  })
  .strict();
export type InitiativeFields = z.infer<typeof initiativeFieldsSchema>;

export const initiativeSchema = initiativeFieldsSchema
  .extend({
    id: idSchema,
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    updatedBy: actorSchema,
  })
  .strict();
export type Initiative = z.infer<typeof initiativeSchema>;
