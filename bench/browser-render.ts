import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Ack, CreateBoardResponse } from '../shared';
import { insertIdea } from '../shared';
import * as Y from 'yjs';
import { docNameOf } from '../server/core/rooms';
import { RedisStore } from '../server/store/redis-store';
import { startServer, type ServerHandle } from './lib/handles';
import { log } from './lib/log';
import { makeIdea } from './lib/ideas';
import { machineInfo, versions } from './lib/machine';
import { CORES, cpuSeconds, pinning, sleep } from './lib/proc';
import type { RedisHandle } from './lib/redis';
import { takeSeat, type BoardRef } from './lib/targets';

/**
 * Issue 6, item 4's last figure: a real browser's first render of a large board, in the board
 * view (a participant's first visit: join form, then the board) and the projector view. The
 * board is a 'blank' one, so no focus question filters it: every idea is shown, and "rendered"
 * means every idea is shown: a `.note` in the DOM, or counted in a long group's "show more" (the
board renders the first notes of each group and list, client/clusters/NoteList.tsx). Times are read on the page's own clock
 * (performance.now(), 0 = navigation start), so automation round trips do not count.
 */

export type View = 'board' | 'projector';
export type ServerState = 'cold' | 'warm';

export interface RenderSample {
  view: View;
  ideas: number;
  state: ServerState;
  firstPaintMs: number | null;
  /**
   * Board view: when the page received the join button's click (the click event's time).
   * Filling the form, and the automation's own checks before it clicks, are not the app's.
   */
  joinClickMs: number | null;
  /** Board view: when the bench asked Playwright to click (the definition before 2026-12-07 evening). */
  clickAskedMs: number | null;
  /** null: not every idea was shown (rendered or counted behind "show more") when the cap ran out. */
  allMs: number | null;
  notesAtEnd: number;
  pageCount: string;
  longestTaskMs: number;
  heapMiB: number;
  domNodes: number;
  /** Cores other processes used during the measurement (the machine is shared). */
  foreignCores: number;
}

export interface RenderResults {
  date: string;
  durationS: number;
  commit: string;
  machine: Record<string, string>;
  versions: Record<string, string>;
  pinning: string;
  capMs: number;
  reps: number;
  samples: RenderSample[];
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const OUT = here('./out/');
export const RENDER_JSON = `${OUT}browser-render.json`;
export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const VIEWPORT: Record<View, { width: number; height: number }> = { board: { width: 1280, height: 900 }, projector: { width: 1920, height: 1080 } };

/**
 * The client built from the current tree into a private directory. dist/client may be stale
 * (another engineer's tree moves on) or in use by their browser tests, so it is neither
 * trusted nor rebuilt; the server finds the build relative to its working directory.
 */
export function buildClient(profile: boolean): string {
  const root = `${OUT}render-root/`;
  mkdirSync(root, { recursive: true });
  if (!existsSync(`${root}node_modules`)) symlinkSync(here('../node_modules'), `${root}node_modules`);
  // A profile needs the source's function names, so that build is unminified (and its times not comparable).
  const minify = profile ? ['--minify', 'false'] : [];
  execFileSync('npx', ['vite', 'build', '--outDir', `${root}dist/client`, '--emptyOutDir', '--logLevel', 'warn', ...minify], { cwd: here('..'), stdio: 'inherit' });
  return root;
}

/** A server started with `cwd` as its working directory (children inherit it at spawn). */
export async function serverIn(cwd: string, redis: RedisHandle): Promise<ServerHandle> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return await startServer('samskab', redis);
  } finally {
    process.chdir(previous);
  }
}

/** Chromium on the load core, like every other client of the bench; the server and Redis keep core 0. */
export function pinnedChromium(): string {
  const path = `${OUT}chromium-pinned.sh`;
  writeFileSync(path, `#!/bin/sh\nexec taskset -c ${CORES.load} ${CHROMIUM} "$@"\n`);
  chmodSync(path, 0o755);
  return pinning().includes('taskset') ? path : CHROMIUM;
}

export interface Seeded {
  board: BoardRef;
  observer: string;
  /** The seeded ideas' author's session (it may edit their text). */
  authorSession: string;
}

/** A blank board (no questions: nothing filtered) holding `count` ideas, as one compacted snapshot. */
export async function seed(server: ServerHandle, redis: RedisHandle, count: number): Promise<Seeded> {
  const res = await fetch(`http://127.0.0.1:${server.target.port}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', locale: 'da' }),
  });
  const ack = (await res.json()) as Ack<CreateBoardResponse>;
  if (!ack.ok) throw new Error(`POST /api/boards: ${ack.error.code}`);
  const { boardId, tokens } = ack.data;
  const board: BoardRef = { kind: 'samskab', id: boardId, tokens: { facilitator: tokens.facilitator, participant: tokens.participant } };
  const seat = await takeSeat(server.target, board);
  const doc = new Y.Doc();
  const now = Date.now();
  doc.transact(() => {
    for (let i = 0; i < count; i++) insertIdea(doc, { ...makeIdea(seat.author, '', i, now - (count - i) * 1000), questionId: null });
  });
  const store = await RedisStore.connect(redis.url, { keyPrefix: server.prefix, clientName: 'samskab-bench-seed' });
  try {
    const docName = docNameOf(boardId);
    await store.claimClientId(docName, doc.clientID, `participant:${seat.author.participantId}`);
    await store.appendUpdate(docName, Y.encodeStateAsUpdate(doc));
    await store.compactDocument(docName);
  } finally {
    await store.close();
    doc.destroy();
  }
  return { board, observer: tokens.observer, authorSession: seat.session ?? '' };
}

/** Every pid descending from this process: the server, Redis and Chromium are ours, the rest is "other". */
function foreignSampler(): { stop(): number } {
  const read = () => {
    const parent = new Map<number, number>();
    const cpu = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
        cpu.set(Number(entry), cpuSeconds(Number(entry)));
      } catch {
        // gone meanwhile
      }
    }
    return { parent, cpu };
  };
  const first = read();
  const started = performance.now();
  return {
    stop() {
      const now = read();
      const mine = (pid: number): boolean => {
        for (let p = pid, hops = 0; p > 1 && hops < 32; p = now.parent.get(p) ?? first.parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
        return false;
      };
      let used = 0;
      for (const [pid, seconds] of now.cpu) if (!mine(pid) && Number.isFinite(seconds)) used += seconds - (first.cpu.get(pid) ?? seconds);
      return used / ((performance.now() - started) / 1000);
    },
  };
}

/** Long tasks on the page's main thread, from the very start of the document. */
const LONG_TASKS = `window.__longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });`;

/** The time the page received its first click on a button (the join), on the page's clock. */
const JOIN_CLICK = `window.__joinClick = null; addEventListener('click', (e) => { if (window.__joinClick === null && e.target instanceof Element && e.target.closest('button')) window.__joinClick = e.timeStamp; }, true);`;

/** Resolves to `fallback` when the page's main thread is still blocked after `ms` (a capped run). */
const within = <T>(ms: number, fallback: T, work: Promise<T>): Promise<T> =>
  Promise.race([work.catch(() => fallback), sleep(ms).then(() => fallback)]);

async function measure(browser: Browser, base: string, seeded: Seeded, view: View, ideas: number, state: ServerState, capMs: number, profileTo: string | null): Promise<RenderSample> {
  const context = await browser.newContext({ viewport: VIEWPORT[view], locale: 'da-DK' });
  const foreign = foreignSampler();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('  [page error]', error.message));
    await page.addInitScript(LONG_TASKS);
    await page.addInitScript(JOIN_CLICK);
    const cdp = await context.newCDPSession(page);
    if (profileTo) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    const token = view === 'board' ? seeded.board.tokens?.participant : seeded.observer;
    const path = view === 'board' ? `/b/${seeded.board.id}` : `/b/${seeded.board.id}/screen`;
    await page.goto(`${base}${path}#k=${encodeURIComponent(token ?? '')}`, { waitUntil: 'commit' });
    let clickAskedMs: number | null = null;
    if (view === 'board') {
      await page.getByLabel('Dit navn').fill('Bench');
      clickAskedMs = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    }
    // Polled every 50 ms on the page: the figure is at most 50 ms late, and the count itself is cheap.
    // Long groups render their first notes and count the rest behind "show more" (client/clusters/NoteList.tsx).
    const done = await page
      .waitForFunction(
        (n) => {
          let behind = 0;
          for (const more of document.querySelectorAll<HTMLElement>('[data-not-shown]')) behind += Number(more.dataset.notShown);
          return document.getElementsByClassName('note').length + behind >= n && performance.now();
        },
        ideas,
        { polling: 50, timeout: capMs },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => null);
    if (profileTo) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const late = { fcp: null, notes: -1, count: 'no answer: main thread busy', longest: NaN, click: null };
    const stats = await within(10_000, late, page.evaluate((v) => {
      const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
      const count = v === 'board' ? document.querySelector('[data-testid="ideas-shown"]') : document.querySelector('.screen__stats span:nth-child(2)');
      const w = window as unknown as { __longest?: number; __joinClick?: number | null };
      return { fcp: paint?.startTime ?? null, notes: document.getElementsByClassName('note').length, count: count?.textContent?.trim() ?? '', longest: w.__longest ?? 0, click: w.__joinClick ?? null };
    }, view));
    const heap = await within(10_000, { usedSize: NaN, totalSize: NaN }, cdp.send('HeapProfiler.collectGarbage').then(() => cdp.send('Runtime.getHeapUsage')));
    const metrics = await within(10_000, { metrics: [] }, cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics')));
    return {
      view,
      ideas,
      state,
      firstPaintMs: stats.fcp,
      // A run whose page never answered keeps the earlier, automation-side time.
      joinClickMs: view === 'board' ? (stats.click ?? clickAskedMs) : null,
      clickAskedMs,
      allMs: done,
      notesAtEnd: stats.notes,
      pageCount: stats.count,
      longestTaskMs: stats.longest,
      heapMiB: heap.usedSize / 1024 ** 2,
      domNodes: metrics.metrics.find((m) => m.name === 'Nodes')?.value ?? NaN,
      foreignCores: foreign.stop(),
    };
  } finally {
    await context.close();
  }
}

export interface RenderPlan {
  sizes: number[];
  reps: number;
  capMs: number;
  /** Where to write one CPU profile per size and view (cold, first run); null: none. */
  profileDir: string | null;
}

/**
 * Per size: one seeded board; per repetition and view, a new server process (cold: the board
 * is only in Redis), then a second fresh browser context on the same server (warm: the board
 * stays loaded UNLOAD_AFTER_MS = 30 s after the first page closed).
 */
export async function runBrowserRender(redis: RedisHandle, plan: RenderPlan): Promise<RenderResults> {
  const started = Date.now();
  log('browser render: building the client');
  const root = buildClient(plan.profileDir !== null);
  if (plan.profileDir) mkdirSync(plan.profileDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: pinnedChromium(), args: ARGS });
  const samples: RenderSample[] = [];
  try {
    for (const ideas of plan.sizes) {
      const seeder = await serverIn(root, redis);
      const seeded = await seed(seeder, redis, ideas).finally(() => seeder.stop());
      const capped = new Set<string>();
      for (let rep = 0; rep < plan.reps; rep++) {
        for (const view of ['board', 'projector'] as const) {
          // A run that hit the cap is not repeated: each would cost the whole cap again.
          if (capped.has(view)) continue;
          const server = await serverIn(root, redis);
          try {
            const base = `http://127.0.0.1:${server.target.port}`;
            for (const state of ['cold', 'warm'] as const) {
              await sleep(500);
              const profileTo = plan.profileDir && rep === 0 && state === 'cold' ? `${plan.profileDir}/render-${view}-${ideas}.cpuprofile` : null;
              const s = await measure(browser, base, seeded, view, ideas, state, plan.capMs, profileTo);
              samples.push(s);
              if (s.allMs === null) capped.add(view);
              log(`browser render, ${ideas} ideas, ${view}, ${state} #${rep + 1}: first paint ${fmtMs(s.firstPaintMs)}, all ${s.allMs === null ? `> cap (${s.notesAtEnd} notes)` : fmtMs(s.allMs)}, "${s.pageCount}", longest task ${fmtMs(s.longestTaskMs)}, heap ${s.heapMiB.toFixed(0)} MiB, ${s.domNodes} nodes, other processes ${s.foreignCores.toFixed(2)} cores`);
            }
          } finally {
            await server.stop();
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
  const commit = safe(() => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(), 'unknown');
  const v = { ...versions(), chromium: safe(() => execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 'unknown'), 'playwright-core': packageVersion('playwright-core'), react: packageVersion('react') };
  return { date: new Date(started).toISOString(), durationS: (Date.now() - started) / 1000, commit, machine: machineInfo(), versions: v, pinning: `server + redis on core ${CORES.server}, Chromium on core ${CORES.load} (taskset)`, capMs: plan.capMs, reps: plan.reps, samples };
}

function packageVersion(name: string): string {
  return safe(() => (JSON.parse(readFileSync(here(`../node_modules/${name}/package.json`), 'utf8')) as { version: string }).version, 'not installed');
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const fmtMs = (v: number | null): string => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);

/** Median and max of what finished; capped runs make the median "> cap" once they are half or more. */
function medMax(values: Array<number | null>, capMs: number): string {
  const done = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const capped = values.length - done.length;
  if (values.length === 0) return 'n/a';
  if (capped * 2 >= values.length) return `> ${capMs / 1000} s (${capped}/${values.length} capped)`;
  const all = [...done, ...Array<number>(capped).fill(Infinity)];
  const median = all[Math.floor((all.length - 1) / 2)] as number;
  const max = capped ? `> ${capMs / 1000} s` : (done.at(-1) as number).toFixed(0);
  return `${median.toFixed(0)} / ${max}`;
}

const table = (headers: string[], rows: string[][]): string =>
  [headers, headers.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

export const SECTION_START = '<!-- browser-render:start -->';
export const SECTION_END = '<!-- browser-render:end -->';

export function renderSection(r: RenderResults): string {
  const rows: string[][] = [];
  const keys = [...new Set(r.samples.map((s) => `${s.ideas}|${s.view}|${s.state}`))];
  for (const key of keys) {
    const group = r.samples.filter((s) => `${s.ideas}|${s.view}|${s.state}` === key);
    const [first] = group as [RenderSample];
    const num = (f: (s: RenderSample) => number | null) => medMax(group.map(f), r.capMs);
    // Not measured (the page did not answer after a capped run) is not "capped": left out.
    const seen = (f: (s: RenderSample) => number) => {
      const values = group.map(f).filter(Number.isFinite);
      return values.length ? `${medMax(values, r.capMs)}${values.length < group.length ? ` (${values.length} of ${group.length})` : ''}` : 'n/a';
    };
    rows.push([
      first.ideas.toLocaleString('en'),
      first.view,
      first.state,
      seen((s) => s.firstPaintMs ?? NaN),
      num((s) => s.allMs),
      first.view === 'board' ? num((s) => (s.allMs === null || s.joinClickMs === null ? null : s.allMs - s.joinClickMs)) : '',
      seen((s) => s.longestTaskMs),
      seen((s) => s.heapMiB),
      String(Math.round(Math.max(...group.map((s) => s.domNodes)))),
      `"${group.at(-1)?.pageCount ?? ''}" (${Math.min(...group.map((s) => s.notesAtEnd))} notes)`,
      Math.max(...group.map((s) => s.foreignCores)).toFixed(2),
    ]);
  }
  const machine = Object.entries(r.machine).map(([k, v]) => `${k} ${v}`).join(', ');
  const v = r.versions;
  // Runs before the page recorded its own click took the time before the automation clicked.
  const clickWords = r.samples.some((s) => s.clickAskedMs != null)
    ? "the time the page received the click event; the automation's own checks before it clicks are not counted"
    : "taken before the automation clicked, so its own checks before the click, some 20-85 ms, are counted";
  return `${SECTION_START}
## 8. Browser first render (board and projector views)

Measured by \`bench/browser-render.ts\` (\`npm run bench -- --only=browser-render\`, also part of \`--full\`) on ${r.date}, in ${r.durationS.toFixed(0)} s, commit ${r.commit}; machine: ${machine}; ${v.chromium} (Debian) through playwright-core ${v['playwright-core']}, node ${v.node}, React ${v.react}, yjs ${v.yjs}, redis-server ${v['redis-server']}. **The machine has 2 cores and is shared** with other engineers' test runs: the last column gives the cores other processes used during the slowest run of each row. Processes: ${r.pinning}; Chromium ${ARGS.join(' ')}.

A blank board (no questions, so nothing is filtered: the board and the projector show every idea, grouped by phase × principle) seeded in Redis as one compacted snapshot, the client built from the current tree (\`vite build\`). Each run is a fresh browser context (empty IndexedDB, no session: a first visit). Board view: \`/b/<id>#k=<participant token>\`, the join form filled with a name and submitted; projector: \`/b/<id>/screen#k=<observer token>\` (it joins by itself). Cold: a new server process, the board only in Redis; warm: a second fresh context right after, the board still loaded. Times are on the page's clock from navigation start: first paint = first-contentful-paint (the page shell: join form or "loading"); all ideas shown = every idea is a \`.note\` element in the DOM or counted behind a long list's "show more" (\`data-not-shown\`; each list renders its first notes, client/clusters/NoteList.tsx), polled every 50 ms; for the board view also from the join click (${clickWords}). Longest task = the longest main-thread block (PerformanceObserver longtask): the page does not respond to input meanwhile. Heap: V8 heap used after render and a forced GC (CDP \`Runtime.getHeapUsage\`). ${r.reps} runs per row, median / max; the wait for all ideas is capped at ${r.capMs / 1000} s (from the join click in the board view), and a row that hit the cap is not repeated (1/1): its "page says" and notes are read once the page answers again, up to 10 s after the cap, and its heap is n/a when the forced GC did not finish within 10 s.

${table(['ideas', 'view', 'server', 'first paint ms', 'all ideas shown ms', 'from join click ms', 'longest task ms', 'JS heap MiB', 'DOM nodes (max)', 'page says (last run)', 'other processes (cores, max)'], rows)}
${SECTION_END}
`;
}

/** Puts the section into RESULTS.md (replacing an earlier one), before the notes. */
export function writeSection(resultsPath: string, section: string): void {
  const text = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  let next: string;
  if (start >= 0 && end > start) next = text.slice(0, start) + section + text.slice(text.indexOf('\n', end) + 1);
  else {
    const notes = text.indexOf('\n## Notes');
    next = notes >= 0 ? `${text.slice(0, notes + 1)}${section}\n${text.slice(notes + 1)}` : `${text}\n${section}`;
  }
  writeFileSync(resultsPath, next);
}

export function saveRender(r: RenderResults): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(RENDER_JSON, JSON.stringify(r, null, 2));
}

export function loadRender(): RenderResults | null {
  return existsSync(RENDER_JSON) ? (JSON.parse(readFileSync(RENDER_JSON, 'utf8')) as RenderResults) : null;
}
