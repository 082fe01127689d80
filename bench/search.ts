import type { Idea } from '../shared';
import { compileQuery, searchableText } from '../client/board/search';

/**
 * `npm run bench:search`: the board's search over 10,000 ideas once their text is folded
 * (the timing test/unit/search.test.ts used to assert; tests never time). Target: a few
 * milliseconds per query, well inside one frame.
 */

const IDEAS = 10_000;
const RUNS = 50;

function idea(i: number): Idea {
  return {
    id: `idea-${i}`,
    text: `Idé nummer ${i} om Ishøj Strand og ${i % 7 === 0 ? 'Århus' : 'Køge'}`,
    authorId: 'author-1',
    authorName: null,
    contributorType: null,
    organisation: null,
    createdAt: 0,
    updatedAt: 0,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: 'a0',
    clusterId: null,
  };
}

const ideas = Array.from({ length: IDEAS }, (_, i) => idea(i));
let started = performance.now();
for (const i of ideas) searchableText(i);
const foldMs = performance.now() - started;

const times: number[] = [];
let hits = 0;
for (let run = 0; run < RUNS; run++) {
  started = performance.now();
  const matcher = compileQuery('aarhus strand');
  if (!matcher) throw new Error('the query compiled to nothing');
  hits = ideas.filter((i) => matcher([searchableText(i)])).length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
if (hits !== Math.ceil(IDEAS / 7)) throw new Error(`expected ${Math.ceil(IDEAS / 7)} hits, got ${hits}`);
console.log(`search over ${IDEAS} ideas: folding ${foldMs.toFixed(1)} ms once; a query p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (${RUNS} runs, ${hits} hits)`);
