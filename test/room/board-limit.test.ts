import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode, LIMITS, ideasMap } from '../../shared';
import { MemoryStore } from '../../server/store/memory-store';
import { DOC_NAME, FakePeer, openRoom, principal, seedUpdate } from './support';

const lead = principal('lead00001', 'facilitator');
const alice = principal('alice0001');

/** A board one idea short of full, as stored (only what the count and a deletion read). */
function nearlyFull(): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedUpdate());
  doc.transact(() => {
    for (let i = 0; i < LIMITS.ideasPerBoard - 1; i++) {
      const idea = new Y.Map<unknown>();
      idea.set('authorId', lead.participantId);
      idea.set('text', `Idé ${i}`);
      ideasMap(doc).set(`stored${i}`, idea as never);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('the board\u2019s idea limit in a room (in memory)', () => {
  it('counts the ideas the room has taken and removed since it loaded', async () => {
    const store = new MemoryStore();
    await store.appendUpdate(DOC_NAME, nearlyFull());
    const { room } = await openRoom({ store });
    const write = (id: string) => new FakePeer(room, alice).addIdea(id);

    expect(await write('idea0001')).toBeNull();
    expect((await write('idea0002'))?.code).toBe(ErrorCode.BOARD_FULL);
    // The facilitator deletes one: room for exactly one more.
    const facilitator = new FakePeer(room, lead);
    facilitator.sync();
    expect(await facilitator.write((doc) => ideasMap(doc).delete('stored0'))).toBeNull();
    expect(await write('idea0003')).toBeNull();
    expect((await write('idea0004'))?.code).toBe(ErrorCode.BOARD_FULL);
    await room.flushed();
    expect(ideasMap(room.doc).size).toBe(LIMITS.ideasPerBoard);
    await room.close();
  });
});
