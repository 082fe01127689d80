import type { TextLanguage } from './language';
import { ALL_STEPS, textFeatures, type FeatureKey, type FeatureSteps } from './text';

/**
 * A TF-IDF index of one board's ideas, kept up to date one idea at a time, with an inverted
 * list per feature so that a query touches only the ideas sharing a feature with it.
 *
 * Weights: (1 + ln count) × idf × kind weight, compared by cosine. Features are interned to
 * numbers and vectors kept in typed arrays: a 10,000-idea board holds close to a million
 * (idea, feature) pairs, and Maps of strings for them cost several times the memory and
 * time (bench/sensemaking.ts).
 *
 * The idf moves as the board grows; recomputing every norm on each change would cost
 * O(board) per keystroke, so norms are refreshed when the board has changed by more than
 * REFRESH_SHARE since the last refresh (and always on small boards, where it is cheap).
 */

/** Character n-grams are many per word; this keeps them below whole words. */
export const GRAM_WEIGHT = 0.6;
const REFRESH_SHARE = 0.02;
const ALWAYS_REFRESH_BELOW = 400;

export interface Scored {
  id: string;
  score: number;
}

export interface QueryOptions {
  limit: number;
  /** Only ideas this accepts are returned (visibility, question). */
  accept?: (id: string) => boolean;
  exclude?: string;
  /** Scores below this are left out (0: everything sharing a feature). */
  minScore?: number;
}

interface Vector {
  features: Int32Array;
  /** (1 + ln count) × kind weight; the idf is applied when compared. */
  tf: Float32Array;
}

interface Posting {
  slots: number[];
  weights: number[];
}

export class SimilarityIndex {
  private readonly featureIds = new Map<FeatureKey, number>();
  private readonly postings: Posting[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly idOf: (string | null)[] = [];
  private readonly vectors: (Vector | null)[] = [];
  private norms = new Float64Array(64);
  private readonly freeSlots: number[] = [];
  private scores = new Float64Array(64);
  private changesSinceRefresh = 0;
  private refreshedAtSize = -1;

  constructor(
    readonly language: TextLanguage,
    private readonly steps: FeatureSteps = ALL_STEPS,
  ) {}

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  ids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  upsert(id: string, text: string): void {
    this.remove(id);
    const vector = this.vectorize(text, true);
    const slot = this.freeSlots.pop() ?? this.idOf.length;
    this.slotOf.set(id, slot);
    this.idOf[slot] = id;
    this.vectors[slot] = vector;
    this.ensureCapacity(slot + 1);
    vector.features.forEach((feature, at) => {
      const posting = this.postings[feature]!;
      posting.slots.push(slot);
      posting.weights.push(vector.tf[at]!);
    });
    this.norms[slot] = this.normOf(vector);
    this.changesSinceRefresh += 1;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const vector = this.vectors[slot]!;
    for (const feature of vector.features) {
      const posting = this.postings[feature]!;
      const at = posting.slots.lastIndexOf(slot);
      if (at < 0) continue;
      // Swap-remove: order in a posting list means nothing.
      const last = posting.slots.length - 1;
      posting.slots[at] = posting.slots[last]!;
      posting.weights[at] = posting.weights[last]!;
      posting.slots.pop();
      posting.weights.pop();
    }
    this.slotOf.delete(id);
    this.idOf[slot] = null;
    this.vectors[slot] = null;
    this.norms[slot] = 0;
    this.freeSlots.push(slot);
    this.changesSinceRefresh += 1;
  }

  /** Ideas most like a text that is not (yet) on the board, best first. */
  query(text: string, options: QueryOptions): Scored[] {
    return this.search(this.vectorize(text, false), options);
  }

  /** Ideas most like an idea on the board, without itself. */
  similarTo(id: string, options: QueryOptions): Scored[] {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return [];
    return this.search(this.vectors[slot]!, { ...options, exclude: id });
  }

  /** Cosine of two indexed ideas (0 when either is unknown). */
  pair(a: string, b: string): number {
    const left = this.slotOf.get(a);
    const right = this.slotOf.get(b);
    if (left === undefined || right === undefined) return 0;
    this.refreshIfStale();
    const x = this.vectors[left]!;
    const y = this.vectors[right]!;
    const weights = new Map<number, number>();
    x.features.forEach((feature, at) => weights.set(feature, x.tf[at]!));
    let dot = 0;
    y.features.forEach((feature, at) => {
      const other = weights.get(feature);
      if (other !== undefined) dot += other * y.tf[at]! * this.idfOf(feature) ** 2;
    });
    const norm = this.norms[left]! * this.norms[right]!;
    return norm === 0 ? 0 : dot / norm;
  }

  /** An idea's weighted vector with unit length, keyed by feature (for clustering). */
  unitVector(id: string): Map<number, number> | null {
    const slot = this.slotOf.get(id);
    if (slot === undefined || this.norms[slot] === 0) return null;
    this.refreshIfStale();
    const vector = this.vectors[slot]!;
    const unit = new Map<number, number>();
    vector.features.forEach((feature, at) => unit.set(feature, (vector.tf[at]! * this.idfOf(feature)) / this.norms[slot]!));
    return unit;
  }

  /** The idf of a feature by its key (1 + ln((N + 1) / (df + 1))). */
  idf(key: FeatureKey): number {
    const feature = this.featureIds.get(key);
    return feature === undefined ? Math.log(this.size + 1) + 1 : this.idfOf(feature);
  }

  private idfOf(feature: number): number {
    const df = this.postings[feature]?.slots.length ?? 0;
    return Math.log((this.size + 1) / (df + 1)) + 1;
  }

  /** Interns the text's features; a query (`add` false) only looks known features up. */
  private vectorize(text: string, add: boolean): Vector {
    const { counts } = textFeatures(text, this.language, this.steps);
    const features: number[] = [];
    const tf: number[] = [];
    for (const [key, count] of counts) {
      let feature = this.featureIds.get(key);
      if (feature === undefined) {
        if (!add) continue; // a feature no idea has cannot match; its weight only scales the query
        feature = this.postings.length;
        this.featureIds.set(key, feature);
        this.postings.push({ slots: [], weights: [] });
      }
      features.push(feature);
      tf.push((1 + Math.log(count)) * (key.startsWith('g:') ? GRAM_WEIGHT : 1));
    }
    return { features: Int32Array.from(features), tf: Float32Array.from(tf) };
  }

  private search(vector: Vector, options: QueryOptions): Scored[] {
    this.refreshIfStale();
    const queryNorm = this.normOf(vector);
    if (queryNorm === 0) return [];
    const scores = this.scores;
    const touched: number[] = [];
    vector.features.forEach((feature, at) => {
      const posting = this.postings[feature]!;
      const idf = this.idfOf(feature);
      const factor = vector.tf[at]! * idf * idf;
      const { slots, weights } = posting;
      for (let i = 0; i < slots.length; i += 1) {
        const slot = slots[i]!;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += factor * weights[i]!;
      }
    });
    const minScore = options.minScore ?? 0;
    const found: Scored[] = [];
    for (const slot of touched) {
      const dot = scores[slot]!;
      scores[slot] = 0;
      const id = this.idOf[slot];
      const norm = this.norms[slot]!;
      if (id == null || norm === 0 || id === options.exclude) continue;
      const score = Math.min(1, dot / (queryNorm * norm));
      if (score < minScore || score <= 0) continue;
      if (options.accept && !options.accept(id)) continue;
      found.push({ id, score });
    }
    found.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return found.slice(0, options.limit);
  }

  private normOf(vector: Vector): number {
    let sum = 0;
    vector.features.forEach((feature, at) => {
      sum += (vector.tf[at]! * this.idfOf(feature)) ** 2;
    });
    return Math.sqrt(sum);
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.norms.length) return;
    const size = Math.max(slots, this.norms.length * 2);
    const norms = new Float64Array(size);
    norms.set(this.norms);
    this.norms = norms;
    this.scores = new Float64Array(size);
  }

  private refreshIfStale(): void {
    if (this.changesSinceRefresh === 0) return;
    const stale = this.size < ALWAYS_REFRESH_BELOW || this.changesSinceRefresh > this.refreshedAtSize * REFRESH_SHARE;
    if (!stale) return;
    this.vectors.forEach((vector, slot) => {
      if (vector) this.norms[slot] = this.normOf(vector);
    });
    this.changesSinceRefresh = 0;
    this.refreshedAtSize = this.size;
  }
}
