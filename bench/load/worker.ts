import * as Y from 'yjs';
import { buildSeedUpdate, countIdeas, fakeAuthor } from '../lib/ideas';
import { serveRpc } from '../lib/rpc';
import type { Target } from '../lib/targets';
import { closeBoards, openBoard, writeBurst } from './board-load';
import { FanoutSession } from './fanout';
import { closeStorm, joinStorm, prepareStorm } from './join-storm';

/**
 * The load process: every client of every scenario lives here, pinned to its own core, away
 * from the server it measures. The orchestrator drives it over IPC one scenario step at a
 * time, so connections made once (hundreds of them) serve several measurements.
 */

let session: FanoutSession | null = null;

const api = {
  'fanout.open': async (args: { target: Target; probes: number }) => {
    await session?.close();
    session = new FanoutSession(args.target);
    return session.open(args.probes);
  },
  'fanout.seats': async (args: { count: number }) => {
    if (!session) throw new Error('no fan-out session');
    return session.prepareReceivers(args.count);
  },
  'fanout.connect': async (_args: Record<string, never>) => {
    if (!session) throw new Error('no fan-out session');
    return session.connectReceivers();
  },
  'fanout.probes': async (_args: Record<string, never>) => {
    if (!session) throw new Error('no fan-out session');
    return session.addProbes();
  },
  'fanout.step': async (args: { rate: number; durationMs: number; drainMs: number }) => {
    if (!session) throw new Error('no fan-out session');
    return session.step(args.rate, args.durationMs, args.drainMs);
  },
  'fanout.close': async (_args: Record<string, never>) => {
    await session?.close();
    session = null;
    return true;
  },
  'storm.prepare': prepareStorm,
  storm: joinStorm,
  'storm.close': async (_args: Record<string, never>) => closeStorm(),
  'board.open': openBoard,
  'board.close': async (_args: Record<string, never>) => closeBoards(),
  burst: writeBurst,
  /** Collect between scenarios, so one scenario's garbage does not pause the next one's clients. */
  gc: async (_args: Record<string, never>) => {
    globalThis.gc?.();
    return true;
  },
};

export type LoadApi = typeof api;

function warmUp(): void {
  for (let i = 0; i < 3; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildSeedUpdate(fakeAuthor(), 2_000).update);
    countIdeas(doc);
    Y.parseUpdateMeta(Y.encodeStateAsUpdate(doc));
    doc.destroy();
  }
}

// Warm the client side's Yjs paths (apply, encode, count), so the first board opened is not
// charged with this process's JIT compilation; a browser that opens boards daily is warm too.
warmUp();
serveRpc(api);
// Without its parent there is nothing to do: never outlive the orchestrator.
process.on('disconnect', () => process.exit(0));
