import { spawn, type ChildProcess } from 'node:child_process';
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
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
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
