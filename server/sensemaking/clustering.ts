import type { SimilarityIndex } from './similarity-index';

/**
 * Average-linkage agglomerative clustering on cosine similarity with a distance cut: two
 * groups merge while the mean similarity of all their pairs is at least `cut`. Chosen over
 * k-means on the evaluation set (bench/sensemaking.ts): it needs no k, leaves ideas that
 * belong nowhere alone instead of forcing them into a theme, and on short texts its themes
 * were purer. Pairs are taken from the inverted index (each idea's nearest neighbours), so
 * the work grows with the board's overlap, not with the square of its size.
 */

export interface ClusterOptions {
  /** Mean pairwise cosine two groups need to merge. */
  cut: number;
  /** How many nearest neighbours of each idea count as pairs. */
  neighbours: number;
}

export const DEFAULT_CLUSTERING: ClusterOptions = { cut: 0.08, neighbours: 25 };

interface Candidate {
  a: number;
  b: number;
  score: number;
  versionA: number;
  versionB: number;
}

/** A binary max-heap of merge candidates, best mean similarity first. */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: Candidate): void {
    const items = this.items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent]!.score >= items[at]!.score) break;
      [items[parent], items[at]] = [items[at]!, items[parent]!];
      at = parent;
    }
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let best = at;
        if (left < items.length && items[left]!.score > items[best]!.score) best = left;
        if (right < items.length && items[right]!.score > items[best]!.score) best = right;
        if (best === at) break;
        [items[best], items[at]] = [items[at]!, items[best]!];
        at = best;
      }
    }
    return top;
  }
}

/** Groups of idea ids (largest first); ideas that joined nothing are left out. */
export function clusterIdeas(index: SimilarityIndex, ids: readonly string[], options = DEFAULT_CLUSTERING): string[][] {
  const position = new Map(ids.map((id, at) => [id, at]));
  const members: number[][] = ids.map((_, at) => [at]);
  const version = ids.map(() => 0);
  const alive = ids.map(() => true);
  // links[a]: cluster b → summed similarity of all pairs between a and b.
  const links: Map<number, number>[] = ids.map(() => new Map());
  const accept = (id: string): boolean => position.has(id);
  ids.forEach((id, at) => {
    for (const { id: other, score } of index.similarTo(id, { limit: options.neighbours, accept })) {
      const to = position.get(other)!;
      if (to === at || score <= 0) continue;
      // Keep each pair once, with the higher of the two directions' view (they are equal).
      links[at]!.set(to, score);
      links[to]!.set(at, score);
    }
  });
  const heap = new CandidateHeap();
  const offer = (a: number, b: number): void => {
    const sum = links[a]!.get(b) ?? 0;
    const score = sum / (members[a]!.length * members[b]!.length);
    if (score >= options.cut) heap.push({ a, b, score, versionA: version[a]!, versionB: version[b]! });
  };
  links.forEach((row, a) => row.forEach((_, b) => a < b && offer(a, b)));
  while (heap.size > 0) {
    const best = heap.pop()!;
    const { a, b } = best;
    if (!alive[a] || !alive[b] || version[a] !== best.versionA || version[b] !== best.versionB) continue;
    // Merge b into a: a's links become the sums over both.
    alive[b] = false;
    members[a]!.push(...members[b]!);
    members[b] = [];
    for (const [other, sum] of links[b]!) {
      if (other === a) continue;
      const merged = (links[a]!.get(other) ?? 0) + sum;
      links[a]!.set(other, merged);
      links[other]!.set(a, merged);
      links[other]!.delete(b);
    }
    links[a]!.delete(b);
    links[b]!.clear();
    version[a]! += 1;
    for (const other of links[a]!.keys()) if (alive[other]) offer(a, other);
  }
  return members
    .filter((group, at) => alive[at] && group.length > 1)
    .map((group) => group.map((at) => ids[at]!))
    .sort((x, y) => y.length - x.length);
}
