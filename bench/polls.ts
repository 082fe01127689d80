import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io as ioClient, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type CreateBoardResponse,
  type Poll,
  type PollCount,
  type ServerToClientEvents,
  type SessionResponse,
} from '../shared';

/**
 * Issue 15's figure, on demand (`npm run bench:polls`): 500 phones answer one live poll
 * within 10 seconds. A real Samskab server runs as its own process (embedded store) with the
 * phones, the facilitator and the projector as socket.io clients in this one. Reported: every
 * answer acknowledged and counted, the p50/p99 acknowledgement time, and how often the
 * projector heard the count rise (the longest gap between its `poll:count` events).
 */
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const PHONES = Number(process.env.PHONES ?? 500);
const WINDOW_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function rest<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ack = (await res.json()) as Ack<T>;
  if (!ack.ok) throw new Error(`${path}: ${ack.error.code}`);
  return ack.data;
}

function connect(base: string, session: string): Promise<Client> {
  const socket: Client = ioClient(base, { auth: { session, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function command<T>(socket: Client, event: string, payload: unknown): Promise<Ack<T>> {
  const untyped = socket as unknown as { emit(event: string, ...args: unknown[]): void };
  return new Promise((resolve) => untyped.emit(event, payload, resolve));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'samskab-bench-polls-'));
  const port = await freePort();
  // Board creation and sessions from one address: the bench's own allowances, as tests have.
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const sockets: Client[] = [];
  try {
    for (let tries = 0; ; tries += 1) {
      if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break;
      if (tries > 300) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const board = await rest<CreateBoardResponse>(base, '/api/boards', { template: 'blank' });
    const session = (role: 'facilitator' | 'participant' | 'observer', name: string | null) =>
      rest<SessionResponse>(base, `/api/boards/${board.boardId}/sessions`, { token: board.tokens[role], displayName: name });
    const lead = await connect(base, (await session('facilitator', 'Mette')).sessionToken);
    const projector = await connect(base, (await session('observer', null)).sessionToken);
    sockets.push(lead, projector);
    const phones: Client[] = [];
    for (let i = 0; i < PHONES; i += 1) {
      const phone = await connect(base, (await session('participant', `Telefon ${i + 1}`)).sessionToken);
      phones.push(phone);
      sockets.push(phone);
    }

    const created = await command<Poll>(lead, 'poll:create', {
      poll: { type: 'single', question: 'Hvilket pejlemærke er vigtigst?', options: [{ label: 'Sundhed' }, { label: 'Uddannelse' }, { label: 'Fællesskab' }] },
    });
    if (!created.ok) throw new Error(created.error.code);
    const poll = created.data;
    if (poll.type !== 'single') throw new Error('unexpected poll type');
    await command(lead, 'poll:open', { pollId: poll.id });
    await command(lead, 'poll:setLive', { pollId: poll.id });

    const heard: number[] = [];
    let lastCount = 0;
    projector.on('poll:count', (count: PollCount) => {
      if (count.pollId !== poll.id) return;
      heard.push(performance.now());
      lastCount = count.answers;
    });

    const acks: number[] = [];
    let refused = 0;
    const start = performance.now();
    await Promise.all(
      phones.map(
        (phone, i) =>
          new Promise<void>((resolve) => {
            // Spread evenly over the window, as a room answers.
            setTimeout(() => {
              const sent = performance.now();
              const optionId = poll.options[i % poll.options.length]!.id;
              void command(phone, 'poll:answer', { pollId: poll.id, answer: { type: 'single', optionId } }).then((ack) => {
                if (ack.ok) acks.push(performance.now() - sent);
                else refused += 1;
                resolve();
              });
            }, (i / PHONES) * WINDOW_MS);
          }),
      ),
    );
    const lastAck = performance.now() - start;
    const deadline = performance.now() + 5000;
    while (lastCount < PHONES && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const counted = await command<PollCount>(lead, 'poll:count', { pollId: poll.id });
    acks.sort((a, b) => a - b);
    const gaps = heard.slice(1).map((at, i) => at - heard[i]!);
    const during = heard.filter((at) => at - start <= WINDOW_MS);
    const lines = [
      `### Polls (issue 15): ${PHONES} phones answer one live poll within ${WINDOW_MS / 1000} s, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| figure | measured |',
      '| --- | --- |',
      `| answers acknowledged / refused | ${acks.length} / ${refused} |`,
      `| answers counted by the server | ${counted.ok ? counted.data.answers : counted.error.code} |`,
      `| the projector's last count | ${lastCount} |`,
      `| last acknowledgement after the first answer was sent | ${(lastAck / 1000).toFixed(1)} s |`,
      `| acknowledgement p50 / p99 / max | ${percentile(acks, 0.5).toFixed(1)} / ${percentile(acks, 0.99).toFixed(1)} / ${(acks.at(-1) ?? NaN).toFixed(1)} ms |`,
      `| projector count updates during the window / longest gap between them | ${during.length} / ${(Math.max(0, ...gaps) / 1000).toFixed(2)} s |`,
      '',
    ];
    console.log(lines.join('\n'));
  } finally {
    for (const socket of sockets) socket.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
