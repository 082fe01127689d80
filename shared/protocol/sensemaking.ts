import { z } from 'zod';
import { idSchema } from '../model/ids';
import { LIMITS } from '../model/limits';

/**
 * Sensemaking over REST (docs/PROTOCOL.md "Sensemaking"): similar ideas while writing,
 * possible duplicates and theme suggestions. Every answer holds only ideas the caller may
 * see: the board document's ideas, never silent, pending or hidden ones.
 */

const queryText = z.string().trim().min(1).max(LIMITS.ideaText);

/** POST /api/boards/:boardId/similar (a board session). */
export const similarRequestSchema = z
  .object({
    text: queryText,
    /** Only ideas answering this question (null: ideas answering none); absent: all. */
    questionId: idSchema.nullable().optional(),
    limit: z.number().int().min(1).max(20).default(3),
  })
  .strict();
export type SimilarRequest = z.input<typeof similarRequestSchema>;

/** GET /api/boards/:boardId/ideas/:ideaId/similar?limit=k */
export const similarToIdeaQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(20).default(3) })
  .strict();

export interface SimilarSuggestion {
  ideaId: string;
  /** Cosine similarity, 0–1. */
  score: number;
}
export interface SimilarResponse {
  suggestions: SimilarSuggestion[];
}

/** POST /api/calls/:callId/similar (no session: the public call's form). */
export const callSimilarRequestSchema = z.object({ text: queryText }).strict();
export interface CallSimilarResponse {
  suggestions: { ideaId: string; text: string; score: number }[];
}

/** GET /api/boards/:boardId/themes?questionId=… (facilitators). */
export const themesQuerySchema = z.object({ questionId: idSchema.optional() }).strict();
export interface ThemeSuggestion {
  /** Two or three distinctive words as people wrote them, joined by " · ". */
  label: string;
  ideaIds: string[];
  /** Two or three of the theme's ideas, verbatim. */
  quotes: { ideaId: string; text: string }[];
}
export interface ThemesResponse {
  themes: ThemeSuggestion[];
  /** Why the list is empty when it is not for lack of themes: fewer than 5 visible ideas. */
  reason: 'TOO_FEW_IDEAS' | null;
}

/** GET /api/boards/:boardId/duplicates?questionId=… (facilitators). */
export const duplicatesQuerySchema = z.object({ questionId: idSchema.optional() }).strict();
export interface DuplicatePair {
  ideaIds: [string, string];
  score: number;
}
export interface DuplicatesResponse {
  pairs: DuplicatePair[];
}

/** POST /api/boards/:boardId/duplicates/dismiss (facilitators): "not duplicates", remembered. */
export const dismissDuplicateRequestSchema = z.object({ ideaIds: z.tuple([idSchema, idSchema]) }).strict();

/** GET /api/overview/themes?boardId=… (the coordinator): themes across every board. */
export const overviewThemesQuerySchema = z.object({ boardId: idSchema.optional() }).strict();
export interface OverviewTheme {
  label: string;
  /** How many of the theme's ideas each board holds, most first. */
  boards: { boardId: string; boardTitle: string; count: number }[];
  /** Every idea of the theme, for the drill-down. */
  ideas: { boardId: string; ideaId: string; text: string }[];
  quotes: { boardId: string; ideaId: string; text: string }[];
}
export interface OverviewThemesResponse {
  themes: OverviewTheme[];
  reason: 'TOO_FEW_IDEAS' | null;
  /** Ideas considered (the newest OVERVIEW_THEME_IDEAS when there are more). */
  ideaCount: number;
  truncated: boolean;
}
/** Themes across boards look at this many ideas at most, the newest first. */
export const OVERVIEW_THEME_IDEAS = 5000;
