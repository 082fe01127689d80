import { describe, expect, it } from 'vitest';
import { StoreConflictError, type BoardAccess, type BoardStore } from '../../../server/store/board-store';
import { board, openEach, session, type StoreHarness } from './harness';

/** Boards, sessions and join codes: first wins where it must, across a reopen. */
export function boardAccessContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`BoardAccess contract: ${name}`, () => {
    let h: StoreHarness;
    let store: BoardAccess & Pick<BoardStore, 'close'>;

    openEach(open, (opened) => {
      h = opened;
      store = opened.store;
    });

    it('creates and reads boards, refusing an existing id', async () => {
      expect(await store.getBoard('nosuchboard')).toBeNull();
      await store.createBoard(board('board01'));
      expect(await store.getBoard('board01')).toEqual(board('board01'));
      const other = { ...board('board01'), title: 'Impostor' };
      await expect(store.createBoard(other)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getBoard('board01')).toEqual(board('board01'));
    });

    it('creates a board exactly once under concurrent attempts', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.createBoard({ ...board('race01'), title: `t${i}` })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StoreConflictError);
    });

    it('stores and overwrites sessions', async () => {
      expect(await store.getSession('a'.repeat(64))).toBeNull();
      await store.putSession('a'.repeat(64), session('participant1', 5));
      expect(await store.getSession('a'.repeat(64))).toEqual(session('participant1', 5));
      await store.putSession('a'.repeat(64), session('participant2', 6));
      expect(await store.getSession('a'.repeat(64))).toEqual(session('participant2', 6));
    });

    it('lists sessions and deletes them by token hash (housekeeping)', async () => {
      const [a, b] = ['b'.repeat(64), 'c'.repeat(64)];
      await store.putSession(a, session('participant3', 7));
      await store.putSession(b, session('participant4', 8));
      const listed = new Map((await store.listSessions()).map((entry) => [entry.tokenHash, entry.session]));
      expect(listed.get(a)).toEqual(session('participant3', 7));
      expect(listed.get(b)).toEqual(session('participant4', 8));
      expect(await store.deleteSessions([a, 'd'.repeat(64)])).toBe(1);
      expect(await store.getSession(a)).toBeNull();
      expect(await store.getSession(b)).toEqual(session('participant4', 8));
      expect((await store.listSessions()).map((entry) => entry.tokenHash)).not.toContain(a);
    });

    it('binds join codes to one board, first wins', async () => {
      expect(await store.findJoinCode('ACDEFG')).toBeNull();
      const claims = await Promise.all(['boardA1', 'boardB1', 'boardC1'].map((b) => store.claimJoinCode('ACDEFG', b)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = ['boardA1', 'boardB1', 'boardC1'][claims.indexOf(true)];
      expect(await store.findJoinCode('ACDEFG')).toBe(winner);
      expect(await store.claimJoinCode('HJKMNP', 'boardA1')).toBe(true);
      await store.close();
      expect(await (await h.reopen()).findJoinCode('HJKMNP')).toBe('boardA1');
    });

    it('answers an empty installation plainly: no sessions, nothing to delete, no code', async () => {
      expect(await store.listSessions()).toEqual([]);
      expect(await store.deleteSessions([])).toBe(0);
      expect(await store.deleteSessions(['e'.repeat(64)])).toBe(0);
      expect(await store.findJoinCode('NOSUCH')).toBeNull();
      expect(await store.getSession('e'.repeat(64))).toBeNull();
    });

    it('keeps join codes apart from each other and from board ids', async () => {
      await store.createBoard(board('board01'));
      expect(await store.claimJoinCode('ABCDEF', 'board01')).toBe(true);
      expect(await store.claimJoinCode('ABCDEG', 'board02')).toBe(true);
      expect(await store.claimJoinCode('ABCDEF', 'board02')).toBe(false);
      expect(await store.findJoinCode('ABCDEF')).toBe('board01');
      expect(await store.findJoinCode('ABCDEG')).toBe('board02');
      expect(await store.findJoinCode('board01')).toBeNull();
      expect(await store.getBoard('ABCDEF')).toBeNull();
    });
  });
}
