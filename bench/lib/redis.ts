import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, RESP_TYPES } from 'redis';
import { CORES, freePort, onCleanup, sleep, spawnPinned } from './proc';

/**
 * A throwaway redis-server for one bench run: its own free port and temp directory, pinned
 * with the servers (it is part of their cost), killed and deleted at the end.
 */
export interface RedisHandle {
  url: string;
  pid: number;
  fsync: string;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * `fsync` "always" mirrors docker-compose.yml (AOF, fsync per write), so a Saved message
 * means what it means in production; "no" turns persistence off to isolate server cost.
 */
export async function startRedis(fsync: 'always' | 'no'): Promise<RedisHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'samskab-bench-redis-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const persistence = fsync === 'always' ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child = spawnPinned(
    CORES.server,
    ['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, '--loglevel', 'warning'],
    { quiet: true },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (await ping(port)) return { url: `redis://127.0.0.1:${port}`, pid: child.pid ?? -1, fsync };
    await sleep(50);
  }
  throw new Error('redis-server did not answer PING within 10 s');
}

/** A binary-safe client for seeding and MEMORY USAGE (node-redis, as the server uses). */
export async function redisClient(url: string) {
  const client = createClient({ url, name: 'samskab-bench' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
export type BenchRedis = Awaited<ReturnType<typeof redisClient>>;

export function binary(client: BenchRedis) {
  return client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
}

/** Bytes Redis accounts to the keys matching `pattern` (MEMORY USAGE, SAMPLES 0 = exact). */
export async function keyBytes(client: BenchRedis, pattern: string): Promise<{ keys: number; bytes: number }> {
  let bytes = 0;
  let keys = 0;
  for await (const batch of client.scanIterator({ MATCH: pattern, COUNT: 500 })) {
    for (const key of batch) {
      keys++;
      bytes += Number((await client.sendCommand(['MEMORY', 'USAGE', key, 'SAMPLES', '0'])) ?? 0);
    }
  }
  return { keys, bytes };
}

export async function usedMemory(client: BenchRedis): Promise<number> {
  const info = await client.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Sequential 400-byte XADDs to a scratch stream: the latency of one durable append on this machine. */
export async function probeWriteLatency(url: string, count = 200): Promise<{ p50: number; p99: number; max: number }> {
  const client = await redisClient(url);
  const times: number[] = [];
  try {
    const payload = 'x'.repeat(400);
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await client.xAdd('bench:probe:write', '*', { u: payload });
      times.push(performance.now() - started);
    }
    await client.del('bench:probe:write');
  } finally {
    await client.close();
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] as number };
}
