import { log } from '../lib/log';
import { startServer, type LoadHandle, type ServerHandle } from '../lib/handles';
import { memoryOf, sampleCpu, sleep } from '../lib/proc';
import { keyBytes, redisClient, type RedisHandle } from '../lib/redis';
import { SERVER_LABEL, type BoardRef, type ServerKind } from '../lib/targets';
import type { Plan, ServerResults } from '../results';
import type { LoadEvent, PersistEvent } from '../servers/probe';
import { seedBoard } from './seed';

/**
 * Measures 3 (join storm), 4 (cold and warm load), 5 (memory per loaded board) and 6 (Redis
 * bytes per idea, event-loop delay while persisting/compacting). Each board size gets a
 * server process of its own, started after the board was seeded, so its first client
 * really meets a cold server.
 */

const docPattern = (server: ServerHandle, board: BoardRef, suffix = '*'): string =>
  server.target.kind === 'samskab' ? `${server.prefix}doc:board:${board.id}:${suffix}` : `${server.prefix}snap:${board.id}`;

async function coldServer(kind: ServerKind, redis: RedisHandle, ideas: number, nodeArgs: string[], running: ServerHandle | null): Promise<{ server: ServerHandle; board: BoardRef }> {
  const seeder = running ?? (await startServer(kind, redis));
  let board: BoardRef;
  try {
    board = await seedBoard(seeder, redis, ideas);
  } finally {
    // Samskab loaded the board when it was created; a new process is what "cold" means.
    await seeder.stop();
  }
  return { server: await startServer(kind, redis, nodeArgs), board };
}

/** `running`: a server of this kind that may seed the first board (it is stopped afterwards). */
export async function runBoards(kind: ServerKind, redis: RedisHandle, load: LoadHandle, plan: Plan, out: ServerResults, nodeArgs: string[], running: ServerHandle | null): Promise<void> {
  for (const [index, ideas] of plan.boards.entries()) {
    const { server, board } = await coldServer(kind, redis, ideas, nodeArgs, index === 0 ? running : null);
    try {
      const base = await server.rpc.call('gc', {});
      const cold = await load.rpc.call('board.open', { target: server.target, board, expectedIdeas: ideas, timeoutMs: 60_000 }, 90_000);
      const serverLoad = server.rpc.take<LoadEvent>('load').find((e) => e.doc === board.id)?.ms ?? null;
      const warm = await load.rpc.call('board.open', { target: server.target, board, expectedIdeas: ideas, timeoutMs: 60_000 }, 90_000);
      const loaded = await server.rpc.call('gc', {});
      out.boards.push({
        ideas,
        serverLoadMs: serverLoad,
        coldDocArrivedMs: cold.docArrivedMs,
        coldFullMs: cold.fullMs,
        warmFullMs: warm.fullMs,
        boardRss: loaded.rss - base.rss,
        boardHeap: loaded.heapUsed + loaded.external - base.heapUsed - base.external,
      });
      log(`${SERVER_LABEL[server.target.kind]}, ${ideas} ideas: server load ${serverLoad?.toFixed(0) ?? 'n/a'} ms, cold client ${cold.fullMs.toFixed(0)} ms, warm client ${warm.fullMs.toFixed(0)} ms (${cold.ideas} ideas seen)`);
      if (index === 0) {
        const total = await runPersistence(server, board, load, plan, out, ideas, redis.url);
        await runStorm(server, board, load, plan, out, total);
      }
    } finally {
      await load.rpc.call('board.close', {}).catch(() => undefined);
      await server.stop();
    }
  }
}

/** Two write bursts into the loaded board: the first stays below COMPACT_AFTER_UPDATES, the second crosses it. */
async function runPersistence(server: ServerHandle, board: BoardRef, load: LoadHandle, plan: Plan, out: ServerResults, ideas: number, redisUrl: string): Promise<number> {
  const { first, second, rate } = plan.burst;
  // Hocuspocus stores 2 s after the last change (its debounce): wait for it, or there is nothing to measure.
  const tailMs = plan.burst.tailMs + (server.target.kind === 'hocuspocus' ? 2_000 : 0);
  const client = await redisClient(redisUrl);
  try {
    server.rpc.take('persist');
    const a = await load.rpc.call('burst', { target: server.target, board, writes: first, rate, tailMs }, 120_000);
    const log1 = server.target.kind === 'samskab' ? await keyBytes(client, docPattern(server, board, 'log')) : null;
    const b = await load.rpc.call('burst', { target: server.target, board, writes: second, rate, tailMs }, 120_000);
    const total = ideas + first + second;
    // Samskab compacts once the log passes 500 updates, in the background; wait for it (bounded).
    if (server.target.kind !== 'ywebsocket') await waitForEvent(server, 'persist', 10_000);
    const stored = server.target.kind === 'ywebsocket' ? null : await keyBytes(client, docPattern(server, board));
    const events = server.rpc.take<PersistEvent>('persist');
    out.persistence = {
      ideas: total,
      storedBytesPerIdea: stored ? stored.bytes / total : null,
      logBytesPerUpdate: log1 ? log1.bytes / first : null,
      events,
      ping: b.ping,
      writesConfirmed: a.allConfirmed === null ? null : Boolean(a.allConfirmed && b.allConfirmed),
    };
    const worst = events.reduce((m, e) => Math.max(m, e.lagMaxMs), 0);
    log(`${SERVER_LABEL[server.target.kind]} persistence: ${events.length} ${events[0]?.kind ?? 'persist'} event(s), worst event-loop stall ${worst.toFixed(0)} ms, ping p99 ${b.ping.p99.toFixed(1)} ms`);
    return total;
  } finally {
    await client.close();
  }
}

async function waitForEvent(server: ServerHandle, event: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.rpc.events.some((e) => e.event === event) && Date.now() < deadline) await sleep(50);
}

async function runStorm(server: ServerHandle, board: BoardRef, load: LoadHandle, plan: Plan, out: ServerResults, ideas: number): Promise<void> {
  const { clients, windowMs, holdMs, timeoutMs } = plan.storm;
  await load.rpc.call('storm.prepare', { target: server.target, board, clients }, 120_000);
  await server.rpc.call('gc', {});
  const cpu = sampleCpu(server.pid, 100);
  const storm = await load.rpc.call('storm', { target: server.target, board, clients, windowMs, expectedIdeas: ideas, holdMs, timeoutMs }, timeoutMs + 60_000);
  const { peak, mean } = cpu.stop();
  // Read from /proc, not over IPC: a server still encoding for late joiners may not answer for a long time.
  const after = memoryOf(server.pid);
  out.storm = {
    ...storm,
    ideas,
    windowMs,
    peakCpu: peak,
    meanCpu: mean,
    rssAfter: after.rss,
    rssPeak: after.peak,
  };
  await load.rpc.call('storm.close', {});
  // With no client complete the summary's figures are NaN, which arrive over the RPC as null.
  const ms = (value: number | null) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(0) : 'n/a');
  log(`${SERVER_LABEL[server.target.kind]} join storm: ${storm.complete}/${clients} complete, p50 ${ms(storm.fullMs.p50)} ms, max ${ms(storm.fullMs.max)} ms, peak CPU ${(peak * 100).toFixed(0)}%, ${storm.disconnects} disconnects`);
}
