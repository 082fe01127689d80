import { describe, expect, it } from 'vitest';
import { StoreConflictError, type BoardStore } from '../../../server/store/board-store';
import { board, content, openEach, rebuild, recordingDoc, session, type StoreHarness } from './harness';

const json = (text: string) => JSON.stringify({ text });

/**
 * What the store does as a whole: everything it holds survives a reopen, purgeDeleted and
 * ping. (The Yjs parts of the reopen are DocumentLog's, the rest each part's.)
 */
export function wholeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`BoardStore (whole store) contract: ${name}`, () => {
    let h: StoreHarness;
    let store: BoardStore;

    openEach(open, (opened) => {
      h = opened;
      store = opened.store;
    });

    it('persists everything across a reopen', async () => {
      await store.createBoard(board('persist1'));
      await store.putSession('s'.repeat(64), session('participant1', 1));
      const { doc, updates } = recordingDoc();
      doc.getMap('m').set('one', 1);
      doc.getMap('m').set('two', 2);
      for (const u of updates) await store.appendUpdate('board:persist', u);
      await store.compactDocument('board:persist');
      doc.getMap('m').set('three', 3);
      await store.appendUpdate('board:persist', updates.at(-1)!);
      await store.claimClientId('board:persist', 42, 'alice');
      await store.claimJoinCode('PERSIS', 'persist1');
      await store.castVote('persist1', 'participant1', 'idea0001', { scope: 'q1', budget: 3, maxPerIdea: 3 });
      await store.insertRecord('calls', 'persisted', json('kept'));
      await store.close();

      const reopened = await h.reopen();
      expect(await reopened.getBoard('persist1')).toEqual(board('persist1'));
      expect(await reopened.getSession('s'.repeat(64))).toEqual(session('participant1', 1));
      const stored = await reopened.loadDocument('board:persist');
      expect(stored.updates).toHaveLength(1);
      expect(content(rebuild(stored))).toEqual(content(doc));
      expect(await reopened.claimClientId('board:persist', 42, 'mallory')).toBe('alice');
      // Sequence numbers continue after the reopen: new updates go after the old ones.
      expect(await reopened.appendUpdate('board:persist', new Uint8Array([9]))).toEqual({ logLength: 2 });
      expect(Array.from((await reopened.loadDocument('board:persist')).updates.at(-1)!)).toEqual([9]);
      await expect(reopened.createBoard(board('persist1'))).rejects.toBeInstanceOf(StoreConflictError);
      expect(await reopened.findJoinCode('PERSIS')).toBe('persist1');
      expect(await reopened.voteTotals('persist1')).toEqual({ idea0001: 1 });
      expect(await reopened.getRecord('calls', 'persisted')).toBe(json('kept'));
    });

    it('purges, even called concurrently, keeping what was not deleted', async () => {
      await store.putRecord('calls', 'kept', json('kept'));
      await store.putRecord('calls', 'gone', json('gone'));
      await store.deleteRecords('calls', ['gone']);
      await Promise.all([store.purgeDeleted(), store.purgeDeleted(), store.purgeDeleted()]);
      expect(await store.listRecords('calls')).toEqual([{ key: 'kept', value: json('kept') }]);
      await store.purgeDeleted();
    });

    it('answers ping while open and fails it once closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });
}
