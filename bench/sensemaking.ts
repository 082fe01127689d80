import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { ideasMap, insertIdea, type IdeaInput } from '../shared';
import { BoardSense } from '../server/sensemaking/board-sense';
import { SimilarityIndex } from '../server/sensemaking/similarity-index';
import type { FeatureSteps } from '../server/sensemaking/text';
import { clusterIdeas } from '../server/sensemaking/clustering';
import { ThemeRunner } from '../server/sensemaking/theme-runner';
import { adjustedRandIndex, coverage, purity, recallAtK } from '../server/sensemaking/quality';

/**
 * Issue 14's figures, on demand (`npx tsx bench/sensemaking.ts [--out bench/out/sensemaking.md]`):
 * - quality on test/fixtures/sensemaking-eval.json, next to a plain word TF-IDF baseline
 *   (no stemming, no n-grams, no glossary), then with each step added, so each step's gain
 *   shows (the clustering is the same average linkage in every row);
 * - speed and memory: a similar-ideas query on a 10,000-idea board (p50/p99), themes for
 *   2,000 ideas on the worker, the index's heap at 10,000 ideas, and the added cost per
 *   applied Yjs update of following the document.
 * `npm run bench:sensemaking` runs it with --expose-gc, for the memory figure.
 */

interface EvalSet {
  ideas: { id: string; theme: string; text: string }[];
  duplicates: [string, string][];
}

const set = JSON.parse(readFileSync(new URL('../test/fixtures/sensemaking-eval.json', import.meta.url), 'utf8')) as EvalSet;
const gold = new Map(set.ideas.map((idea) => [idea.id, idea.theme]));

/** The baseline: whole lower-cased words, TF-IDF, cosine. */
function baselineNeighbours(): (id: string, k: number) => string[] {
  const docs = new Map(set.ideas.map((idea) => [idea.id, idea.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)]));
  const df = new Map<string, number>();
  for (const words of docs.values()) for (const word of new Set(words)) df.set(word, (df.get(word) ?? 0) + 1);
  const n = docs.size;
  const vectors = new Map<string, Map<string, number>>();
  for (const [id, words] of docs) {
    const tf = new Map<string, number>();
    for (const word of words) tf.set(word, (tf.get(word) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, count] of tf) {
      const weight = (1 + Math.log(count)) * (Math.log((n + 1) / ((df.get(word) ?? 0) + 1)) + 1);
      vector.set(word, weight);
      norm += weight * weight;
    }
    for (const [word, weight] of vector) vector.set(word, weight / Math.sqrt(norm));
    vectors.set(id, vector);
  }
  const cos = (a: Map<string, number>, b: Map<string, number>) => {
    let dot = 0;
    for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
    return dot;
  };
  return (id, k) =>
    [...vectors.keys()]
      .filter((other) => other !== id)
      .map((other) => ({ other, score: cos(vectors.get(id)!, vectors.get(other)!) }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map((hit) => hit.other);
}

function qualityRows(): string[] {
  const rows: string[] = [];
  const baseline = baselineNeighbours();
  rows.push(`| plain word TF-IDF (baseline) | ${recallAtK(set.duplicates, baseline, 1).toFixed(2)} | ${recallAtK(set.duplicates, baseline, 3).toFixed(2)} | – | – | – |`);
  const ladder: [string, FeatureSteps][] = [
    ['+ stopwords', { stopwords: true, fold: false, stem: false, grams: false, glossary: false }],
    ['+ æøå folding', { stopwords: true, fold: true, stem: false, grams: false, glossary: false }],
    ['+ Snowball stems', { stopwords: true, fold: true, stem: true, grams: false, glossary: false }],
    ['+ character n-grams', { stopwords: true, fold: true, stem: true, grams: true, glossary: false }],
  ];
  for (const [name, steps] of ladder) {
    const partial = new SimilarityIndex('da', steps);
    for (const idea of set.ideas) partial.upsert(idea.id, idea.text);
    const nb = (id: string, k: number) => partial.similarTo(id, { limit: k }).map((hit) => hit.id);
    const found = clusterIdeas(partial, set.ideas.map((idea) => idea.id));
    rows.push(
      `| ${name} | ${recallAtK(set.duplicates, nb, 1).toFixed(2)} | ${recallAtK(set.duplicates, nb, 3).toFixed(2)} | ${purity(found, gold).toFixed(2)} | ${adjustedRandIndex(found, gold).toFixed(2)} | ${coverage(found, set.ideas.length).toFixed(2)} |`,
    );
  }
  const index = new SimilarityIndex('da');
  for (const idea of set.ideas) index.upsert(idea.id, idea.text);
  const ours = (id: string, k: number) => index.similarTo(id, { limit: k }).map((hit) => hit.id);
  const groups = clusterIdeas(index, set.ideas.map((idea) => idea.id));
  rows.push(
    `| + English–Danish glossary (Samskab as shipped) | ${recallAtK(set.duplicates, ours, 1).toFixed(2)} | ${recallAtK(set.duplicates, ours, 3).toFixed(2)} | ${purity(groups, gold).toFixed(2)} | ${adjustedRandIndex(groups, gold).toFixed(2)} | ${coverage(groups, set.ideas.length).toFixed(2)} |`,
  );
  return rows;
}

/** A synthetic board of `count` ideas: evaluation ideas with words swapped and places added. */
function syntheticIdeas(count: number): { id: string; text: string }[] {
  const places = ['ved stationen', 'i Vejleåparken', 'på Strandgårdsvej', 'i landsbyen', 'ved centret', 'nær skolen', 'i Ishøj Strand', 'på Gildbrovej'];
  const extras = ['gerne snart', 'for alle', 'hele året', 'om aftenen', 'i weekenden', 'for familier', 'med frivillige', 'som et forsøg'];
  return Array.from({ length: count }, (_, at) => {
    const base = set.ideas[at % set.ideas.length]!.text;
    return { id: `s${at}`, text: `${base} ${places[(at * 7) % places.length]} ${extras[(at * 3) % extras.length]} ${at % 97 === 0 ? 'hurtigst muligt' : ''}`.trim() };
  });
}

const idea = (id: string, text: string): IdeaInput => ({
  id, text, authorId: 'bench-0001', authorName: null, contributorType: null, organisation: null, createdAt: 1, updatedAt: 1,
  phase: null, principle: null, track: null, beacons: [], questionId: null, position: 'a0', clusterId: null,
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

async function speedRows(): Promise<string[]> {
  const rows: string[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const board = syntheticIdeas(10_000);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const index = new SimilarityIndex('da');
  for (const { id, text } of board) index.upsert(id, text);
  index.query('warm up', { limit: 3 });
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
  const times: number[] = [];
  for (let at = 0; at < 500; at += 1) {
    const text = set.ideas[at % set.ideas.length]!.text.split(' ').slice(0, 6).join(' ');
    const start = performance.now();
    index.query(text, { limit: 3, minScore: 0.15 });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  rows.push(`| similar-ideas query, 10,000-idea board | p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms | p99 < 20 ms |`);
  rows.push(`| index heap at 10,000 ideas | ${gc ? `${heapMb.toFixed(1)} MB` : 'run with --expose-gc'} | < 50 MB |`);

  const runner = new ThemeRunner();
  const sample = syntheticIdeas(2_000);
  await runner.run(sample.slice(0, 50), 'da'); // start the worker
  const start = performance.now();
  const result = await runner.run(sample, 'da');
  rows.push(`| themes for 2,000 ideas (worker thread) | ${(performance.now() - start).toFixed(0)} ms, ${result.themes.length} themes | < 2 s |`);
  await runner.close();

  // The added cost per applied Yjs update: apply the same 5,000 idea updates to a document
  // with and without a BoardSense following it (the index catches up later, off this path).
  const updates: Uint8Array[] = [];
  const source = new Y.Doc();
  source.on('update', (update: Uint8Array) => updates.push(update));
  for (let at = 0; at < 5_000; at += 1) insertIdea(source, idea(`u${at}`, board[at]!.text));
  for (let at = 0; at < 5_000; at += 1) ideasMap(source).get(`u${at}`)!.set('text', `${board[at]!.text} (rettet)`);
  const applyAll = (follow: boolean): number => {
    const doc = new Y.Doc();
    const sense = follow ? new BoardSense(doc) : null;
    const begin = performance.now();
    for (const update of updates) Y.applyUpdate(doc, update);
    const spent = performance.now() - begin;
    sense?.close();
    return spent;
  };
  const plain: number[] = [];
  const followed: number[] = [];
  applyAll(false); // warm both paths up before measuring
  applyAll(true);
  for (let round = 0; round < 9; round += 1) {
    // Alternate which goes first, so neither always runs on a warmer heap.
    if (round % 2 === 0) {
      plain.push(applyAll(false));
      followed.push(applyAll(true));
    } else {
      followed.push(applyAll(true));
      plain.push(applyAll(false));
    }
  }
  plain.sort((a, b) => a - b);
  followed.sort((a, b) => a - b);
  const perPlain = (plain[4]! * 1000) / updates.length;
  const perFollowed = (followed[4]! * 1000) / updates.length;
  rows.push(
    `| applying one idea update, without / with the index following | ${perPlain.toFixed(1)} / ${perFollowed.toFixed(1)} µs (+${(((perFollowed - perPlain) / perPlain) * 100).toFixed(1)}%) | ≤ 5% |`,
  );
  return rows;
}

async function main(): Promise<void> {
  const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
  const lines = [
    `### Sensemaking (issue 14), ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Quality on test/fixtures/sensemaking-eval.json (${set.ideas.length} ideas, ${set.duplicates.length} gold duplicate pairs, ${new Set(gold.values()).size} gold themes):`,
    '',
    '| engine | recall@1 | recall@3 | theme purity | adjusted Rand | coverage |',
    '| --- | --- | --- | --- | --- | --- |',
    ...qualityRows(),
    '',
    '| speed and memory | measured | target |',
    '| --- | --- | --- |',
    ...(await speedRows()),
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  if (out) writeFileSync(out, text);
}

await main();
