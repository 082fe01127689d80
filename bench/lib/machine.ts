import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The machine and the versions a run measured, so figures from different runs can be compared honestly. */

export function machineInfo(): Record<string, string> {
  const cpuinfo = safe(() => readFileSync('/proc/cpuinfo', 'utf8'), '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1];
  return {
    cpus: safe(() => execFileSync('nproc', { encoding: 'utf8' }).trim(), String(cpus().length)),
    'CPU model': mhz ? `${model} (${Math.round(Number(mhz))} MHz)` : model,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    kernel: safe(() => readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(), 'unknown'),
  };
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Read from disk: not every package exports its package.json. */
function packageVersion(name: string): string {
  const path = name === '.' ? `${root}package.json` : `${root}node_modules/${name}/package.json`;
  return safe(() => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version, 'not installed');
}

export function versions(): Record<string, string> {
  const out: Record<string, string> = { node: process.version };
  for (const name of ['yjs', 'y-protocols', 'ws', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/extension-redis', 'redis', 'socket.io', 'tsx']) {
    out[name] = packageVersion(name);
  }
  out['redis-server'] = safe(() => /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown', 'unknown');
  out.samskab = packageVersion('.');
  return out;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** The commit the measured code is at, marked when the working tree differs from it (a figure belongs to its code). */
export function gitCommit(): string {
  return safe(() => {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'shared', 'bench'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+changes` : head;
  }, 'unknown');
}
