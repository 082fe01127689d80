import { Router } from 'express';
import { PROTOCOL_VERSION, type HealthResponse } from '../../shared';
import type { BoardStore } from '../store/board-store';

/** Liveness says the process answers; readiness says it can also reach its store. */
export function healthRoutes(deps: { store: BoardStore }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', store: deps.store.kind, protocolVersion: PROTOCOL_VERSION } satisfies HealthResponse);
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await withTimeout(deps.store.ping(), 2_000);
      res.json({ status: 'ok', store: deps.store.kind, protocolVersion: PROTOCOL_VERSION } satisfies HealthResponse);
    } catch {
      res.status(503).json({ status: 'unavailable', store: deps.store.kind, protocolVersion: PROTOCOL_VERSION } satisfies HealthResponse);
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
