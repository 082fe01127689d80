import { fileURLToPath } from 'node:url';
import type { LoadApi } from '../load/worker';
import type { ServerApi } from '../servers/probe';
import { CORES, freePort, sleep, spawnNodeScript, stopChild } from './proc';
import type { RedisHandle } from './redis';
import { RpcClient } from './rpc';
import type { ServerKind, Target } from './targets';

/** One running server child (pinned to the server core) and how to talk to it. */
export interface ServerHandle {
  target: Target;
  pid: number;
  rpc: RpcClient<ServerApi>;
  prefix: string;
  stop(): Promise<void>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Key prefix per server kind: the run shares one Redis, and the report reads each one's keys. */
export const prefixOf = (kind: ServerKind): string => `bench:${kind}:`;

export async function startServer(kind: ServerKind, redis: RedisHandle, nodeArgs: string[] = []): Promise<ServerHandle> {
  const port = await freePort();
  const prefix = prefixOf(kind);
  const child = spawnNodeScript(
    CORES.server,
    here(`../servers/${kind}.ts`),
    { BENCH_PORT: String(port), BENCH_REDIS_URL: redis.url, BENCH_PREFIX: prefix, NODE_ENV: 'production' },
    nodeArgs,
    { quiet: !process.argv.includes('--verbose') },
  );
  const rpc = new RpcClient<ServerApi>(child, kind);
  const deadline = Date.now() + 30_000;
  while (rpc.take('ready').length === 0) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) {
      await stopChild(child, 0);
      throw new Error(`${kind} server was not ready within 30 s`);
    }
    await sleep(20);
  }
  // A profiled server needs time to write its profile; any other may be busy for a long while
  // after a storm (still encoding for joiners) and is killed after a short grace.
  const grace = nodeArgs.some((a) => a.startsWith('--cpu-prof')) ? 30_000 : 2_000;
  return { target: { kind, port }, pid: child.pid ?? -1, rpc, prefix, stop: () => stopChild(child, grace) };
}

export interface LoadHandle {
  pid: number;
  rpc: RpcClient<LoadApi>;
  stop(): Promise<void>;
}

export async function startLoad(): Promise<LoadHandle> {
  // A generous heap: the join storm holds hundreds of connections' buffers at once.
  const child = spawnNodeScript(CORES.load, here('../load/worker.ts'), {}, ['--max-old-space-size=4096']);
  const rpc = new RpcClient<LoadApi>(child, 'load');
  await rpc.call('gc', {}, 30_000); // answers once tsx has compiled and the worker is listening
  return { pid: child.pid ?? -1, rpc, stop: () => stopChild(child, 2_000) };
}
