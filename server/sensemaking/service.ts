import type * as Y from 'yjs';
import {
  ErrorCode,
  callSimilarRequestSchema,
  dismissDuplicateRequestSchema,
  duplicatesQuerySchema,
  similarRequestSchema,
  similarToIdeaQuerySchema,
  themesQuerySchema,
  OVERVIEW_THEME_IDEAS,
  overviewThemesQuerySchema,
  readBoardSettings,
  type CallSimilarResponse,
  type OverviewThemesResponse,
  type DuplicatesResponse,
  type Identity,
  type SimilarResponse,
  type ThemesResponse,
} from '../../shared';
import { ServiceError } from '../core/errors';
import type { BoardStore } from '../store/board-store';
import { BoardSense, pairKey } from './board-sense';
import type { TextEmbedder } from './embedder';
import { ThemeRunner } from './theme-runner';

/**
 * The sensemaking capability: one BoardSense per loaded board (made as the board loads,
 * dropped with its document), answering similar-idea, duplicate and theme requests. It
 * reads only the board's Yjs document, which holds nothing a participant may not see.
 */

/** What the capability needs from the rest of the server, given at construction. */
export interface SensemakingDeps {
  store: Pick<BoardStore, 'listRecords' | 'putRecord'>;
  /** Runs `use` with a board's loaded document (held while it runs). */
  withBoardDoc<T>(boardId: string, use: (doc: Y.Doc) => Promise<T>): Promise<T>;
  /** Runs `use` with the board behind an open public call's link; refuses a closed call. */
  withCallDoc<T>(callId: string, use: (doc: Y.Doc) => Promise<T>): Promise<T>;
  /** Every board of the installation (for the coordinator's themes across boards). */
  listBoards(): Promise<string[]>;
  /** Counts one use of the public call's similar endpoint; throws RATE_LIMITED when spent. */
  limitCallSimilar(ip: string): Promise<void>;
  embedder?: TextEmbedder | null;
}

/** Records of pairs a facilitator marked "not duplicates": key `a|b`. */
const dismissedSpace = (boardId: string) => `sensedismissed:${boardId}`;
const DUPLICATE_PAIRS = 50;

export class Sensemaking {
  private readonly senses = new WeakMap<Y.Doc, BoardSense>();
  private readonly themes = new ThemeRunner();

  constructor(private readonly deps: SensemakingDeps) {}

  /** Index a board as it loads (a room load hook calls this). */
  attach(doc: Y.Doc): BoardSense {
    let sense = this.senses.get(doc);
    if (!sense) {
      const made = new BoardSense(doc, 'da', this.deps.embedder ?? null);
      doc.on('destroy', () => made.close());
      this.senses.set(doc, made);
      sense = made;
    }
    return sense;
  }

  async close(): Promise<void> {
    await this.themes.close();
  }

  similar(identity: Identity, boardId: string, body: unknown): Promise<SimilarResponse> {
    requireBoard(identity, boardId);
    const parsed = similarRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const { text, questionId, limit } = parsed.data;
    return this.deps.withBoardDoc(boardId, async (doc) => {
      const hits = await this.attach(doc).similarToTextBlended(text, limit, questionId);
      return { suggestions: hits.map((hit) => ({ ideaId: hit.id, score: round(hit.score) })) };
    });
  }

  similarToIdea(identity: Identity, boardId: string, ideaId: string, query: unknown): Promise<SimilarResponse> {
    requireBoard(identity, boardId);
    const parsed = similarToIdeaQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error, 'query');
    return this.deps.withBoardDoc(boardId, async (doc) => {
      const sense = this.attach(doc);
      // Unknown and not visible answer alike: nobody learns whether a hidden idea exists.
      if (!sense.visible(ideaId)) throw new ServiceError(ErrorCode.NOT_FOUND, 'There is no such idea on this board.', 404);
      const hits = sense.similarToIdea(ideaId, parsed.data.limit);
      return { suggestions: hits.map((hit) => ({ ideaId: hit.id, score: round(hit.score) })) };
    });
  }

  async similarForCall(callId: string, body: unknown, ip: string): Promise<CallSimilarResponse> {
    await this.deps.limitCallSimilar(ip);
    const parsed = callSimilarRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    return this.deps.withCallDoc(callId, async (doc) => {
      const sense = this.attach(doc);
      const hits = sense.similarToText(parsed.data.text, 3);
      return {
        suggestions: hits.map((hit) => ({ ideaId: hit.id, text: sense.ideaMeta(hit.id)?.text ?? '', score: round(hit.score) })),
      };
    });
  }

  themesFor(identity: Identity, boardId: string, query: unknown): Promise<ThemesResponse> {
    requireFacilitator(identity, boardId);
    const parsed = themesQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error, 'query');
    return this.deps.withBoardDoc(boardId, async (doc) => {
      const ideas = this.attach(doc).ideas(parsed.data.questionId);
      const result = await this.themes.run(ideas, 'da');
      return { themes: result.themes, reason: result.reason };
    });
  }

  /**
   * Themes across every board, for the coordinator (the caller checked the session): each
   * with how many of its ideas each board holds, and all of them for the drill-down.
   */
  async themesAcrossBoards(query: unknown): Promise<OverviewThemesResponse> {
    const parsed = overviewThemesQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error, 'query');
    const wanted = parsed.data.boardId;
    const ideas: { key: string; boardId: string; ideaId: string; text: string; createdAt: number }[] = [];
    const titles = new Map<string, string>();
    for (const boardId of await this.deps.listBoards()) {
      if (wanted && wanted !== boardId) continue;
      await this.deps.withBoardDoc(boardId, async (doc) => {
        titles.set(boardId, readBoardSettings(doc)?.title ?? '');
        const sense = this.attach(doc);
        for (const { id, text } of sense.ideas()) {
          ideas.push({ key: `${boardId}/${id}`, boardId, ideaId: id, text, createdAt: sense.ideaMeta(id)?.createdAt ?? 0 });
        }
      });
    }
    ideas.sort((a, b) => b.createdAt - a.createdAt);
    const considered = ideas.slice(0, OVERVIEW_THEME_IDEAS);
    const byKey = new Map(considered.map((idea) => [idea.key, idea]));
    const result = await this.themes.run(considered.map((idea) => ({ id: idea.key, text: idea.text })), 'da');
    const place = (key: string) => {
      const idea = byKey.get(key)!;
      return { boardId: idea.boardId, ideaId: idea.ideaId, text: idea.text };
    };
    const themes = result.themes.map((theme) => {
      const counts = new Map<string, number>();
      for (const key of theme.ideaIds) {
        const boardId = byKey.get(key)!.boardId;
        counts.set(boardId, (counts.get(boardId) ?? 0) + 1);
      }
      return {
        label: theme.label,
        boards: [...counts]
          .map(([boardId, count]) => ({ boardId, boardTitle: titles.get(boardId) ?? '', count }))
          .sort((a, b) => b.count - a.count || a.boardTitle.localeCompare(b.boardTitle, 'da')),
        ideas: theme.ideaIds.map(place),
        quotes: theme.quotes.map((quote) => place(quote.ideaId)),
      };
    });
    return { themes, reason: result.reason, ideaCount: considered.length, truncated: ideas.length > considered.length };
  }

  async duplicates(identity: Identity, boardId: string, query: unknown): Promise<DuplicatesResponse> {
    requireFacilitator(identity, boardId);
    const parsed = duplicatesQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error, 'query');
    const dismissed = new Set((await this.deps.store.listRecords(dismissedSpace(boardId))).map((record) => record.key));
    return this.deps.withBoardDoc(boardId, async (doc) => {
      const pairs = this.attach(doc).duplicatePairs(DUPLICATE_PAIRS, dismissed, parsed.data.questionId);
      return { pairs: pairs.map((pair) => ({ ideaIds: [pair.a, pair.b] as [string, string], score: round(pair.score) })) };
    });
  }

  async dismissDuplicate(identity: Identity, boardId: string, body: unknown): Promise<{ dismissed: [string, string] }> {
    requireFacilitator(identity, boardId);
    const parsed = dismissDuplicateRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const [a, b] = parsed.data.ideaIds;
    if (a === b) throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'A pair needs two different ideas.');
    const by = { participantId: identity.participantId, at: Date.now() };
    await this.deps.store.putRecord(dismissedSpace(boardId), pairKey(a, b), JSON.stringify(by));
    return { dismissed: a < b ? [a, b] : [b, a] };
  }
}

function requireBoard(identity: Identity, boardId: string): void {
  if (identity.boardId !== boardId) throw new ServiceError(ErrorCode.FORBIDDEN, 'This session belongs to another board.', 403);
}

function requireFacilitator(identity: Identity, boardId: string): void {
  requireBoard(identity, boardId);
  if (identity.role !== 'facilitator') throw new ServiceError(ErrorCode.FORBIDDEN, 'Only facilitators may do this.', 403);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
