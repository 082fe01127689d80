import { PROTOCOL_VERSION, type HealthResponse } from '../../shared';
import { route, type MountedRoute } from '../core/http';
import type { BoardStore } from '../store/board-store';

/** Liveness says the process answers; readiness says it can also reach its store. */
export function healthRoutes(deps: { store: BoardStore }): MountedRoute[] {
  const answer = (status: HealthResponse['status']): HealthResponse => ({ status, store: deps.store.kind, protocolVersion: PROTOCOL_VERSION });
  return [
    route('liveness', {
      handle: async (_input, res) => {
        res.json(answer('ok'));
      },
    }),
    route('readiness', {
      handle: async (_input, res) => {
        try {
          await withTimeout(deps.store.ping(), 2_000);
          res.json(answer('ok'));
        } catch {
          res.status(503).json(answer('unavailable'));
        }
      },
    }),
  ];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
