import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, type Overview, type OverviewBoard } from '../../shared';
import { errorOf, isOffline } from '../rest/http';
import { request } from '../rest/api';

export interface OverviewLoad {
  /** The latest answer; kept while a new one is on its way or when the server does not answer. */
  overview: Overview | null;
  loading: boolean;
  /** The last request got no answer. */
  offline: boolean;
  /** A refusal other than an expired session (which ends the page instead). */
  errorCode: string | null;
  /**
   * Every board and beacon name any answer so far has shown: a filtered answer holds only
   * the chosen board, but the filter must still offer the others.
   */
  seen: { boards: OverviewBoard[]; beacons: string[] };
  reload: () => void;
}

const NOTHING_SEEN: OverviewLoad['seen'] = { boards: [], beacons: [] };

function remember(seen: OverviewLoad['seen'], overview: Overview): OverviewLoad['seen'] {
  const boards = new Map(seen.boards.map((b) => [b.boardId, b]));
  for (const board of overview.boards) boards.set(board.boardId, board);
  const beacons = new Set(seen.beacons);
  for (const name of Object.keys(overview.counts.beacon)) if (name !== 'none') beacons.add(name);
  for (const idea of overview.ideas) for (const name of idea.beaconNames) beacons.add(name);
  return { boards: [...boards.values()].sort((a, b) => a.createdAt - b.createdAt), beacons: [...beacons] };
}

/** GET /api/overview for the query string, again whenever it changes or on reload. */
export function useOverview(sessionToken: string, query: string, onExpired: () => void): OverviewLoad {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [loading, setLoading] = useState(true);
  const [offline, setOffline] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [seen, setSeen] = useState(NOTHING_SEEN);
  const [round, setRound] = useState(0);
  const expired = useRef(onExpired);
  useEffect(() => {
    expired.current = onExpired;
  });

  useEffect(() => {
    let live = true;
    const run = async () => {
      setLoading(true);
      const result = await request('overview', { session: sessionToken, query: new URLSearchParams(query), cache: 'no-store' });
      // A newer query (a filter changed meanwhile) wins over a slower older answer.
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setOverview(result.data);
        setSeen((previous) => remember(previous, result.data));
        setOffline(false);
        setErrorCode(null);
      } else if (isOffline(result)) {
        setOffline(true);
      } else {
        const code = errorOf(result)?.code ?? null;
        if (code === ErrorCode.UNAUTHENTICATED) expired.current();
        else setErrorCode(code);
      }
    };
    void run();
    return () => {
      live = false;
    };
  }, [sessionToken, query, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { overview, loading, offline, errorCode, seen, reload };
}
