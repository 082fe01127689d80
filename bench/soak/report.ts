import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fmt } from '../lib/stats';
import { THRESHOLDS, afterWarmup, convergenceVerdict, memorySlopes, overall, p99Check, slopeVerdict, totalErrors, type Slope, type Verdict } from './analysis';
import type { Convergence, Sample, ServerSample, SetupResult, SoakOptions } from './types';

/** bench/SOAK.md, rendered from one run. */

export interface SoakRun {
  command: string;
  /** The commit the soaked server ran (with "+changes" when the tree differed from it). */
  commit: string;
  options: SoakOptions;
  date: string;
  durationS: number;
  machine: Record<string, string>;
  versions: Record<string, string>;
  pinning: string;
  /** The soak's processes' priority (absent in older runs): raised, other people's work yields to it. */
  priority?: { nice: number; io: string; autogroup?: boolean | null };
  redisWrite: string;
  setup: SetupResult;
  /** The server after setup, before any load. */
  baseline: ServerSample;
  samples: Sample[];
  settle: { ms: number; notReconnected: number; unsaved: number };
  convergence: Convergence;
}

/** Errors seen in practice, explained where the report shows them. */
const EXPLAINED: Record<string, string> = {
  'yjs:CLIENT_ID_TAKEN':
    'a client that lost its network came back before the server had dropped its silent old connection (keepalive: 15–30 s); the awareness guard refuses the same client id on a second connection of the board and closes with 4400. The soak retries with backoff until the old connection is gone; y-websocket, and so the web app, stops reconnecting on any 44xx close',
  'close:4400': 'the server closed the connection for a protocol error (see the matching `yjs:` code)',
};

const MB = 1024 * 1024;
const mb = (bytes: number) => fmt(bytes / MB, 1);
const table = (headers: string[], rows: string[][]) =>
  [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const mark = (v: Verdict) => (v === 'pass' ? 'pass' : v === 'fail' ? '**fail**' : 'inconclusive');
const perHour = (s: Slope) => `${fmt(s.perHour, 1)} MB/h (95% CI ${fmt(s.low, 1)} … ${fmt(s.high, 1)}, ${s.points} samples)`;
const sum = (values: number[]) => values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);

function stall(group: Sample[]): string {
  const worst = group.reduce((a, s) => (s.redisStall.ms > a.ms ? s.redisStall : a), { ms: 0, event: '' });
  return worst.ms > 0 ? `${worst.ms} (${worst.event})` : '–';
}

/** About 40 rows whatever the length of the run: counts add up, latencies take the worst interval. */
function rows(samples: Sample[]): string[][] {
  const per = Math.max(1, Math.ceil(samples.length / 40));
  const out: string[][] = [];
  for (let i = 0; i < samples.length; i += per) {
    const group = samples.slice(i, i + per);
    const last = group[group.length - 1] as Sample;
    const c = group.map((s) => s.clients);
    const ops = sum(c.map((x) => sum(Object.values(x.ops))));
    const errors = sum(c.map((x) => sum(Object.values(x.errors))));
    const worst = (pick: (s: Sample) => number) => Math.max(...group.map(pick).filter(Number.isFinite));
    out.push([
      fmt(last.t, 0),
      mb(last.server.heapUsed + last.server.external),
      mb(last.documentsHeap),
      mb(last.server.rss),
      mb(last.redisBytes),
      fmt(sum(group.map((s) => s.server.cpu)) / group.length * 100, 0),
      String(ops),
      `${fmt(worst((s) => s.clients.fanout.p50), 1)} / ${fmt(worst((s) => s.clients.fanout.p99), 1)} / ${fmt(worst((s) => s.clients.fanout.max), 0)}`,
      String(sum(c.map((x) => x.fanout.count))),
      errors === 0 ? '0' : `**${errors}**`,
      `${sum(c.map((x) => x.disconnects.clean))} / ${sum(c.map((x) => x.disconnects.lost))}`,
      `${sum(c.map((x) => x.reconnects))} / ${sum(c.map((x) => x.refusedAttempts))}`,
      String(last.clients.connected),
      fmt(sum(last.clients.docBytes) / 1024, 0),
      String(sum(last.clients.ideas)),
      String(sum(group.map((s) => s.compactions))),
      stall(group),
      fmt(worst((s) => s.serverLag?.maxMs ?? NaN), 0),
      fmt((sum(group.map((s) => s.loadCpu)) / group.length) * 100, 0),
      `${fmt(worst((s) => s.clients.loadLag.p99Ms), 0)} / ${fmt(worst((s) => s.clients.loadLag.maxMs), 0)}`,
      `${fmt(worst((s) => s.clients.loadGc?.maxMs ?? NaN), 0)} / ${c.some((x) => x.loadGc) ? sum(c.map((x) => x.loadGc?.pausedDeliveries ?? 0)) : 'n/a'}`,
      fmt(worst((s) => s.foreignCpu), 2),
    ]);
  }
  return out;
}

export function writeSoakReport(run: SoakRun): string {
  const { options: o, samples } = run;
  const measured = afterWarmup(samples, o.warmupSeconds);
  const slopes = memorySlopes(measured);
  const window = measured.length > 0 ? (measured[measured.length - 1] as Sample).t - (measured[0] as Sample).t : 0;
  const errors = totalErrors(samples);
  const errorCount = sum(Object.values(errors));
  const p99 = p99Check(measured);
  const verdicts = {
    heap: slopeVerdict(slopes.heapBeyondDocuments, THRESHOLDS.heapMBPerHour),
    rss: slopeVerdict(slopes.rssBeyondDocuments, THRESHOLDS.rssMBPerHour, window, THRESHOLDS.rssMinWindowSeconds),
    errors: (errorCount === 0 ? 'pass' : 'fail') as Verdict,
    p99: p99.verdict,
    converged: convergenceVerdict(run.convergence),
  };
  const verdict = overall(Object.values(verdicts));
  const short = o.minutes < 60;
  const ops: Record<string, number> = {};
  for (const s of samples) for (const [k, n] of Object.entries(s.clients.ops)) ops[k] = (ops[k] ?? 0) + n;
  const c = run.convergence;
  const last = samples[samples.length - 1];

  const text = `# Samskab soak run

Generated by \`${run.command}\` on ${run.date} (code at commit ${run.commit}), in ${fmt(run.durationS / 60, 1)} minutes. Do not edit by hand: run the soak again.

${short ? `**This is a short run (${o.minutes} minutes).** It shows the soak works and gives first figures; a memory slope over so short a window says little, which is why the slope verdicts below may read "inconclusive". The run the promise rests on is \`npm run soak -- --minutes 60\` (about 65 minutes).\n\n` : ''}**Verdict:** ${mark(verdict)}.

| criterion | threshold | measured | verdict |
| --- | --- | --- | --- |
| server heap + external after GC, beyond the boards' documents: slope after warm-up | ≤ ${THRESHOLDS.heapMBPerHour} MB/h (the whole 95% CI) | ${perHour(slopes.heapBeyondDocuments)} | ${mark(verdicts.heap)} |
| server RSS beyond the boards' documents: slope after warm-up | ≤ ${THRESHOLDS.rssMBPerHour} MB/h (the whole 95% CI), judged on ≥ ${THRESHOLDS.rssMinWindowSeconds / 60} minutes after warm-up | ${perHour(slopes.rssBeyondDocuments)} | ${mark(verdicts.rss)} |
| unexpected errors (refused updates, server closes, socket errors, refused commands other than vote budgets) | 0 | ${errorCount} | ${mark(verdicts.errors)} |
| p99 fan-out per interval after warm-up: level, stalls and drift | every interval ≤ ${THRESHOLDS.p99Ms} ms (issue 17: no interval over it), and the last third's median ≤ ${THRESHOLDS.p99Drift}× the first third's (or ≤ ${THRESHOLDS.p99FloorMs} ms) | median ${fmt(p99.median, 1)} ms (worst interval ${fmt(p99.worst, 1)} ms); first third ${fmt(p99.first, 1)} → last third ${fmt(p99.last, 1)} ms | ${mark(verdicts.p99)} |
| at the end every client equals its board as stored | 0 differ, 0 not back | ${c.diverged} differ, ${c.notReconnected} not back (of ${c.clients}; ${c.ideas} ideas stored) | ${mark(verdicts.converged)} |

A slope passes when its whole 95% confidence interval is under the threshold, fails when the whole interval is over it, and is inconclusive otherwise (too few or too noisy samples). The boards' documents are taken out because their growth is real, not a leak: every move, edit and delete leaves Yjs tombstones that a live document keeps (compaction drops them from the stored snapshot, not from the document in memory). Their heap is measured by rebuilding each board from a client's copy in the orchestrator between two full collections. Over the same window: server heap + external as measured ${perHour(slopes.heap)}; the documents' heap ${perHour(slopes.documents)}; their encoded size ${perHour(slopes.encoded)}; server RSS as measured ${perHour(slopes.rss)}; Redis used memory ${perHour(slopes.redis)}.

**Noise.** The machine has 2 cores and is shared: other engineers run test suites on it at the same time. The server and Redis are pinned to core 0 and the clients to core 1 (${run.pinning}), but other processes run on both; the column "others" gives the cores they used in each interval. Latency and CPU figures in intervals where it is high are inflated, and the memory samples get noisier. Read single rows with care.${run.priority && run.priority.nice < 0 ? ` This run's processes (server, Redis, load) ran at a raised priority (nice ${run.priority.nice}, I/O ${run.priority.io}${run.priority.autogroup === false ? ', the kernel\'s autogroup scheduling off' : run.priority.autogroup ? ', but with the kernel\'s autogroup scheduling on, which lets every other session take its share regardless' : ''}), so that the other work, at normal or lower priority, got the cores and the disk only when the soak did not need them.` : ''}

## Parameters

| | |
| --- | --- |
| clients | ${o.clients} (on ${o.boards} boards, ${run.setup.clients} connected at start) |
| operations | ${o.rate}/s over all clients: add idea 35%, move 30%, edit own text 10%, delete own 10% (Yjs), dot vote or take it back 15% (socket.io \`vote:cast\` / \`vote:retract\`) |
| presence | every move and edit first sets awareness \`editing\`, as the web client does |
| churn | ${o.churnPerMinute} disconnects a minute; away 2–20 s; ${fmt((1 - o.lostShare) * 100, 0)}% close the connection, ${fmt(o.lostShare * 100, 0)}% lose the network (the connection goes silent; the server notices by its keepalive); 30% write an idea while away; a refused reconnect is retried with y-websocket's backoff (100 ms doubling to 2.5 s) |
| boards at start | every person has written ${run.setup.prefill} ideas before the clock starts and keeps at most ${run.setup.prefill + 1} (an add beyond that deletes their oldest), so the boards are at their working size from the first sample and only tombstones of deleted ideas accumulate |
| facilitators | one per board; a one-minute timer (re)started every 30–90 s; question 2 in the vote step (${run.setup.voteNote}), ${run.setup.seedIdeas} ideas to vote on |
| duration | ${o.minutes} minutes of load, sampled every ${o.sampleSeconds} s; warm-up ${o.warmupSeconds} s (excluded from slopes and p99 verdict) |
| server | Samskab, one process, Redis store (\`bench/servers/samskab.ts\`), COMPACT_AFTER_UPDATES 500, log level warn, \`NODE_ENV=production\` |
| load | ${o.loadProcesses ?? 1} load process${(o.loadProcesses ?? 1) === 1 ? '' : 'es'} (whole boards each, \`bench/soak/pool.ts\`), all on the load core; "load CPU" is their sum, "load lag" and "load GC" the worst of them |
| Redis | ${o.redisFsync === 'always' ? 'AOF, appendfsync always (as docker-compose.yml)' : 'no persistence'}; one durable append: ${run.redisWrite} |
| setup | ${fmt(run.setup.setupMs / 1000, 1)} s to create the boards and sessions and connect everyone; after it the server used ${mb(run.baseline.heapUsed + run.baseline.external)} MB heap + external, ${mb(run.baseline.rss)} MB RSS |

## Machine and versions

${table(['', ''], Object.entries(run.machine))}

${table(['package', 'version'], Object.entries(run.versions))}

## Over time

Memory is sampled after two forced full collections; "documents" is the heap the boards' documents take (see above). "ops" counts client operations in the interval (offline writes included); fan-out is from a client's transaction to another connected client applying the broadcast (one process clock; catch-up after a reconnect is not counted, nor ops sent in the 300 ms before and during the forced collection of each memory sample, a pause the soak itself causes, nor deliveries on their way while a load process itself was stopped by its own GC for 50 ms or more: it holds a full document per client, and a mark-compact of that heap stops it, which would be timed as the server's. "load GC" gives the longest GC pause and how many deliveries were left out for such pauses; the clients are spread over several load processes so that no heap is large enough for its marking to hold a process for long); disconnects are closed / lost, reconnects are done / attempts the server refused first. Document KB and ideas are summed over the boards, from one connected client's copy each. "Redis stall" is the longest event of Redis's latency monitor (threshold 50 ms) in the interval, usually \`aof-fsync-always\`: a disk that makes Redis wait makes every Saved and every broadcast wait, since Samskab broadcasts only what is durable. "server lag max" is the server's longest event-loop delay in the interval (read before the forced collection): a stall there delays every broadcast of the process.${samples.length > 40 ? ' Each row merges consecutive samples: counts add up, latencies are the worst interval of the row.' : ''}

${table(['t (s)', 'heap+ext MB', 'documents MB', 'RSS MB', 'Redis MB', 'server CPU %', 'ops', 'fan-out p50 / p99 / max ms', 'deliveries', 'errors', 'disconnects', 'reconnects', 'online', 'docs KB', 'ideas', 'compactions', 'Redis stall ms', 'server lag max ms', 'load CPU %', 'load lag p99 / max ms', 'load GC max ms / deliveries not timed', 'others (cores)'], rows(samples))}

## Totals

- Operations: ${Object.entries(ops).map(([k, n]) => `${k} ${n}`).join(', ')}; live deliveries ${sum(samples.map((s) => s.clients.fanout.count))}.
- Vote commands refused for the budget (expected, the workload votes until it runs out): ${sum(samples.map((s) => s.clients.budgetRefusals))}; vote acknowledgement p99, worst interval: ${fmt(Math.max(...samples.map((s) => s.clients.voteAck.p99).filter(Number.isFinite)), 1)} ms.
- Disconnects: ${sum(samples.map((s) => s.clients.disconnects.clean))} closed, ${sum(samples.map((s) => s.clients.disconnects.lost))} lost; reconnects ${sum(samples.map((s) => s.clients.reconnects))}, attempts refused on the way ${sum(samples.map((s) => s.clients.refusedAttempts))}.
- Compactions: ${sum(samples.map((s) => s.compactions))}, longest ${fmt(Math.max(0, ...samples.map((s) => s.compactionMaxMs)), 0)} ms.
- After the load stopped, everyone was back and saved in ${fmt(run.settle.ms / 1000, 1)} s (${run.settle.notReconnected} not back, ${run.settle.unsaved} with unsaved edits).${last ? ` At the end the server held ${mb(last.server.heapUsed + last.server.external)} MB heap + external and ${mb(last.server.rss)} MB RSS.` : ''}
${c.detail.length > 0 ? `- Convergence: ${c.detail.join('; ')}.\n` : ''}
### Errors by kind

${errorCount === 0 ? 'None.' : table(['kind', 'count', 'what it means'], Object.entries(errors).sort(([, a], [, b]) => b - a).map(([k, n]) => [`\`${k}\``, String(n), EXPLAINED[k] ?? '']))}

## Running it

\`npm run soak\` runs 10 minutes with 200 clients; \`npm run soak -- --minutes 60\` is the hour-long run, and \`--clients N\`, \`--boards N\`, \`--rate OPS\`, \`--churn PER_MINUTE\`, \`--sample SECONDS\`, \`--warmup SECONDS\`, \`--redis-fsync=no\` change the rest. It starts its own \`redis-server\` on a free port and its own server, and writes this file. Code: \`bench/soak.ts\`, \`bench/soak/\`.
`;
  const path = fileURLToPath(new URL('../SOAK.md', import.meta.url));
  writeFileSync(path, text);
  return path;
}
