import { z } from 'zod';

/**
 * The vision process's fixed structure (see ../shared/BRIEF.md). Labels live in the
 * client's translations; the wire carries only these stable values.
 */
export const PHASES = [1, 2, 3] as const;
export type Phase = (typeof PHASES)[number];
export const phaseSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const PRINCIPLES = [1, 2, 3] as const;
export type Principle = (typeof PRINCIPLES)[number];
export const principleSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const TRACKS = ['political', 'outward', 'inward'] as const;
export type Track = (typeof TRACKS)[number];
export const trackSchema = z.enum(TRACKS);

export const CONTRIBUTOR_TYPES = [
  'council',
  'association',
  'business',
  'citizen',
  'staff',
  'politician',
  'other',
] as const;
export type ContributorType = (typeof CONTRIBUTOR_TYPES)[number];
export const contributorTypeSchema = z.enum(CONTRIBUTOR_TYPES);

/** What a capability link grants. */
export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** The ways a board can group its ideas. */
export const GROUPINGS = ['phase-principle', 'track', 'question'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const groupingSchema = z.enum(GROUPINGS);
