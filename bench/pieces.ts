import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { PIECE_BYTES, RAMP, planPieces, splitUpdate, writePieces } from '../server/store/pieces/split';
import { parseUpdate } from '../server/store/pieces/parse';
import { buildSeedUpdate, fakeAuthor } from './lib/ideas';

/**
 * What a large board in pieces costs a new client and a cold server, each in a fresh Node
 * process (a cold JIT, as a new device and a restarted server have). On demand, not part of
 * `npm run bench`:
 *
 *   nice -n 19 npx tsx bench/pieces.ts [--ideas=10000] [--reps=7] [--configs=one,512:3,512:0,1024:1,256:0,128:0] [--warm]
 *
 * (--warm: each client process first applies three 2,000-idea boards, as bench/load/worker.ts
 * does before the cold-board scenario of `npm run bench`.)
 * A config is `KB:ramp` (the bound and how many first pieces are smaller, as splitUpdate
 * takes them) or `one` (the update whole). The board is the bench's seed board
 * (bench/lib/ideas.ts, as bench/scenarios/seed.ts stores it: one Yjs client, one transaction).
 *
 * Client: the pieces are applied in order into a new Y.Doc, each in a macrotask of its own
 * (as WebSocket messages arrive), with an `update` listener on the doc as y-websocket's
 * provider has (Yjs then encodes each transaction's update for it). Reported per config,
 * median of the runs: wall time from the first piece to the last applied, CPU time of the
 * process (every thread: GC and JIT included, so a busy machine inflates it less than the
 * wall time), the sum and the longest of the applies.
 * Server: parse, plan and write of the pieces (what stored-answer.ts does before a cold
 * board's first piece can go out; without hidden content to cut).
 *
 * Runs are interleaved across configs, so a busy machine's load falls on all of them alike.
 * Check `uptime` before and after; figures taken on a busy machine say so in their report.
 */

interface ClientRun {
  wallMs: number;
  cpuMs: number;
  applyMs: number;
  longestMs: number;
  pieces: number;
}

interface ServerRun {
  parseMs: number;
  planMs: number;
  writeMs: number;
}

function option(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

function readPieces(path: string): Uint8Array[] {
  const buffer = readFileSync(path);
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < buffer.length; ) {
    const length = buffer.readUInt32LE(at);
    pieces.push(new Uint8Array(buffer.buffer, buffer.byteOffset + at + 4, length));
    at += 4 + length;
  }
  return pieces;
}

function writeFramed(path: string, pieces: Uint8Array[]): void {
  const parts: Buffer[] = [];
  for (const piece of pieces) {
    const header = Buffer.alloc(4);
    header.writeUInt32LE(piece.length);
    parts.push(header, Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
  }
  writeFileSync(path, Buffer.concat(parts));
}

/** In the child: apply the pieces in `path` as a new y-websocket client would; `warm`: after the bench load process's warm-up. */
async function applyChild(path: string, warm: boolean): Promise<ClientRun> {
  if (warm) warmUp();
  const pieces = readPieces(path);
  const provider = {};
  const doc = new Y.Doc();
  let sent = 0;
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) sent++;
  });
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const piece of pieces) {
    await new Promise((resolve) => setImmediate(resolve));
    const t = performance.now();
    Y.applyUpdate(doc, piece, provider);
    times.push(performance.now() - t);
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (sent !== 0 || doc.store.pendingStructs) throw new Error('a piece did not apply cleanly');
  return { wallMs, cpuMs: (used.user + used.system) / 1000, applyMs: times.reduce((a, b) => a + b, 0), longestMs: Math.max(...times), pieces: pieces.length };
}

/** What bench/load/worker.ts does before its first board: three 2,000-idea boards applied whole. */
function warmUp(): void {
  for (let i = 0; i < 3; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildSeedUpdate(fakeAuthor(), 2_000).update);
    doc.destroy();
  }
}

/** In the child: what a cold server does with the stored update before the first piece goes out. */
function serverChild(path: string, bytes: number, ramp: number): ServerRun {
  const [update] = readPieces(path) as [Uint8Array];
  const t0 = performance.now();
  const parsed = parseUpdate(update);
  const t1 = performance.now();
  const plan = bytes >= update.length ? null : planPieces(parsed, bytes, null, ramp);
  const t2 = performance.now();
  if (plan) writePieces(parsed, plan, null);
  return { parseMs: t1 - t0, planMs: t2 - t1, writeMs: performance.now() - t2 };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function runChild(args: string[]): unknown {
  const script = fileURLToPath(import.meta.url);
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' }));
}

async function main(): Promise<void> {
  const ideas = Number(option('ideas', '10000'));
  const reps = Number(option('reps', '7'));
  const warm = process.argv.includes('--warm');
  const configs = option('configs', `one,${PIECE_BYTES / 1024}:${RAMP},512:0,1024:1,256:0,128:0`).split(',');
  const dir = mkdtempSync(join(tmpdir(), 'samskab-pieces-'));
  try {
    const { update } = buildSeedUpdate(fakeAuthor(), ideas);
    const wholePath = join(dir, 'whole.bin');
    writeFramed(wholePath, [update]);
    const shapes = configs.map((config) => {
      const [kb, ramp] = config === 'one' ? [Infinity, 0] : config.split(':').map(Number);
      const bytes = (kb as number) * 1024;
      const pieces = config === 'one' ? [update] : splitUpdate(update, bytes, ramp ?? 0);
      const path = join(dir, `${config.replace(':', '-')}.bin`);
      writeFramed(path, pieces);
      return { config, bytes, ramp: ramp ?? 0, path, sizes: pieces.map((p) => Math.round(p.length / 1024)), client: [] as ClientRun[], server: [] as ServerRun[] };
    });
    console.log(`${ideas} ideas, ${(update.length / 1e6).toFixed(2)} MB; ${reps} fresh processes per config and side; client ${warm ? 'warmed up as the bench load process is' : 'cold'}`);
    for (let rep = 0; rep < reps; rep++) {
      for (const shape of shapes) {
        shape.client.push(runChild([`--apply=${shape.path}`, ...(warm ? ['--warm'] : [])]) as ClientRun);
        shape.server.push(runChild([`--server=${wholePath}`, `--bytes=${shape.bytes}`, `--ramp=${shape.ramp}`]) as ServerRun);
      }
    }
    console.log('| config | pieces (KB) | client wall ms | client CPU ms | applies ms | longest apply ms | server parse + plan + write ms |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const s of shapes) {
      const m = (f: (r: ClientRun) => number) => median(s.client.map(f)).toFixed(0);
      const sv = (f: (r: ServerRun) => number) => median(s.server.map(f)).toFixed(1);
      const sizes = s.sizes.length > 6 ? `${s.sizes.length}: ${s.sizes.slice(0, 4).join(', ')}, … ${s.sizes.at(-1)}` : s.sizes.join(', ');
      console.log(`| ${s.config} | ${sizes} | ${m((r) => r.wallMs)} | ${m((r) => r.cpuMs)} | ${m((r) => r.applyMs)} | ${m((r) => r.longestMs)} | ${sv((r) => r.parseMs)} + ${sv((r) => r.planMs)} + ${sv((r) => r.writeMs)} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const applyPath = option('apply', '');
const serverPath = option('server', '');
if (applyPath) console.log(JSON.stringify(await applyChild(applyPath, process.argv.includes('--warm'))));
else if (serverPath) console.log(JSON.stringify(serverChild(serverPath, Number(option('bytes', '0')), Number(option('ramp', '0')))));
else await main();
