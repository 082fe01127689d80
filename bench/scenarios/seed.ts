import { RedisStore } from '../../server/store/redis-store';
import { docNameOf } from '../../server/core/rooms';
import type { ServerHandle } from '../lib/handles';
import { buildSeedUpdate, fakeAuthor } from '../lib/ideas';
import { binary, redisClient, type RedisHandle } from '../lib/redis';
import { createBoard, takeSeat, type BoardRef } from '../lib/targets';

/**
 * Large boards are written straight into each server's storage, in the form that server
 * keeps after a long session: Samskab's snapshot (through its own RedisStore: append, then
 * compact, with the author's Yjs client id claimed as the server would have), the reference
 * servers' snapshot key. Writing 20,000 ideas through the socket would measure the seeding,
 * not the load.
 */
export async function seedBoard(server: ServerHandle, redis: RedisHandle, ideas: number): Promise<BoardRef> {
  const { target, prefix } = server;
  const board = await createBoard(target);
  if (target.kind === 'samskab') {
    const seat = await takeSeat(target, board);
    const { update, clientId } = buildSeedUpdate(seat.author, ideas);
    const store = await RedisStore.connect(redis.url, { keyPrefix: prefix, clientName: 'samskab-bench-seed' });
    try {
      const docName = docNameOf(board.id);
      await store.claimClientId(docName, clientId, `participant:${seat.author.participantId}`);
      await store.appendUpdate(docName, update);
      await store.compactDocument(docName);
    } finally {
      await store.close();
    }
    return board;
  }
  const { update } = buildSeedUpdate(fakeAuthor(), ideas);
  const client = await redisClient(redis.url);
  try {
    await binary(client).set(`${prefix}snap:${board.id}`, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  } finally {
    await client.close();
  }
  return board;
}
