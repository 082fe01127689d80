import type {
  Ballot, CastVoteResult, DotVotes, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally,
} from '../dot-votes';
import * as votes from '../vote-book';
import { decoder, encoder, type Db } from './level';

interface BookState {
  book: votes.VoteBook | null;
  loading: Promise<votes.VoteBook> | null;
  waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }>;
  writing: Promise<void> | null;
}

/**
 * The embedded store's dot votes: one VoteBook per board under `votes:<boardId>`, cached.
 * This process is the database's only user (LevelDB locks its directory), so the cached
 * book is authoritative. A change is checked and applied synchronously on it (atomic by
 * construction in one JS thread: two casts can never both pass a budget check), then written
 * together with every change that arrived meanwhile as one synced put (group commit: 200
 * people voting at once cost a handful of fsyncs, not one per vote). The caller hears back
 * only once its change is on disk.
 */
class VoteBooks {
  private readonly books = new Map<string, BookState>();

  constructor(private readonly db: Db) {}

  async read(boardId: string): Promise<votes.VoteBook> {
    return this.load(boardId, this.state(boardId));
  }

  async change<T>(boardId: string, change: (book: votes.VoteBook) => { result: T; changed: boolean }): Promise<T> {
    const state = this.state(boardId);
    for (;;) {
      const book = await this.load(boardId, state);
      if (state.book !== book) continue; // dropped after a failed write: use the reloaded one
      const { result, changed } = change(book);
      if (changed) {
        await new Promise<void>((resolve, reject) => {
          state.waiting.push({ resolve, reject });
          state.writing ??= this.write(boardId, state);
        });
      }
      return result;
    }
  }

  /** Resolves once no write is in flight (before the database closes). */
  async idle(): Promise<void> {
    await Promise.all([...this.books.values()].map((state) => state.writing));
  }

  private state(boardId: string): BookState {
    let state = this.books.get(boardId);
    if (!state) {
      state = { book: null, loading: null, waiting: [], writing: null };
      this.books.set(boardId, state);
    }
    return state;
  }

  private load(boardId: string, state: BookState): Promise<votes.VoteBook> {
    if (state.book) return Promise.resolve(state.book);
    state.loading ??= (async () => {
      try {
        const bytes = await this.db.get(`votes:${boardId}`);
        state.book = bytes === undefined ? votes.emptyVoteBook() : votes.decodeVoteBook(decoder.decode(bytes));
        return state.book;
      } finally {
        state.loading = null;
      }
    })();
    return state.loading;
  }

  private async write(boardId: string, state: BookState): Promise<void> {
    // Yield once, so every change made in this tick joins the first batch.
    await Promise.resolve();
    while (state.waiting.length > 0) {
      const batch = state.waiting.splice(0);
      try {
        if (!state.book) throw new Error('vote book dropped');
        await this.db.put(`votes:${boardId}`, encoder.encode(votes.encodeVoteBook(state.book)), { sync: true });
        for (const waiter of batch) waiter.resolve();
      } catch (err) {
        // The cache holds changes the disk does not: drop it (the next call reloads from
        // disk) and fail every change not yet written, so nobody is told "counted" wrongly.
        state.book = null;
        for (const waiter of [...batch, ...state.waiting.splice(0)]) waiter.reject(err);
      }
    }
    state.writing = null;
  }
}

/** DotVotes on the cached books: the rules are vote-book.ts's, applied to the board's book. */
export class EmbeddedVotes implements DotVotes {
  private readonly books: VoteBooks;

  constructor(db: Db) {
    this.books = new VoteBooks(db);
  }

  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> {
    return this.books.change(boardId, (book) => {
      const result = votes.castVote(book, participantId, ideaId, rule);
      return { result, changed: result.outcome === 'cast' };
    });
  }

  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> {
    return this.books.change(boardId, (book) => {
      const result = votes.retractVote(book, participantId, ideaId, scope);
      return { result, changed: result.outcome === 'retracted' };
    });
  }

  async getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> {
    return votes.tallyOf((await this.books.read(boardId)).p[participantId], scope);
  }

  async voteTotals(boardId: string): Promise<Record<string, number>> {
    return { ...(await this.books.read(boardId)).t };
  }

  async listVotes(boardId: string): Promise<Ballot[]> {
    return votes.ballotsOf((await this.books.read(boardId)).p);
  }

  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> {
    return this.books.change(boardId, (book) => ({ result: votes.mergeVotes(book, targetId, sourceIds, rule), changed: true }));
  }

  async clearVotes(boardId: string, which: VoteSelection): Promise<void> {
    await this.books.change(boardId, (book) => ({ result: votes.clearVotes(book, which), changed: true }));
  }

  /** Resolves once no write is in flight (before the database closes). */
  idle(): Promise<void> {
    return this.books.idle();
  }
}
