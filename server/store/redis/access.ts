import type { BoardAccess, BoardRecord, SessionRecord } from '../board-access';
import { StoreConflictError } from '../../core/errors';
import type { RedisContext } from './connection';

/**
 * The Redis store's boards, sessions and join codes, one string key each (<p> = key prefix):
 *   <p>board:<id>              BoardRecord (JSON)
 *   <p>session:<tokenHash>     SessionRecord (JSON)
 *   <p>joincode:<code>         board id
 * First-wins writes are SET NX, so they hold across processes.
 */
export class RedisAccess implements BoardAccess {
  constructor(private readonly redis: RedisContext) {}

  async createBoard(board: BoardRecord): Promise<void> {
    const reply = await this.redis.client.set(this.redis.key(`board:${board.id}`), JSON.stringify(board), {
      condition: 'NX',
    });
    if (reply === null) throw new StoreConflictError(`board ${board.id} already exists`);
  }

  getBoard(boardId: string): Promise<BoardRecord | null> {
    return this.redis.getJson<BoardRecord>(this.redis.key(`board:${boardId}`));
  }

  async putSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await this.redis.client.set(this.redis.key(`session:${tokenHash}`), JSON.stringify(session));
  }

  getSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.redis.getJson<SessionRecord>(this.redis.key(`session:${tokenHash}`));
  }

  async listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> {
    const prefix = this.redis.key('session:');
    const keys: string[] = [];
    for await (const batch of this.redis.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      keys.push(...(Array.isArray(batch) ? batch : [batch]).map(String));
    }
    const out: Array<{ tokenHash: string; session: SessionRecord }> = [];
    for (let i = 0; i < keys.length; i += 500) {
      const slice = keys.slice(i, i + 500);
      const values = await this.redis.client.mGet(slice);
      values.forEach((value, j) => {
        if (value === null) return;
        try {
          out.push({ tokenHash: slice[j]!.slice(prefix.length), session: JSON.parse(String(value)) as SessionRecord });
        } catch {
          // A corrupt session reads as missing.
        }
      });
    }
    return out;
  }

  async deleteSessions(tokenHashes: string[]): Promise<number> {
    return tokenHashes.length === 0 ? 0 : Number(await this.redis.client.del(tokenHashes.map((hash) => this.redis.key(`session:${hash}`))));
  }

  async claimJoinCode(code: string, boardId: string): Promise<boolean> {
    return (await this.redis.client.set(this.redis.key(`joincode:${code}`), boardId, { condition: 'NX' })) !== null;
  }

  findJoinCode(code: string): Promise<string | null> {
    return this.redis.client.get(this.redis.key(`joincode:${code}`));
  }
}
