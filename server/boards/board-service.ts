import {
  ErrorCode,
  TEMPLATES,
  templatePolls,
  boardMap,
  defaultWorkshop,
  type ContributorType,
  type Step,
  createBoardRequestSchema,
  createSessionRequestSchema,
  randomId,
  type Beacon,
  type BoardSettings,
  type CreateBoardResponse,
  type Identity,
  type LinkInfo,
  type LinkInfoRequest,
  type Role,
  type SessionResponse,
} from '../../shared';
import type { BoardRecord, BoardStore } from '../store/board-store';
import { hashToken, newToken, sameHash } from '../core/tokens';
import type { RoomRegistry } from '../realtime/room-registry';
import { ServiceError } from '../core/errors';
import { SPACE } from '../core/record-spaces';
import type { SessionLookup } from '../core/sessions';
import { claimNewJoinCode } from './join-codes';
import { writeWorkshop } from './workshop-state';

/** What a person may say about themselves when they join; the role comes from elsewhere. */
export interface Profile {
  displayName?: string | null;
  contributorType?: ContributorType | null;
  organisation?: string | null;
}

/**
 * Boards and the sessions that open them. A board is born with three capability tokens
 * (facilitator, participant, observer); presenting one buys a personal session whose
 * identity the server binds to every connection that uses it.
 */
export class BoardService implements SessionLookup {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    /** config.sessionTtlMs: how long after it was issued a session is still accepted. */
    private readonly sessionTtlMs: number,
  ) {}

  /** Where new boards take their beacons from: the installation's (set once the coordinator part exists). */
  private defaultBeacons: () => Promise<Beacon[]> = () => Promise.resolve([]);
  useDefaultBeacons(source: () => Promise<Beacon[]>): void {
    this.defaultBeacons = source;
  }

  async createBoard(body: unknown, publicBase: string): Promise<CreateBoardResponse> {
    const parsed = createBoardRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const request = parsed.data;
    const template = TEMPLATES[request.template];
    const text = template.text[request.locale];
    const tokens = { facilitator: newToken(), participant: newToken(), observer: newToken() };
    const boardId = randomId(12);
    const settings: BoardSettings = {
      title: request.title ?? text.title,
      description: request.description ?? text.description,
      beacons: await this.defaultBeacons(),
      questions: text.questions.map((q, i) => ({ id: template.questionIds[i] ?? randomId(8), text: q })),
      focusQuestionId: template.questionIds[0] ?? null,
      call: null,
    };
    const record: BoardRecord = {
      id: boardId,
      createdAt: Date.now(),
      template: request.template,
      title: settings.title,
      tokenHashes: {
        facilitator: hashToken(tokens.facilitator),
        participant: hashToken(tokens.participant),
        observer: hashToken(tokens.observer),
      },
    };
    await this.store.createBoard(record);
    const joinCode = await claimNewJoinCode(this.store, boardId);
    await this.rooms.withRoom(boardId, async (room) => {
      await room.writeAsServer((doc) => {
        const map = boardMap(doc);
        for (const [key, value] of Object.entries(settings)) map.set(key, value);
        // Every workshop field is written, so clients never have to guess a default.
        const steps: Record<string, Step> = {};
        for (const question of settings.questions) steps[question.id] = 'write';
        writeWorkshop(doc, { ...defaultWorkshop(joinCode), steps });
      });
    });
    // The template's ready polls are drafts: in the store for facilitators, never in the
    // document (server/polls/draft-book.ts) until one opens.
    for (const poll of templatePolls(request.template, request.locale, record.createdAt)) {
      await this.store.putRecord(SPACE.pollDrafts(boardId), poll.id, JSON.stringify(poll));
    }
    const base = `${publicBase}/b/${boardId}`;
    return {
      boardId,
      title: settings.title,
      tokens,
      links: {
        facilitator: `${base}#k=${tokens.facilitator}`,
        participant: `${base}#k=${tokens.participant}`,
        observer: `${base}/screen#k=${tokens.observer}`,
      },
    };
  }

  async createSession(boardId: string, body: unknown): Promise<SessionResponse> {
    const parsed = createSessionRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const board = await this.requireBoard(boardId);
    const role = roleOfToken(board, parsed.data.token);
    if (!role) throw new ServiceError(ErrorCode.INVALID_TOKEN, 'This link is not valid for this board.', 403);
    return this.issueSession(board, role, parsed.data);
  }

  /** What a link opens (the board's title, the role), before anyone signs in with it: nothing is issued. */
  async describeLink(boardId: string, body: LinkInfoRequest): Promise<LinkInfo> {
    const board = await this.requireBoard(boardId);
    const role = roleOfToken(board, body.token);
    if (!role) throw new ServiceError(ErrorCode.INVALID_TOKEN, 'This link is not valid for this board.', 403);
    return { board: { id: board.id, title: await this.titleOf(board) }, role };
  }

  /** A participant session without a link: the caller (join by code) has checked the board's code. */
  async createParticipantSession(boardId: string, profile: Profile): Promise<SessionResponse> {
    return this.issueSession(await this.requireBoard(boardId), 'participant', profile);
  }

  private async issueSession(board: BoardRecord, role: Role, profile: Profile): Promise<SessionResponse> {
    const identity: Identity = {
      participantId: randomId(16),
      boardId: board.id,
      role,
      displayName: profile.displayName?.trim() || null,
      contributorType: profile.contributorType ?? null,
      organisation: profile.organisation?.trim() || null,
    };
    const sessionToken = newToken();
    await this.store.putSession(hashToken(sessionToken), { identity, createdAt: Date.now() });
    // The device opens the board next: its load starts now, while the device connects.
    this.rooms.warm(board.id);
    return { sessionToken, identity, board: { id: board.id, title: await this.titleOf(board) } };
  }

  /** The identity behind a session token, or null when it is unknown or expired. */
  async identify(sessionToken: unknown): Promise<Identity | null> {
    if (typeof sessionToken !== 'string' || sessionToken.length === 0 || sessionToken.length > 200) return null;
    const session = await this.store.getSession(hashToken(sessionToken));
    // Expired is answered exactly as unknown, here where REST, socket.io and the Yjs
    // endpoint all ask, so no path can forget the check or tell the two apart.
    if (!session || Date.now() - session.createdAt >= this.sessionTtlMs) return null;
    return session.identity;
  }

  async describeSession(boardId: string, sessionToken: unknown): Promise<Omit<SessionResponse, 'sessionToken'>> {
    const identity = await this.identify(sessionToken);
    if (!identity || identity.boardId !== boardId) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
    }
    const board = await this.requireBoard(boardId);
    return { identity, board: { id: boardId, title: await this.titleOf(board) } };
  }

  async requireBoard(boardId: string): Promise<BoardRecord> {
    const board = /^[A-Za-z0-9_-]{6,64}$/.test(boardId) ? await this.store.getBoard(boardId) : null;
    if (!board) throw new ServiceError(ErrorCode.BOARD_NOT_FOUND, 'There is no such board.', 404);
    return board;
  }

  private async titleOf(board: BoardRecord): Promise<string> {
    const loaded = this.rooms.peek(board.id);
    const title = loaded ? boardMap(loaded.doc).get('title') : undefined;
    return typeof title === 'string' ? title : board.title;
  }
}

function roleOfToken(board: BoardRecord, token: string): Role | null {
  const hash = hashToken(token);
  for (const role of ['facilitator', 'participant', 'observer'] as const) {
    if (sameHash(board.tokenHashes[role], hash)) return role;
  }
  return null;
}
