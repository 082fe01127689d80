import { z } from 'zod';
import { beaconSchema } from '../model/board';
import { idSchema } from '../model/ids';
import type { Idea } from '../model/idea';
import { LIMITS } from '../model/limits';
import { ideaStatusSchema, type IdeaStatus } from '../model/status';
import { contributorTypeSchema, phaseSchema, principleSchema, trackSchema } from '../model/taxonomy';
import { localeSchema } from '../model/templates';

/**
 * The coordinator's overview across every board of the installation (docs/PROTOCOL.md
 * "Coordinator and overview"). REST, with a coordinator session as Bearer token.
 */

/** POST /api/coordinator/sessions */
export const coordinatorSessionRequestSchema = z.object({ token: z.string().min(1).max(200) }).strict();

/** Query of GET /api/overview (strings in the URL, numbers after parsing). */
export const overviewQuerySchema = z
  .object({
    /** ms since epoch: also report what changed since then (new ideas, status changes, initiatives). */
    since: z.coerce.number().int().nonnegative().optional(),
    boardId: idSchema.optional(),
    // 'none': ideas where the field is not set (not placed, no track, no beacon…).
    phase: z.literal('none').or(z.coerce.number().pipe(phaseSchema)).optional(),
    principle: z.literal('none').or(z.coerce.number().pipe(principleSchema)).optional(),
    track: z.literal('none').or(trackSchema).optional(),
    status: ideaStatusSchema.optional(),
    contributorType: z.literal('none').or(contributorTypeSchema).optional(),
    /** A beacon's name (beacon ids are per board; names are what the committee reads), or 'none'. */
    beacon: z.string().max(LIMITS.beaconName).optional(),
  })
  .strict();
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

/**
 * GET /api/overview/export.xlsx (and, with `sep`, export.csv): the overview's filters and the
 * language of headings and labels, `lang` as in the board exports (the coordinator reads
 * Danish by default; the page sends its own language).
 */
export const overviewExportQuerySchema = overviewQuerySchema.extend({ lang: localeSchema.default('da') }).strict();
export type OverviewExportQuery = z.infer<typeof overviewExportQuerySchema>;

export interface OverviewBoard {
  boardId: string;
  title: string;
  template: string;
  createdAt: number;
  ideaCount: number;
  /**
   * The board's public call as its window only (never its link, which is the facilitators'
   * to hand out): whether it takes contributions now and when it opens and closes. null: the
   * board has no call, or it is switched off.
   */
  call: OverviewCall | null;
  /** Items waiting in the board's moderation queue (contributions, comments, reports): a count, never what they say. */
  pending: number;
}

export interface OverviewCall {
  state: 'open' | 'not-yet-open' | 'closed';
  /** ms since epoch; null: open from when it was switched on / never closes. */
  opensAt: number | null;
  closesAt: number | null;
}

/** One idea as the overview lists it: where it is, and what became of it. */
export interface OverviewIdea extends Idea {
  boardId: string;
  boardTitle: string;
  status: IdeaStatus;
  statusRationale: string | null;
  statusChangedAt: number | null;
  /** Beacon names (resolved on the idea's board). */
  beaconNames: string[];
  /** Titles of the initiatives the idea feeds. */
  initiatives: string[];
}

/** Counts of the (filtered) ideas; keys are the wire values, 'none' where a field is empty. */
export interface OverviewCounts {
  total: number;
  /** `${phase}:${principle}`, e.g. "1:2", "none:3". */
  phasePrinciple: Record<string, number>;
  track: Record<string, number>;
  beacon: Record<string, number>;
  status: Record<string, number>;
  contributorType: Record<string, number>;
}

export interface OverviewChange {
  kind: 'idea-added' | 'status-changed' | 'initiative-saved';
  at: number;
  boardId: string;
  boardTitle: string;
  /** The idea's or initiative's id. */
  id: string;
  /** The idea's text or the initiative's title. */
  text: string;
  /** For status changes: the new status and its rationale. */
  status: IdeaStatus | null;
  rationale: string | null;
  by: string | null;
}

export interface Overview {
  generatedAt: number;
  boards: OverviewBoard[];
  counts: OverviewCounts;
  ideas: OverviewIdea[];
  /** Present when `since` was given: newest first. */
  changes: OverviewChange[] | null;
}

/** PUT /api/installation/beacons: the installation's beacons; new boards start with them. */
export const installationBeaconsSchema = z.object({ beacons: z.array(beaconSchema).max(LIMITS.beaconsPerBoard) }).strict();

/** POST /api/boards/:boardId/rounds: a new board carrying chosen ideas of this one. */
export const newRoundRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.boardTitle).optional(),
    /** Carry the ideas with these statuses (default: selected). */
    statuses: z.array(ideaStatusSchema).max(6).optional(),
    /** Or exactly these ideas (overrides statuses). */
    ideaIds: z.array(idSchema).max(LIMITS.ideasPerBoard).optional(),
  })
  .strict();
export type NewRoundRequest = z.input<typeof newRoundRequestSchema>;

/** Root map `origins` of a board started as a new round: idea id → where it came from. */
export const ideaOriginSchema = z
  .object({ boardId: idSchema, boardTitle: z.string(), ideaId: idSchema, status: ideaStatusSchema })
  .strict();
export type IdeaOrigin = z.infer<typeof ideaOriginSchema>;

/** Counts of overview ideas, as GET /api/overview reports them; the coordinator page recounts with it too. */
export function countOverviewIdeas(ideas: readonly OverviewIdea[]): OverviewCounts {
  const counts: OverviewCounts = { total: ideas.length, phasePrinciple: {}, track: {}, beacon: {}, status: {}, contributorType: {} };
  const bump = (bucket: Record<string, number>, key: string) => {
    bucket[key] = (bucket[key] ?? 0) + 1;
  };
  for (const idea of ideas) {
    bump(counts.phasePrinciple, `${idea.phase ?? 'none'}:${idea.principle ?? 'none'}`);
    bump(counts.track, idea.track ?? 'none');
    bump(counts.status, idea.status);
    bump(counts.contributorType, idea.contributorType ?? 'none');
    if (idea.beaconNames.length === 0) bump(counts.beacon, 'none');
    for (const name of new Set(idea.beaconNames)) bump(counts.beacon, name);
  }
  return counts;
}
