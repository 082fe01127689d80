import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Child processes of the bench: pinned to a core, registered so that every one of them is
 * killed when the run ends, fails or is interrupted (a stray server would hold its port
 * and skew the next run's figures).
 */

const children = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];
const HAS_TASKSET = spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;

export const CORES = { server: 0, load: 1 } as const;

/** Whether children really are pinned (reported in RESULTS.md). */
export function pinning(): string {
  return HAS_TASKSET ? 'server + redis on core 0, load clients on core 1 (taskset)' : 'not pinned (taskset missing)';
}

/** Runs `argv` on one core (or unpinned without taskset), with an IPC channel when asked. */
export function spawnPinned(core: number, argv: string[], options: { env?: NodeJS.ProcessEnv; ipc?: boolean; quiet?: boolean } = {}): ChildProcess {
  const [command, ...args] = HAS_TASKSET ? ['taskset', '-c', String(core), ...argv] : argv;
  const out = options.quiet ? 'ignore' : 'inherit';
  const child = spawn(command as string, args, {
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', out, 'inherit', 'ipc'] : ['ignore', out, 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A TypeScript entry under tsx, with gc exposed so memory can be measured after a collection. */
export function spawnNodeScript(core: number, script: string, env: NodeJS.ProcessEnv, extraNodeArgs: string[] = [], options: { quiet?: boolean } = {}): ChildProcess {
  return spawnPinned(core, [process.execPath, '--expose-gc', ...extraNodeArgs, '--import', 'tsx', script], { env, ipc: true, quiet: options.quiet ?? false });
}

export function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

/** Synchronous, so it also works from process 'exit'. Kills only our own children, by pid. */
export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch {
      // best effort: the process is going away
    }
  }
}

export function installCleanupHandlers(): void {
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping children\n`);
      killAll();
      process.exit(130);
    });
  }
}

/** A free loopback port (bind to 0, read, close); the short race until the child binds is acceptable. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Resident set and its peak (VmHWM), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** Samples a process's CPU use (share of one core) every `intervalMs` until stopped. */
export function sampleCpu(pid: number, intervalMs = 100): { stop(): { peak: number; mean: number } } {
  let last = cpuSeconds(pid);
  let lastAt = performance.now();
  const first = { cpu: last, at: lastAt };
  let peak = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = cpuSeconds(pid);
    if (now > lastAt) peak = Math.max(peak, (cpu - last) / ((now - lastAt) / 1000));
    last = cpu;
    lastAt = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const now = performance.now();
      const cpu = cpuSeconds(pid);
      const mean = now > first.at ? (cpu - first.cpu) / ((now - first.at) / 1000) : NaN;
      return { peak, mean };
    },
  };
}

/** Busy and total jiffies per core, from /proc/stat (softirq included: loopback TCP is charged there). */
function coreTimes(): Array<{ busy: number; total: number }> {
  try {
    return readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((line) => /^cpu\d+ /.test(line))
      .map((line) => {
        const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
        const total = v.reduce((a, b) => a + b, 0);
        const idle = (v[3] ?? 0) + (v[4] ?? 0);
        return { busy: total - idle, total };
      });
  } catch {
    return [];
  }
}

/** Mean busy share of each core between start and stop (whole machine, not one process). */
export function sampleCores(): { stop(): number[] } {
  const first = coreTimes();
  return {
    stop() {
      return coreTimes().map((now, i) => {
        const was = first[i] ?? { busy: 0, total: 0 };
        const total = now.total - was.total;
        return total > 0 ? (now.busy - was.busy) / total : NaN;
      });
    },
  };
}

/** CPU seconds of every process on the machine, by pid. */
function allProcessCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const seconds = cpuSeconds(Number(entry));
    if (Number.isFinite(seconds)) out.set(Number(entry), seconds);
  }
  return out;
}

/**
 * CPU used by processes that are not the bench's (in cores): other people's test runs on a
 * shared machine make every figure slower, so each step records how busy the rest was.
 */
export function sampleForeignCpu(): { stop(): number } {
  const first = allProcessCpu();
  const started = performance.now();
  return {
    stop() {
      const mine = new Set([process.pid, ...[...children].map((c) => c.pid ?? -1)]);
      let used = 0;
      for (const [pid, seconds] of allProcessCpu()) {
        if (!mine.has(pid)) used += seconds - (first.get(pid) ?? seconds);
      }
      return used / ((performance.now() - started) / 1000);
    },
  };
}

/** Waits (at most `maxMs`) until other processes use less than `threshold` cores; returns what they used last. */
export async function waitForQuiet(threshold = 0.25, maxMs = 8_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const sampler = sampleForeignCpu();
    await sleep(1_000);
    const foreign = sampler.stop();
    if (foreign < threshold || Date.now() > deadline) return foreign;
    process.stdout.write(`  waiting: other processes use ${foreign.toFixed(2)} cores\n`);
  }
}

/**
 * Waits (at most `maxMs`) until `pids` together use less than `threshold` cores; returns
 * what they used last. For the servers not under test: they share core 0 with the one
 * measured, and after a heavy step of their own they may still be closing connections,
 * storing or collecting garbage, which the measured server would pay for.
 */
export async function waitForIdle(pids: readonly number[], threshold = 0.03, maxMs = 15_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const first = pids.map(cpuSeconds);
    const started = performance.now();
    await sleep(500);
    const seconds = (performance.now() - started) / 1000;
    const used = pids.reduce((sum, pid, i) => sum + Math.max(0, (cpuSeconds(pid) - (first[i] ?? 0)) / seconds || 0), 0);
    if (used < threshold || Date.now() > deadline) return used;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
