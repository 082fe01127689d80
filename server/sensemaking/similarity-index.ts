import type { TextLanguage } from './language';
import { textFeatures, type FeatureKey, type TextFeatures } from './text';

/**
 * A TF-IDF index of one board's ideas, kept up to date one idea at a time, with an inverted
 * list per feature so that a query touches only the ideas sharing a feature with it.
 *
 * Weights: (1 + ln count) × idf × kind weight, compared by cosine. The idf moves as the
 * board grows; recomputing every norm on each change would cost O(board) per keystroke, so
 * the idf table is refreshed when the board has changed by more than REFRESH_SHARE since
 * the last refresh (and always on small boards, where it is cheap).
 */

/** Character n-grams are many per word; this keeps them a tiebreaker beside whole words. */
export const GRAM_WEIGHT = 0.6;
const REFRESH_SHARE = 0.02;
const ALWAYS_REFRESH_BELOW = 400;

export interface Scored {
  id: string;
  score: number;
}

interface Entry {
  features: TextFeatures;
  /** Feature → (1 + ln count) × kind weight; the idf is applied when compared. */
  tf: Map<FeatureKey, number>;
  norm: number;
}

export interface QueryOptions {
  limit: number;
  /** Only ideas this accepts are returned (visibility, question). */
  accept?: (id: string) => boolean;
  exclude?: string;
  /** Scores below this are left out (0: everything sharing a feature). */
  minScore?: number;
}

function kindWeight(key: FeatureKey): number {
  return key.startsWith('g:') ? GRAM_WEIGHT : 1;
}

function termFrequencies(features: TextFeatures): Map<FeatureKey, number> {
  const tf = new Map<FeatureKey, number>();
  for (const [key, count] of features.counts) tf.set(key, (1 + Math.log(count)) * kindWeight(key));
  return tf;
}

export class SimilarityIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new Map<FeatureKey, Map<string, number>>();
  private readonly idfTable = new Map<FeatureKey, number>();
  private changesSinceRefresh = 0;
  private refreshedAt = -1;

  constructor(readonly language: TextLanguage) {}

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  features(id: string): TextFeatures | undefined {
    return this.entries.get(id)?.features;
  }

  upsert(id: string, text: string): void {
    this.remove(id);
    const features = textFeatures(text, this.language);
    const tf = termFrequencies(features);
    for (const [key, weight] of tf) {
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = new Map()));
      list.set(id, weight);
    }
    const entry: Entry = { features, tf, norm: 0 };
    this.entries.set(id, entry);
    entry.norm = this.normOf(tf);
    this.changesSinceRefresh += 1;
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const key of entry.tf.keys()) {
      const list = this.postings.get(key);
      list?.delete(id);
      if (list && list.size === 0) this.postings.delete(key);
    }
    this.entries.delete(id);
    this.changesSinceRefresh += 1;
  }

  /** Ideas most like a text that is not (yet) on the board, best first. */
  query(text: string, options: QueryOptions): Scored[] {
    const tf = termFrequencies(textFeatures(text, this.language));
    return this.search(tf, options);
  }

  /** Ideas most like an idea on the board, without itself. */
  similarTo(id: string, options: QueryOptions): Scored[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    return this.search(entry.tf, { ...options, exclude: id });
  }

  /** Cosine of two indexed ideas (0 when either is unknown). */
  pair(a: string, b: string): number {
    const left = this.entries.get(a);
    const right = this.entries.get(b);
    if (!left || !right || left.norm === 0 || right.norm === 0) return 0;
    this.refreshIfStale();
    const [small, large] = left.tf.size <= right.tf.size ? [left.tf, right.tf] : [right.tf, left.tf];
    let dot = 0;
    for (const [key, weight] of small) {
      const other = large.get(key);
      if (other !== undefined) dot += weight * other * this.idf(key) ** 2;
    }
    return dot / (left.norm * right.norm);
  }

  /** An idea's weighted vector with unit length (for clustering). */
  vector(id: string): Map<FeatureKey, number> | null {
    const entry = this.entries.get(id);
    if (!entry || entry.norm === 0) return null;
    this.refreshIfStale();
    const vector = new Map<FeatureKey, number>();
    for (const [key, weight] of entry.tf) vector.set(key, (weight * this.idf(key)) / entry.norm);
    return vector;
  }

  idf(key: FeatureKey): number {
    const cached = this.idfTable.get(key);
    if (cached !== undefined) return cached;
    const df = this.postings.get(key)?.size ?? 0;
    return Math.log((this.entries.size + 1) / (df + 1)) + 1;
  }

  private search(tf: Map<FeatureKey, number>, options: QueryOptions): Scored[] {
    this.refreshIfStale();
    const queryNorm = this.normOf(tf);
    if (queryNorm === 0) return [];
    const scores = new Map<string, number>();
    for (const [key, weight] of tf) {
      const list = this.postings.get(key);
      if (!list) continue;
      const idf = this.idf(key);
      const factor = weight * idf * idf;
      for (const [id, other] of list) scores.set(id, (scores.get(id) ?? 0) + factor * other);
    }
    const found: Scored[] = [];
    for (const [id, dot] of scores) {
      if (id === options.exclude) continue;
      if (options.accept && !options.accept(id)) continue;
      const norm = this.entries.get(id)?.norm ?? 0;
      if (norm === 0) continue;
      const score = Math.min(1, dot / (queryNorm * norm));
      if (score >= (options.minScore ?? 0)) found.push({ id, score });
    }
    found.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return found.slice(0, options.limit);
  }

  private normOf(tf: Map<FeatureKey, number>): number {
    let sum = 0;
    for (const [key, weight] of tf) sum += (weight * this.idf(key)) ** 2;
    return Math.sqrt(sum);
  }

  private refreshIfStale(): void {
    if (this.changesSinceRefresh === 0 && this.refreshedAt === this.entries.size) return;
    const stale =
      this.entries.size < ALWAYS_REFRESH_BELOW ||
      this.changesSinceRefresh > this.entries.size * REFRESH_SHARE;
    if (!stale) return;
    this.idfTable.clear();
    const n = this.entries.size;
    for (const [key, list] of this.postings) this.idfTable.set(key, Math.log((n + 1) / (list.size + 1)) + 1);
    for (const entry of this.entries.values()) entry.norm = this.normOf(entry.tf);
    this.changesSinceRefresh = 0;
    this.refreshedAt = n;
  }
}
