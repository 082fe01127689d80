import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateBoardResponse, Idea, Phase, Principle } from '../../shared';
import { ideasMap } from '../../shared';
import { TestClient, eventually } from '../support/harness';
import { createBoard, createSession, joinBoard, launchBrowser, newDevice, startApp } from './support';

const run = promisify(execFile);

/** Ideas on the board: 20 in each of the nine phase × principle cells, the rest unplaced. */
const COUNT = 600;
const IN_CELLS = 180;
const cellOf = (i: number): { phase: Phase; principle: Principle } => ({ phase: ((i % 3) + 1) as Phase, principle: ((Math.floor(i / 3) % 3) + 1) as Principle });

type Renders = Record<string, number>;
const resetRenders = (page: Page) => page.evaluate(() => void ((window as unknown as { __renders: Renders }).__renders = {}));
/** What rendered since the reset, once two frames have passed (React commits before the next paint). */
const renders = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Renders>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ...(window as unknown as { __renders: Renders }).__renders }))),
      ),
  );

/**
 * Issue 17, item 5: a remote edit re-renders only the notes and groups it touches. The
 * client is built with VITE_RENDER_PROBE=1 (client/board/render-probe.ts counts renders of
 * the ideas section, each group and each note on window.__renders); a normal build has no
 * trace of the counter, which the last test checks on dist/client. A real y-websocket
 * client edits one idea of a 600-idea board open in Chromium.
 */
describe('a remote edit on a large board, in the browser', () => {
  let probeDir: string;
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let board: CreateBoardResponse;
  let writer: TestClient;
  let ideas: Idea[];

  beforeAll(async () => {
    probeDir = await mkdtemp(joinPath(tmpdir(), 'samskab-probe-client-'));
    await run('npx', ['vite', 'build', '--outDir', probeDir, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, VITE_RENDER_PROBE: '1' },
    });
    [app, browser] = await Promise.all([startApp({ clientDir: probeDir }), launchBrowser()]);
    board = await createBoard(app.url, { template: 'blank' });
    writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Skriver'));
    await writer.synced();
    ideas = [];
    for (let from = 0; from < COUNT; from += 100) {
      writer.doc.transact(() => {
        for (let i = from; i < from + 100; i++) {
          const place = i < IN_CELLS ? cellOf(i) : {};
          ideas.push(writer.addIdea({ text: `Idé ${i + 1}`, position: `a${String(i).padStart(5, '0')}`, ...place }));
        }
      });
    }
    await eventually(() => writer.allSaved || writer.errors.length > 0, 60_000, 'the ideas saved');
    expect(writer.errors).toEqual([]);
  }, 240_000);

  afterAll(async () => {
    writer?.destroy();
    await browser?.close();
    await app?.close();
    if (probeDir) await rm(probeDir, { recursive: true, force: true });
  });

  it('re-renders only the edited note for a text edit, and only the two groups and the note for a move', async () => {
    const { context, page } = await newDevice(browser);
    try {
      await joinBoard(page, board.links.participant, 'Ida');
      await page.locator('section[data-group="unclassified"] .group__count', { hasText: `${COUNT - IN_CELLS} idéer` }).waitFor();
      // Long lists mount their first page in a deferred render (client/clusters/NoteList.tsx): let it
      // finish. A transition, so on a busy 2-core CI machine it took longer than expect.poll's 1 s
      // default (6 notes of 40 mounted when the poll gave up); the count asked for is the same.
      await expect.poll(() => page.locator('section[data-group="unclassified"] .note').count(), { timeout: 15_000 }).toBe(40);
      const target = ideas[0]!; // cell-1-1
      const note = page.locator(`[data-idea="${target.id}"]`);
      await note.waitFor();
      expect(await renders(page)).toHaveProperty(`note:${target.id}`);

      await resetRenders(page);
      ideasMap(writer.doc).get(target.id)!.set('text', 'Rettet af en anden');
      await note.locator('.note__text', { hasText: 'Rettet af en anden' }).waitFor();
      // Which components rendered, not how often: React may run a component twice for one update
      // (useSyncExternalStore re-checks its stores), which is no extra work for any other note.
      expect(Object.keys(await renders(page))).toEqual([`note:${target.id}`]);

      await resetRenders(page);
      writer.doc.transact(() => {
        const map = ideasMap(writer.doc).get(target.id)!;
        map.set('phase', 2);
        map.set('principle', 2);
      });
      await page.locator(`section[data-group="cell-2-2"] [data-idea="${target.id}"]`).waitFor();
      const moved = await renders(page);
      // The section hands the two new group arrays down; no other group and no other note renders.
      expect(Object.keys(moved).sort()).toEqual([`group:cell-1-1`, `group:cell-2-2`, `note:${target.id}`, 'section:ideas'].sort());
      await expect(page.locator('section[data-group="cell-1-1"] [data-idea]').count()).resolves.toBe(IN_CELLS / 9 - 1);
    } finally {
      await context.close();
    }
  });

  it('ships no render counter in a normal build', async () => {
    const assets = joinPath('dist/client/assets');
    const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(await readFile(joinPath(assets, file), 'utf8')).not.toContain('__renders');
  });
});
