import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIdeas } from '../../shared';
import { openStore, startServer, storedDoc } from '../support/harness';

const ROOT = resolve(__dirname, '../..');

/** The first ```js block of docs/PROTOCOL.md §16, as a reader would copy it. */
async function workedExample(): Promise<string> {
  const doc = await readFile(joinPath(ROOT, 'docs/PROTOCOL.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 16. Worked example'));
  const block = /```js\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error('no js block in PROTOCOL.md §16');
  return block[1];
}

function run(file: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Bounds a hang (the script waits for Saved); not a timing assertion.
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      done({ code, stdout, stderr });
    });
  });
}

/**
 * PROTOCOL.md §16 is what third-party clients copy: this runs it verbatim against a real
 * server and checks what it promises — the idea is stored, and the client was present.
 */
describe('PROTOCOL.md §16, the worked example', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let dir: string;
  const presence: Array<{ boardId: string; name: unknown }> = [];

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
    running.server.rooms.onLoad((room) => {
      room.awareness.on('change', () => {
        for (const state of room.awareness.getStates().values()) {
          presence.push({ boardId: room.boardId, name: (state as { user?: { name?: unknown } }).user?.name });
        }
      });
    });
    // A directory of its own, whose node_modules is the project's: the script imports the
    // public packages by name, as a third-party client would after `npm install`.
    dir = await mkdtemp(joinPath(tmpdir(), 'samskab-protocol-example-'));
    await symlink(joinPath(ROOT, 'node_modules'), joinPath(dir, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  it('runs, stores its idea, and shows the client in presence', async () => {
    const file = joinPath(dir, 'add-idea.mjs');
    await writeFile(file, await workedExample());
    const result = await run(file, { SAMSKAB_URL: running.url });
    expect(result.stderr).not.toMatch(/refused/);
    expect(result.code).toBe(0);
    const saved = /saved idea (\S+) on /.exec(result.stdout);
    expect(saved, result.stdout + result.stderr).not.toBeNull();
    const boardId = /facilitator link: \S*\/b\/([A-Za-z0-9_-]+)/.exec(result.stdout)?.[1];
    expect(boardId).toBeDefined();
    const stored = await storedDoc(env.store, boardId!);
    expect(readIdeas(stored).map((idea) => idea.id)).toContain(saved![1]);
    expect(presence).toContainEqual({ boardId, name: 'Import script' });
  }, 90_000);
});
