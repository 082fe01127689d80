import type { AuditQuery, DecideOutcome, DecideRequest } from '../../shared';
import type { ApiResult } from '../rest/http';
import type { BoardSync } from '../sync/board-sync';
import { useModerationStore } from './moderation-store';
import { decidedElsewhere } from './queue-logic';
import type { ItemNotice } from './slices/notices';

/** The command channel as far as moderation needs it (a test can stand in for it). */
export type Requester = Pick<BoardSync, 'request'>;

let refreshing: Promise<void> | null = null;
let again = false;

/**
 * Asks for the queue again. `moderation:changed` can come in bursts (a bulk decision, a
 * busy call): at most one request runs, and one more follows if anything changed meanwhile.
 */
export function refreshQueue(session: Requester): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    try {
      do {
        again = false;
        await loadQueue(session);
      } while (again);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function loadQueue(session: Requester): Promise<void> {
  const start = useModerationStore.getState();
  const view = start.view;
  if (start.queueStatus !== 'ready') start.setQueueStatus('loading');
  const result = await session.request('moderation:queue', { state: view });
  const store = useModerationStore.getState();
  if (store.view !== view) {
    again = true;
    return;
  }
  if (!result.ok) {
    if (store.queueStatus !== 'ready') store.setQueueStatus('failed');
    return;
  }
  const mine = new Set([...store.inFlight, ...store.decidedHere, ...store.notices.keys()]);
  const gone = decidedElsewhere(store.items, result.data.items, mine);
  const notices: ItemNotice[] = [];
  if (gone.length > 0) {
    // The pending list only says they left; the full list says who decided what.
    const latest = new Map(result.data.items.map((item) => [item.id, item]));
    if (view === 'pending') {
      const all = await session.request('moderation:queue', { state: 'all' });
      if (all.ok) for (const item of all.data.items) latest.set(item.id, item);
    }
    for (const shown of gone) {
      const now = latest.get(shown.id) ?? null;
      notices.push({ kind: now ? 'decided-elsewhere' : 'not-found', shown, latest: now });
    }
  }
  const after = useModerationStore.getState();
  // Decisions of this device that landed meanwhile stay applied.
  after.setItems(result.data.items.filter((item) => !(view === 'pending' && after.decidedHere.has(item.id))));
  after.setCounts(result.data.counts);
  after.putNotices(notices);
  after.keepSelected(new Set(result.data.items.filter((item) => item.state === 'pending').map((item) => item.id)));
}

export type DecideAnswer = { ok: true; results: DecideOutcome[] } | { ok: false; result: ApiResult<unknown> };

/**
 * Sends one decision for one or many items. Each item answers for itself: done, or
 * already decided by another facilitator (their decision comes along), gone, or not
 * fitting; whatever was not done stays on screen with a notice saying why.
 */
export async function decide(session: Requester, request: DecideRequest): Promise<DecideAnswer> {
  const store = useModerationStore.getState();
  const shownById = new Map(store.items.map((item) => [item.id, item]));
  store.setInFlight(request.itemIds, true);
  const result = await session.request('moderation:decide', request);
  const after = useModerationStore.getState();
  after.setInFlight(request.itemIds, false);
  if (!result.ok) return { ok: false, result };

  const { results } = result.data;
  const decided = results.filter((r) => r.outcome === 'done' && r.item).map((r) => r.item!);
  const gone = results.filter((r) => r.outcome === 'done' && !r.item).map((r) => r.itemId);
  after.applyDecided(decided, gone);
  for (const r of results) if (r.outcome === 'done') after.dropNotice(r.itemId);
  const notices: ItemNotice[] = [];
  for (const r of results) {
    const shown = shownById.get(r.itemId) ?? r.item;
    if (r.outcome === 'done' || !shown) continue;
    notices.push({ kind: r.outcome, shown, latest: r.item });
  }
  after.putNotices(notices);
  const doneIds = new Set(results.filter((r) => r.outcome === 'done').map((r) => r.itemId));
  after.setSelected([...after.selected].filter((id) => !doneIds.has(id) && !notices.some((n) => n.shown.id === id)));
  after.setFeedback({ decision: request.decision, done: doneIds.size, problems: results.length - doneIds.size });
  return { ok: true, results };
}

/** The audit log for the current filters, newest first. */
export async function loadAudit(session: Requester, query: AuditQuery): Promise<void> {
  const store = useModerationStore.getState();
  if (store.auditStatus !== 'ready') store.setAuditStatus('loading');
  const result = await session.request('audit:list', query);
  const after = useModerationStore.getState();
  if (!result.ok) {
    after.setAuditStatus('failed');
    return;
  }
  after.setAuditEntries([...result.data.entries].sort((a, b) => b.at - a.at));
}

/** Forgets the queue's coalescing state with the store (another board, another session). */
export function resetQueueRequests(): void {
  refreshing = null;
  again = false;
}
