import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { freePort } from './redis-process';

export { freePort };

/**
 * `server/main.ts` in a child process, as production runs it, so a test can SIGKILL it.
 * Resolves once /healthz answers.
 */
export async function startChildServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    // Tests write thousands of ideas through one session (as testConfig allows in-process).
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', NEW_IDEAS_PER_10_MINUTES: '1000000', ...env, PORT: port },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // tsx compiles the server in each child: two starting while a full suite runs take a while.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await answers(`${url}/healthz`)) return { child, url };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * One probe on its own connection, closed after the answer. A pooled keep-alive connection
 * (fetch's) would sit idle while the test waits, and the test's next request could be sent
 * on it just as the server's keep-alive timeout closes it ("other side closed").
 */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false)); // not listening yet
  });
}
