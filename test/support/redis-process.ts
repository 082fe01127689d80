import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A redis-server child process for tests: throwaway, loopback only, on a port of our choosing. */

const STARTUP_TIMEOUT_MS = 10_000;

export function findOnPath(binary: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Asks the OS for a free port; the tiny race until redis binds it is acceptable in tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not allocate a port'));
      });
    });
  });
}

/** One raw PING over TCP, so readiness doesn't depend on the client under test. */
function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
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

/** If the test process dies without cleaning up, don't leave servers behind (one listener for all). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface RedisProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** SIGTERM (or SIGKILL when `hard`), and wait for the exit. */
  stop(hard?: boolean): Promise<void>;
}

/**
 * Starts redis-server in `dir`. Without `appendonly` nothing is persisted; with it, every
 * write is fsynced to the append-only file before Redis answers (`appendfsync always`).
 */
export async function startRedis(options: { binary: string; dir: string; port?: number; appendonly?: boolean }): Promise<RedisProcess> {
  const port = options.port ?? (await freePort());
  const persistence = options.appendonly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child = spawn(options.binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', options.dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);

  const stop = async (hard = false) => {
    running.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output}`);
    if (await pingOnce(port)) break;
    if (Date.now() > deadline) {
      await stop(true);
      throw new Error(`redis-server did not answer PING within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, url: `redis://127.0.0.1:${port}`, stop };
}
