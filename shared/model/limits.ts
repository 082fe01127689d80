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
} as const;
