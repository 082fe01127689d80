/**
 * Limits enforced by the server and mirrored by the client's forms. Changing one is a
 * protocol change: third-party clients read them from docs/PROTOCOL.md.
 */
export const LIMITS = {
  ideaText: 1000,
  displayName: 60,
  organisation: 120,
  boardTitle: 120,
  boardDescription: 2000,
  questionText: 300,
  questionsPerBoard: 20,
  beaconName: 80,
  beaconsPerBoard: 12,
  beaconsPerIdea: 12,
  /** Fractional-index strings; generous but bounded. */
  position: 64,
  /** One y-websocket frame (sync step 2 of a long-offline client included). */
  messageBytes: 8 * 1024 * 1024,
  /** One encoded awareness state. */
  awarenessBytes: 4 * 1024,
  ideasPerBoard: 25_000,
  /** socket.io payloads (maxHttpBufferSize). */
  eventBytes: 256 * 1024,
  /** Live workshops (shared/model/workshop.ts). */
  clusterName: 80,
  clustersPerBoard: 200,
  /** Ideas folded into one target by a single idea:merge. */
  mergeSources: 50,
  /** Dot voting: votes per person (per question) and per idea, both configurable up to this. */
  votesMax: 50,
  /** Longest workshop timer: 24 hours. */
  timerMs: 24 * 60 * 60 * 1000,
  /** Public calls and moderation (shared/model/moderation.ts). */
  commentText: 500,
  commentsPerIdea: 200,
  /** A rejection, hiding or report reason. */
  reason: 300,
  email: 254,
  /** Queue items decided by one moderation:decide. */
  bulkDecisions: 100,
  /** Audit entries returned by one audit:list. */
  auditPage: 500,
  /** A status change's public rationale. */
  rationale: 1000,
  /** Initiatives (shared/model/initiative.ts). */
  initiativeTitle: 200,
  initiativeDescription: 2000,
  ideasPerInitiative: 200,
  initiativesPerBoard: 500,
  url: 2000,
} as const;
