import { serveRpc } from '../lib/rpc';
import { SoakLoad } from './load';
import type { SoakOptions } from './types';
import type { Target } from '../lib/targets';

/**
 * The soak's load process: every client lives here, pinned to its own core, away from the
 * server it measures (as bench/load/worker.ts does for the bench). bench/soak.ts drives it.
 */

let load: SoakLoad | null = null;

function current(): SoakLoad {
  if (!load) throw new Error('setup first');
  return load;
}

const api = {
  setup: async (args: { target: Target; options: SoakOptions; redisUrl: string; prefix: string }) => {
    load = new SoakLoad(args.target, args.options, args.redisUrl, args.prefix);
    return load.setup();
  },
  start: async (_args: Record<string, never>) => current().start(),
  sample: async (_args: Record<string, never>) => current().sample(),
  hold: async (_args: Record<string, never>) => current().hold(),
  release: async (_args: Record<string, never>) => current().release(),
  documents: async (_args: Record<string, never>) => current().documents(),
  settle: async (args: { timeoutMs: number }) => current().settle(args.timeoutMs),
  converge: async (_args: Record<string, never>) => current().converge(),
  close: async (_args: Record<string, never>) => {
    await load?.close();
    load = null;
    return true;
  },
};

export type SoakApi = typeof api;

serveRpc(api);
// Without its parent there is nothing to do: never outlive the orchestrator.
process.on('disconnect', () => process.exit(0));
