import type * as Y from 'yjs';
import { ideasMap, type IdeaMap } from '../../shared';
import { cosine, type TextEmbedder } from './embedder';
import type { TextLanguage } from './language';
import { SimilarityIndex, type Scored } from './similarity-index';

/**
 * One board's similarity index, following the board's Yjs document. The document holds only
 * ideas everyone on the board may see (silent, pending and hidden ideas never enter it), so
 * every suggestion is visible to whoever asks.
 *
 * Off the hot path: a transaction only records which idea ids it touched (a walk over
 * `transaction.changed`, no text read); the index catches up in a macrotask after the
 * update was applied and broadcast. A query first catches up, so an edit or a delete shows
 * in the very next answer.
 */

/**
 * How long one slice of catching up may hold the event loop. A loaded 10,000-idea board is
 * indexed in about 0.4 s of work; in slices this short, the joins that come with the load
 * (the board's pieces going out to new devices, their first updates) wait at most one
 * slice each, not the whole index.
 */
const SLICE_MS = 4;
/**
 * The least score a suggestion needs. On the evaluation set, 99% of unrelated pairs score
 * below 0.19 and half of the true duplicates above 0.43; suggestions while writing may be
 * looser than duplicate pairs (DUPLICATE_MIN_SCORE), since the writer just glances at them.
 */
export const SUGGESTION_MIN_SCORE = 0.15;
export const DUPLICATE_MIN_SCORE = 0.35;
/** With an embedder: the share of the model's cosine in the blended score. */
const EMBEDDING_SHARE = 0.5;

/** The key a dismissed pair is remembered by: the two ids in order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface IdeaMeta {
  questionId: string | null;
  text: string;
  createdAt: number;
}

export class BoardSense {
  readonly index: SimilarityIndex;
  private readonly dirty = new Set<string>();
  private readonly meta = new Map<string, IdeaMeta>();
  private scheduled: NodeJS.Immediate | null = null;
  private closed = false;
  private readonly onTransaction = (transaction: Y.Transaction): void => this.collect(transaction);
  /** With an embedder: each indexed idea's vector, filled in as the model answers. */
  private readonly vectors = new Map<string, { text: string; vector: Float32Array }>();

  constructor(
    private readonly doc: Y.Doc,
    language: TextLanguage = 'da',
    private readonly embedder: TextEmbedder | null = null,
  ) {
    this.index = new SimilarityIndex(language);
    const ideas = ideasMap(doc);
    for (const id of ideas.keys()) this.dirty.add(id);
    doc.on('afterTransaction', this.onTransaction);
    this.schedule();
  }

  close(): void {
    this.closed = true;
    this.doc.off('afterTransaction', this.onTransaction);
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
  }

  /** Whether an idea is on the board (visible to everyone) right now. */
  visible(id: string): boolean {
    this.catchUp();
    return this.meta.has(id);
  }

  ideaMeta(id: string): IdeaMeta | undefined {
    this.catchUp();
    return this.meta.get(id);
  }

  similarToText(text: string, limit: number, questionId?: string | null): Scored[] {
    this.catchUp();
    return this.index.query(text, { limit, accept: this.questionFilter(questionId), minScore: SUGGESTION_MIN_SCORE });
  }

  /**
   * Like similarToText, blended with the embedder's cosine when one is configured: ideas
   * that share no word with the text (a paraphrase, another language) can then still rank.
   */
  async similarToTextBlended(text: string, limit: number, questionId?: string | null): Promise<Scored[]> {
    if (!this.embedder) return this.similarToText(text, limit, questionId);
    const [query] = await this.embedder.embed([text]);
    this.catchUp();
    await this.embedPending();
    const accept = this.questionFilter(questionId);
    const lexical = new Map(this.index.query(text, { limit: this.index.size, accept }).map((hit) => [hit.id, hit.score]));
    const blended: Scored[] = [];
    for (const [id, { vector }] of this.vectors) {
      if (!this.meta.has(id) || (accept && !accept(id))) continue;
      const semantic = query ? Math.max(0, cosine(query, vector)) : 0;
      blended.push({ id, score: (1 - EMBEDDING_SHARE) * (lexical.get(id) ?? 0) + EMBEDDING_SHARE * semantic });
    }
    blended.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return blended.filter((hit) => hit.score >= SUGGESTION_MIN_SCORE).slice(0, limit);
  }

  private async embedPending(): Promise<void> {
    if (!this.embedder) return;
    for (const id of this.vectors.keys()) if (!this.meta.has(id)) this.vectors.delete(id);
    const missing = [...this.meta].filter(([id, meta]) => this.vectors.get(id)?.text !== meta.text);
    if (missing.length === 0) return;
    const vectors = await this.embedder.embed(missing.map(([, meta]) => meta.text));
    missing.forEach(([id, meta], at) => {
      const vector = vectors[at];
      if (vector) this.vectors.set(id, { text: meta.text, vector });
    });
  }

  similarToIdea(id: string, limit: number): Scored[] {
    this.catchUp();
    return this.index.similarTo(id, { limit, minScore: SUGGESTION_MIN_SCORE });
  }

  /**
   * Pairs of visible ideas that may say the same thing, best first, without the pairs a
   * facilitator marked as not duplicates (`dismissed` holds `a|b` keys with a < b).
   */
  duplicatePairs(limit: number, dismissed: ReadonlySet<string>, questionId?: string | null): { a: string; b: string; score: number }[] {
    this.catchUp();
    const accept = this.questionFilter(questionId);
    const seen = new Set<string>();
    const pairs: { a: string; b: string; score: number }[] = [];
    for (const id of this.meta.keys()) {
      if (accept && !accept(id)) continue;
      for (const hit of this.index.similarTo(id, { limit: 5, accept, minScore: DUPLICATE_MIN_SCORE })) {
        const key = pairKey(id, hit.id);
        if (seen.has(key) || dismissed.has(key)) continue;
        seen.add(key);
        const [a, b] = id < hit.id ? [id, hit.id] : [hit.id, id];
        pairs.push({ a, b, score: hit.score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : 1));
    return pairs.slice(0, limit);
  }

  /** Visible ideas, optionally of one question: the input of theme suggestions. */
  ideas(questionId?: string | null): { id: string; text: string }[] {
    this.catchUp();
    const accept = this.questionFilter(questionId);
    const out: { id: string; text: string }[] = [];
    for (const [id, meta] of this.meta) if (!accept || accept(id)) out.push({ id, text: meta.text });
    return out;
  }

  private questionFilter(questionId: string | null | undefined): ((id: string) => boolean) | undefined {
    if (questionId === undefined) return undefined;
    return (id) => this.meta.get(id)?.questionId === questionId;
  }

  private collect(transaction: Y.Transaction): void {
    const ideas: unknown = ideasMap(this.doc);
    for (const [type, keys] of transaction.changed) {
      if ((type as unknown) === ideas) {
        for (const key of keys) if (key !== null) this.dirty.add(key);
        continue;
      }
      const item = type._item;
      if (item && item.parent === ideas && typeof item.parentSub === 'string') this.dirty.add(item.parentSub);
    }
    if (this.dirty.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      this.apply(SLICE_MS);
      if (this.dirty.size > 0) this.schedule();
    });
  }

  private catchUp(): void {
    this.apply(Infinity);
  }

  /** Indexes dirty ideas until none is left or `budgetMs` has passed. */
  private apply(budgetMs: number): void {
    const ideas = ideasMap(this.doc);
    const until = performance.now() + budgetMs;
    for (const id of this.dirty) {
      this.dirty.delete(id);
      this.refresh(id, ideas.get(id));
      if (performance.now() >= until) break;
    }
  }

  private refresh(id: string, map: IdeaMap | undefined): void {
    const text = map?.get('text');
    if (!map || typeof text !== 'string' || text.trim() === '') {
      this.meta.delete(id);
      this.index.remove(id);
      return;
    }
    const questionId = map.get('questionId');
    const createdAt = map.get('createdAt');
    const before = this.meta.get(id);
    this.meta.set(id, {
      text,
      questionId: typeof questionId === 'string' ? questionId : null,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
    });
    if (before?.text !== text || !this.index.has(id)) this.index.upsert(id, text);
  }
}
