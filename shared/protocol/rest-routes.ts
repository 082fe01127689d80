import type { Beacon } from '../model/board';
import { contributionRequestSchema } from '../model/moderation';
import type { ContributionReceipt, PublicCallInfo, ReceiptView } from './moderation-commands';
import { coordinatorSessionRequestSchema, installationBeaconsSchema, newRoundRequestSchema, overviewExportQuerySchema, overviewQuerySchema, type Overview } from './overview';
import type { PersonDeleteResult, PersonExport } from './personal-data';
import { surveyAnswerRequestSchema, type SurveyAnswerResult, type SurveyView } from './polls';
import {
  createBoardRequestSchema,
  createSessionRequestSchema,
  joinByCodeRequestSchema,
  linkInfoRequestSchema,
  type CreateBoardResponse,
  type HealthResponse,
  type JoinCodeInfo,
  type LinkInfo,
  type SessionResponse,
} from './rest';
import { auditCsvQuerySchema, overviewCsvQuerySchema } from './rest-queries';
import { bare, file, html, json, type RouteSpec } from './rest-table';
import {
  callSimilarRequestSchema,
  dismissDuplicateRequestSchema,
  duplicatesQuerySchema,
  overviewThemesQuerySchema,
  similarRequestSchema,
  similarToIdeaQuerySchema,
  themesQuerySchema,
  type CallSimilarResponse,
  type DuplicatesResponse,
  type OverviewThemesResponse,
  type SimilarResponse,
  type ThemesResponse,
} from './sensemaking';
import type { SiteInfo } from './site';

/**
 * Every REST route of the server, once: the server mounts each with its handler
 * (server/core/http.ts `mountRoutes`), the web client calls each by name (client/rest/api.ts),
 * and test/unit/rest-table.test.ts checks docs/PROTOCOL.md's route index against it.
 * Bodies and queries are validated with these schemas at the server's edge.
 */
export const REST_ROUTES = {
  // Boards and sessions (PROTOCOL.md §4)
  createBoard: { method: 'POST', path: '/api/boards', auth: 'anyone', body: createBoardRequestSchema, answer: json<CreateBoardResponse>(), status: 201, limit: 'boardsPerIp' },
  createSession: { method: 'POST', path: '/api/boards/:boardId/sessions', auth: 'board token', body: createSessionRequestSchema, answer: json<SessionResponse>(), status: 201, limit: 'sessionsPerIp' },
  checkSession: { method: 'GET', path: '/api/boards/:boardId/session', auth: 'board session', answer: json<Omit<SessionResponse, 'sessionToken'>>(), status: 200 },
  linkInfo: { method: 'POST', path: '/api/boards/:boardId/link', auth: 'board token', body: linkInfoRequestSchema, answer: json<LinkInfo>(), status: 200, cache: 'no-store', limit: 'sessionsPerIp' },
  joinCodeInfo: { method: 'GET', path: '/api/join/:code', auth: 'join code', answer: json<JoinCodeInfo>(), status: 200 },
  joinByCode: { method: 'POST', path: '/api/join', auth: 'join code', body: joinByCodeRequestSchema, answer: json<SessionResponse>(), status: 201 },
  // Exports and restore (§4 "Exports"); the export's query is checked by the export service.
  exportBoard: { method: 'GET', path: '/api/boards/:boardId/export/:format', auth: 'facilitator', answer: file, status: 200, cache: 'no-store' },
  restoreBoard: { method: 'POST', path: '/api/boards/restore', auth: 'anyone', body: 'raw', answer: json<CreateBoardResponse>(), status: 201, limit: 'restoresPerIp' },
  // Health and the site
  liveness: { method: 'GET', path: '/healthz', auth: 'anyone', answer: bare<HealthResponse>(), status: 200 },
  readiness: { method: 'GET', path: '/readyz', auth: 'anyone', answer: bare<HealthResponse>(), status: 200 },
  site: { method: 'GET', path: '/api/site', auth: 'anyone', answer: json<SiteInfo>(), status: 200, cache: 'no-cache' },
  callManifest: { method: 'GET', path: '/c/:callId/manifest.webmanifest', auth: 'call link', answer: file, status: 200, cache: 'no-cache' },
  // Public calls and moderation (§13)
  callInfo: { method: 'GET', path: '/api/calls/:callId', auth: 'call link', answer: json<PublicCallInfo>(), status: 200, cache: 'no-store' },
  contribute: { method: 'POST', path: '/api/calls/:callId/contributions', auth: 'call link', body: contributionRequestSchema, answer: json<ContributionReceipt>(), status: [201, 200] },
  receipt: { method: 'GET', path: '/api/receipts/:code', auth: 'receipt code', answer: json<ReceiptView>(), status: 200, cache: 'no-store' },
  auditCsv: { method: 'GET', path: '/api/boards/:boardId/audit.csv', auth: 'facilitator', query: auditCsvQuerySchema, answer: file, status: 200, cache: 'no-store' },
  // Outcomes and the coordinator (§14)
  startRound: { method: 'POST', path: '/api/boards/:boardId/rounds', auth: 'facilitator', body: newRoundRequestSchema, answer: json<CreateBoardResponse & { carried: number }>(), status: 201 },
  coordinatorSession: { method: 'POST', path: '/api/coordinator/sessions', auth: 'coordinator link', body: coordinatorSessionRequestSchema, answer: json<{ sessionToken: string }>(), status: 201, limit: 'sessionsPerIp' },
  rotateCoordinatorLink: { method: 'POST', path: '/api/coordinator/rotate', auth: 'coordinator', answer: json<{ link: string; token: string }>(), status: 200 },
  endCoordinatorSession: { method: 'DELETE', path: '/api/coordinator/sessions', auth: 'coordinator', answer: json<{ signedOut: true }>(), status: 200 },
  overview: { method: 'GET', path: '/api/overview', auth: 'coordinator', query: overviewQuerySchema, answer: json<Overview>(), status: 200, cache: 'no-store' },
  overviewCsv: { method: 'GET', path: '/api/overview/export.csv', auth: 'coordinator', query: overviewCsvQuerySchema, answer: file, status: 200, cache: 'no-store' },
  overviewXlsx: { method: 'GET', path: '/api/overview/export.xlsx', auth: 'coordinator', query: overviewExportQuerySchema, answer: file, status: 200, cache: 'no-store' },
  installationBeacons: { method: 'GET', path: '/api/installation/beacons', auth: 'anyone', answer: json<{ beacons: Beacon[] }>(), status: 200 },
  setInstallationBeacons: { method: 'PUT', path: '/api/installation/beacons', auth: 'coordinator', body: installationBeaconsSchema, answer: json<{ beacons: Beacon[] }>(), status: 200 },
  // Sensemaking (§17)
  similar: { method: 'POST', path: '/api/boards/:boardId/similar', auth: 'board session', body: similarRequestSchema, answer: json<SimilarResponse>(), status: 200, cache: 'no-store' },
  similarToIdea: { method: 'GET', path: '/api/boards/:boardId/ideas/:ideaId/similar', auth: 'board session', query: similarToIdeaQuerySchema, answer: json<SimilarResponse>(), status: 200, cache: 'no-store' },
  themes: { method: 'GET', path: '/api/boards/:boardId/themes', auth: 'facilitator', query: themesQuerySchema, answer: json<ThemesResponse>(), status: 200, cache: 'no-store' },
  duplicates: { method: 'GET', path: '/api/boards/:boardId/duplicates', auth: 'facilitator', query: duplicatesQuerySchema, answer: json<DuplicatesResponse>(), status: 200, cache: 'no-store' },
  dismissDuplicate: { method: 'POST', path: '/api/boards/:boardId/duplicates/dismiss', auth: 'facilitator', body: dismissDuplicateRequestSchema, answer: json<{ dismissed: [string, string] }>(), status: 200, cache: 'no-store' },
  overviewThemes: { method: 'GET', path: '/api/overview/themes', auth: 'coordinator', query: overviewThemesQuerySchema, answer: json<OverviewThemesResponse>(), status: 200, cache: 'no-store' },
  callSimilar: { method: 'POST', path: '/api/calls/:callId/similar', auth: 'call link', body: callSimilarRequestSchema, answer: json<CallSimilarResponse>(), status: 200, cache: 'no-store' },
  // Polls: the public call's survey (§18)
  // no-store: the answer holds the asking device's own answers.
  survey: { method: 'GET', path: '/api/calls/:callId/survey', auth: 'call link', answer: json<SurveyView>(), status: 200, cache: 'no-store' },
  answerSurvey: { method: 'POST', path: '/api/calls/:callId/survey', auth: 'call link', body: surveyAnswerRequestSchema, answer: json<SurveyAnswerResult>(), status: 201 },
  // Personal data and mail (§19)
  myData: { method: 'GET', path: '/api/receipts/:code/personal-data', auth: 'receipt code', answer: json<PersonExport>(), status: 200, cache: 'no-store', limit: 'receiptLookupsPerIp' },
  deleteMyData: { method: 'DELETE', path: '/api/receipts/:code/personal-data', auth: 'receipt code', answer: json<PersonDeleteResult>(), status: 200, limit: 'receiptLookupsPerIp' },
  unsubscribe: { method: 'POST', path: '/api/mail/unsubscribe', auth: 'mail token', answer: json<{ locale: 'da' | 'en' }>(), status: 200 },
  unsubscribePage: { method: 'GET', path: '/api/mail/unsubscribe', auth: 'mail token', answer: html, status: 200, cache: 'no-store' },
} as const satisfies Record<string, RouteSpec>;

export type RestRoutes = typeof REST_ROUTES;
export type RouteName = keyof RestRoutes;
