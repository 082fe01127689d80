import { z } from 'zod';
import { LIMITS } from '../model/limits';
import { contributorTypeSchema, roleSchema } from '../model/taxonomy';
import { localeSchema, templateIdSchema } from '../model/templates';
import { idSchema } from '../model/ids';

/** POST /api/boards */
export const createBoardRequestSchema = z
  .object({
    template: templateIdSchema.default('blank'),
    locale: localeSchema.default('da'),
    /** Defaults to the template's title. */
    title: z.string().trim().min(1).max(LIMITS.boardTitle).optional(),
    description: z.string().max(LIMITS.boardDescription).optional(),
  })
  .strict();
export type CreateBoardRequest = z.input<typeof createBoardRequestSchema>;

export interface BoardLinks {
  facilitator: string;
  participant: string;
  observer: string;
}

export interface CreateBoardResponse {
  boardId: string;
  title: string;
  /** Full URLs (PUBLIC_URL based) that carry the capability token in their fragment. */
  links: BoardLinks;
  /** The raw capability tokens, for clients that build their own links. Shown once; stored hashed. */
  tokens: BoardLinks;
}

/** POST /api/boards/:boardId/sessions — trade a capability token for a personal session. */
export const createSessionRequestSchema = z
  .object({
    token: z.string().min(1).max(200),
    /** null or absent: anonymous. */
    displayName: z.string().trim().max(LIMITS.displayName).nullable().optional(),
    contributorType: contributorTypeSchema.nullable().optional(),
    organisation: z.string().trim().max(LIMITS.organisation).nullable().optional(),
  })
  .strict();
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;

/** POST /api/boards/:boardId/link — what a board link opens, before anyone signs in with it. */
export const linkInfoRequestSchema = z.object({ token: z.string().min(1).max(200) }).strict();
export type LinkInfoRequest = z.input<typeof linkInfoRequestSchema>;

/** The board a link opens and the role it gives: the join page names the board it joins. */
export interface LinkInfo {
  board: { id: string; title: string };
  role: z.infer<typeof roleSchema>;
}

/** POST /api/join — become a participant of the board whose join code this is. */
export const joinByCodeRequestSchema = z
  .object({
    /** As typed: case, spaces and dashes do not matter (normalizeJoinCode). */
    code: z.string().min(1).max(32),
    displayName: z.string().trim().max(LIMITS.displayName).nullable().optional(),
    contributorType: contributorTypeSchema.nullable().optional(),
    organisation: z.string().trim().max(LIMITS.organisation).nullable().optional(),
  })
  .strict();
export type JoinByCodeRequest = z.input<typeof joinByCodeRequestSchema>;

/** GET /api/join/:code — what the join page shows before anyone types a name. */
export interface JoinCodeInfo {
  /** The code, normalised. */
  code: string;
  title: string;
  /** False while the facilitator has closed joining (POST /api/join then answers JOIN_CLOSED). */
  open: boolean;
}

export const identitySchema = z.object({
  participantId: idSchema,
  boardId: idSchema,
  role: roleSchema,
  displayName: z.string().nullable(),
  contributorType: contributorTypeSchema.nullable(),
  organisation: z.string().nullable(),
});
/** Who a session is: bound by the server to every connection that presents the session. */
export type Identity = z.infer<typeof identitySchema>;

export interface SessionResponse {
  /** Secret; send as `?session=` on the Yjs socket, `auth.session` on socket.io, `Authorization: Bearer` on REST. */
  sessionToken: string;
  identity: Identity;
  board: { id: string; title: string };
}

export interface HealthResponse {
  status: 'ok' | 'unavailable';
  store: 'embedded' | 'redis';
  protocolVersion: number;
}
