import { z } from 'zod';
import {
  callWindow,
  countOverviewIdeas,
  queueItemSchema,
  readBoardSettings,
  readIdeas,
  readInitiatives,
  readStatuses,
  type Overview,
  type OverviewBoard,
  type OverviewCall,
  type OverviewChange,
  type OverviewIdea,
  type OverviewQuery,
  type PublicCall,
} from '../../shared';
import { SPACE } from '../core/record-spaces';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import type { Records } from '../core/records';

/** Records space indexing every board of the installation (boards are indexed when they load). */
export const BOARDS_SPACE = 'boards';
export const boardIndexSchema = z.object({ createdAt: z.number(), template: z.string() }).strict();

/**
 * The coordinator's view across all boards: counts by phase × principle, track, beacon,
 * status and contributor type, the ideas behind them, and what changed since a date (the
 * status report for the committee). Each board is read from its live document.
 */
export class OverviewService {
  constructor(
    private readonly deps: { records: Records; rooms: RoomRegistry; store: BoardStore },
  ) {}

  async index(boardId: string): Promise<void> {
    const board = await this.deps.store.getBoard(boardId);
    if (!board) return;
    await this.deps.records.insert(BOARDS_SPACE, boardId, { createdAt: board.createdAt, template: board.template }, boardIndexSchema);
  }

  /** Every indexed board's id. */
  async boardIds(): Promise<string[]> {
    return (await this.deps.records.list(BOARDS_SPACE, boardIndexSchema)).map((record) => record.key);
  }

  async overview(query: OverviewQuery): Promise<Overview> {
    const index = await this.deps.records.list(BOARDS_SPACE, boardIndexSchema);
    const boards: OverviewBoard[] = [];
    const ideas: OverviewIdea[] = [];
    const changes: OverviewChange[] = [];
    const now = Date.now();
    for (const { key: boardId, value } of index) {
      if (query.boardId && query.boardId !== boardId) continue;
      const pending = await this.pendingCount(boardId);
      await this.deps.rooms.withRoom(boardId, async (room) => {
        const settings = readBoardSettings(room.doc);
        const title = settings?.title ?? '';
        const beaconName = new Map(settings?.beacons.map((b) => [b.id, b.name]));
        const statuses = readStatuses(room.doc);
        const initiatives = readInitiatives(room.doc);
        const boardIdeas = readIdeas(room.doc);
        boards.push({
          boardId,
          title,
          template: value.template,
          createdAt: value.createdAt,
          ideaCount: boardIdeas.length,
          call: callOf(settings?.call ?? null, now),
          pending,
        });
        for (const idea of boardIdeas) {
          const status = statuses.get(idea.id)?.current;
          ideas.push({
            ...idea,
            boardId,
            boardTitle: title,
            status: status?.status ?? 'new',
            statusRationale: status?.rationale ?? null,
            statusChangedAt: status?.at ?? null,
            beaconNames: idea.beacons.map((id) => beaconName.get(id)).filter((n): n is string => n !== undefined),
            initiatives: initiatives.filter((i) => i.ideaIds.includes(idea.id)).map((i) => i.title),
          });
        }
        if (query.since !== undefined) {
          const since = query.since;
          const text = new Map(boardIdeas.map((i) => [i.id, i.text]));
          const base = { boardId, boardTitle: title };
          for (const idea of boardIdeas) {
            if (idea.createdAt >= since) changes.push({ ...base, kind: 'idea-added', at: idea.createdAt, id: idea.id, text: idea.text, status: null, rationale: null, by: idea.authorName });
          }
          for (const [ideaId, record] of statuses) {
            for (const change of record.history) {
              if (change.at < since || !text.has(ideaId)) continue;
              changes.push({ ...base, kind: 'status-changed', at: change.at, id: ideaId, text: text.get(ideaId) ?? '', status: change.status, rationale: change.rationale, by: change.by.name });
            }
          }
          for (const initiative of initiatives) {
            if (initiative.updatedAt >= since) {
              changes.push({ ...base, kind: 'initiative-saved', at: initiative.updatedAt, id: initiative.id, text: initiative.title, status: null, rationale: null, by: initiative.updatedBy.name });
            }
          }
        }
      });
    }
    const filtered = ideas.filter((idea) => matches(idea, query));
    // Changes to ideas follow the filters too; an initiative is kept when any of its board's ideas pass.
    const passing = new Set(filtered.map((idea) => `${idea.boardId}/${idea.id}`));
    const boardsPassing = new Set(filtered.map((idea) => idea.boardId));
    const relevant = changes.filter((c) => (c.kind === 'initiative-saved' ? boardsPassing.has(c.boardId) || !isFiltered(query) : passing.has(`${c.boardId}/${c.id}`)));
    return {
      generatedAt: now,
      boards: boards.sort((a, b) => a.createdAt - b.createdAt),
      counts: countIdeas(filtered),
      ideas: filtered.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
      changes: query.since === undefined ? null : relevant.sort((a, b) => b.at - a.at),
    };
  }

  /**
   * What waits in a board's moderation queue, counted as the facilitators' badge counts it
   * (server/moderation ModerationNotifier). Only the number leaves: the coordinator is not a
   * moderator of the board and never sees what waits.
   */
  private async pendingCount(boardId: string): Promise<number> {
    const items = await this.deps.records.list(SPACE.queue(boardId), queueItemSchema);
    return items.filter((item) => item.value.state === 'pending').length;
  }
}

/** The call's window, without its link; null for no call or a switched-off one. */
function callOf(call: PublicCall | null, now: number): OverviewCall | null {
  const state = callWindow(call, now);
  if (call === null || state === 'disabled') return null;
  return { state, opensAt: call.opensAt, closesAt: call.closesAt };
}

function matches(idea: OverviewIdea, q: OverviewQuery): boolean {
  // undefined: any value; 'none': the field is not set.
  const is = <T>(wanted: T | 'none' | undefined, actual: T | null) => wanted === undefined || (wanted === 'none' ? actual === null : actual === wanted);
  return (
    is(q.phase, idea.phase) &&
    is(q.principle, idea.principle) &&
    is(q.track, idea.track) &&
    (q.status === undefined || idea.status === q.status) &&
    is(q.contributorType, idea.contributorType) &&
    (q.beacon === undefined || (q.beacon === 'none' ? idea.beaconNames.length === 0 : idea.beaconNames.includes(q.beacon)))
  );
}

function isFiltered(q: OverviewQuery): boolean {
  return [q.phase, q.principle, q.track, q.status, q.contributorType, q.beacon].some((v) => v !== undefined);
}

export const countIdeas = countOverviewIdeas;
