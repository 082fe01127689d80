import type { BoardAccess, BoardRecord, SessionRecord } from '../board-access';
import { StoreConflictError } from '../../core/errors';
import { decoder, encoder, getJson, toJsonBytes, type Db, type KeyLocks } from './level';

/** The embedded store's boards (`board:<id>`), sessions (`session:<tokenHash>`) and join codes (`joincode:<code>`). */
export class EmbeddedAccess implements BoardAccess {
  constructor(
    private readonly db: Db,
    private readonly locks: KeyLocks,
  ) {}

  async createBoard(board: BoardRecord): Promise<void> {
    const key = `board:${board.id}`;
    await this.locks.run(key, async () => {
      if ((await this.db.get(key)) !== undefined) {
        throw new StoreConflictError(`board ${board.id} already exists`);
      }
      await this.db.put(key, toJsonBytes(board), { sync: true });
    });
  }

  getBoard(boardId: string): Promise<BoardRecord | null> {
    return getJson<BoardRecord>(this.db, `board:${boardId}`);
  }

  async putSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await this.db.put(`session:${tokenHash}`, toJsonBytes(session), { sync: true });
  }

  getSession(tokenHash: string): Promise<SessionRecord | null> {
    return getJson<SessionRecord>(this.db, `session:${tokenHash}`);
  }

  async listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> {
    const out: Array<{ tokenHash: string; session: SessionRecord }> = [];
    for await (const [key, value] of this.db.iterator({ gte: 'session:', lt: 'session;' })) {
      try {
        out.push({ tokenHash: key.slice('session:'.length), session: JSON.parse(decoder.decode(value)) as SessionRecord });
      } catch {
        // A corrupt session reads as missing, as getSession's would.
      }
    }
    return out;
  }

  async deleteSessions(tokenHashes: string[]): Promise<number> {
    let existed = 0;
    for (const hash of tokenHashes) if ((await this.db.get(`session:${hash}`)) !== undefined) existed++;
    if (tokenHashes.length > 0) await this.db.batch(tokenHashes.map((hash) => ({ type: 'del' as const, key: `session:${hash}` })), { sync: true });
    return existed;
  }

  claimJoinCode(code: string, boardId: string): Promise<boolean> {
    const key = `joincode:${code}`;
    return this.locks.run(key, async () => {
      if ((await this.db.get(key)) !== undefined) return false;
      await this.db.put(key, encoder.encode(boardId), { sync: true });
      return true;
    });
  }

  async findJoinCode(code: string): Promise<string | null> {
    const value = await this.db.get(`joincode:${code}`);
    return value === undefined ? null : decoder.decode(value);
  }
}
