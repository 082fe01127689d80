import { describe, expect, it } from 'vitest';
import type { BoardStore, DotVotes } from '../../../server/store/board-store';
import { openEach, type StoreHarness } from './harness';

const rule = (budget: number, maxPerIdea: number, scope = 'q1') => ({ scope, budget, maxPerIdea });

/** Dot votes: budgets, maxima, merges and clears, checked and counted atomically. */
export function dotVotesContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`DotVotes contract: ${name}`, () => {
    let h: StoreHarness;
    let store: DotVotes & Pick<BoardStore, 'close'>;

    openEach(open, (opened) => {
      h = opened;
      store = opened.store;
    });

    it('counts votes within the budget per scope and the maximum per idea', async () => {
      const cast = (who: string, ideaId: string, r = rule(3, 2)) => store.castVote('board01', who, ideaId, r);
      expect(await cast('alice0001', 'idea0001')).toEqual({ outcome: 'cast', mine: { votes: { idea0001: 1 }, used: 1 }, total: 1 });
      expect((await cast('alice0001', 'idea0001')).outcome).toBe('cast');
      expect(await cast('alice0001', 'idea0001')).toMatchObject({ outcome: 'maxPerIdea', total: 2, mine: { used: 2 } });
      expect((await cast('alice0001', 'idea0002')).outcome).toBe('cast');
      expect(await cast('alice0001', 'idea0003')).toMatchObject({ outcome: 'budget', total: 0, mine: { used: 3 } });
      // Another question has its own budget; another participant their own.
      expect(await cast('alice0001', 'idea0009', rule(3, 2, 'q2'))).toMatchObject({ outcome: 'cast', mine: { votes: { idea0009: 1 }, used: 1 } });
      expect(await cast('bob000001', 'idea0001')).toMatchObject({ outcome: 'cast', total: 3 });
      expect(await store.getVotes('board01', 'alice0001', 'q1')).toEqual({ votes: { idea0001: 2, idea0002: 1 }, used: 3 });
      expect(await store.voteTotals('board01')).toEqual({ idea0001: 3, idea0002: 1, idea0009: 1 });
      expect(await store.voteTotals('board02')).toEqual({});

      expect(await store.retractVote('board01', 'alice0001', 'idea0001', 'q1')).toEqual({ outcome: 'retracted', mine: { votes: { idea0001: 1, idea0002: 1 }, used: 2 }, total: 2 });
      expect(await store.retractVote('board01', 'alice0001', 'idea0003', 'q1')).toMatchObject({ outcome: 'none', total: 0 });
      expect((await cast('alice0001', 'idea0003')).outcome).toBe('cast');
      await store.close();
      const reopened = await h.reopen();
      expect(await reopened.getVotes('board01', 'alice0001', 'q1')).toEqual({ votes: { idea0001: 1, idea0002: 1, idea0003: 1 }, used: 3 });
      expect(await reopened.voteTotals('board01')).toEqual({ idea0001: 2, idea0002: 1, idea0003: 1, idea0009: 1 });
    });

    it('never lets concurrent casts of one participant exceed the budget', async () => {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.castVote('board01', 'alice0001', `idea000${i % 4}`, rule(5, 50))),
      );
      expect(results.filter((r) => r.outcome === 'cast')).toHaveLength(5);
      expect((await store.getVotes('board01', 'alice0001', 'q1')).used).toBe(5);
      const totals = await store.voteTotals('board01');
      expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(5);
    });

    it('counts 200 participants voting at once exactly', async () => {
      const voters = Array.from({ length: 200 }, (_, i) => `voter${String(i).padStart(4, '0')}`);
      await Promise.all(
        voters.flatMap((v, i) => Array.from({ length: 3 }, (_, k) => store.castVote('board01', v, `idea000${(i + k) % 5}`, rule(3, 3)))),
      );
      const totals = await store.voteTotals('board01');
      expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(600);
      expect(totals).toEqual({ idea0000: 120, idea0001: 120, idea0002: 120, idea0003: 120, idea0004: 120 });
    });

    it('merges votes onto the target up to the maximum per idea, refunding the rest', async () => {
      const cast = (who: string, ideaId: string) => store.castVote('board01', who, ideaId, rule(5, 2));
      for (const id of ['target01', 'source01', 'source01', 'source02']) await cast('alice0001', id);
      await cast('bob000001', 'source02');
      await cast('carol0001', 'other0001');
      const merged = await store.mergeVotes('board01', 'target01', ['source01', 'source02'], rule(5, 2));
      // Alice: 1 + 2 + 1 = 4 on one idea, max 2: 2 kept, 2 refunded. Bob: 1 moved.
      expect(merged).toEqual({ total: 3, moved: 2, refunded: 2 });
      expect(await store.getVotes('board01', 'alice0001', 'q1')).toEqual({ votes: { target01: 2 }, used: 2 });
      expect(await store.getVotes('board01', 'bob000001', 'q1')).toEqual({ votes: { target01: 1 }, used: 1 });
      expect(await store.voteTotals('board01')).toEqual({ target01: 3, other0001: 1 });
    });

    it('clears votes by scope, by idea, or all, keeping the totals true', async () => {
      await store.castVote('board01', 'alice0001', 'idea0001', rule(5, 5, 'q1'));
      await store.castVote('board01', 'alice0001', 'idea0002', rule(5, 5, 'q2'));
      await store.castVote('board01', 'bob000001', 'idea0002', rule(5, 5, 'q2'));
      await store.castVote('board01', 'bob000001', 'idea0003', rule(5, 5, 'q2'));
      await store.clearVotes('board01', { scope: 'q1' });
      expect(await store.voteTotals('board01')).toEqual({ idea0002: 2, idea0003: 1 });
      await store.clearVotes('board01', { ideaIds: ['idea0002'] });
      expect(await store.voteTotals('board01')).toEqual({ idea0003: 1 });
      expect(await store.getVotes('board01', 'bob000001', 'q2')).toEqual({ votes: { idea0003: 1 }, used: 1 });
      await store.clearVotes('board01', { all: true });
      expect(await store.voteTotals('board01')).toEqual({});
      expect(await store.getVotes('board01', 'bob000001', 'q2')).toEqual({ votes: {}, used: 0 });
    });

    it('treats ids like __proto__ as plain keys', async () => {
      await store.castVote('board01', 'alice0001', '__proto__', rule(5, 5, '__proto__'));
      await store.castVote('board01', 'alice0001', 'constructor', rule(5, 5, '__proto__'));
      expect({ ...(await store.voteTotals('board01')) }).toEqual(JSON.parse('{"__proto__":1,"constructor":1}'));
      expect((await store.getVotes('board01', 'alice0001', '__proto__')).used).toBe(2);
    });

    it("lists every participant's votes per scope and idea, for backups", async () => {
      expect(await store.listVotes('board01')).toEqual([]);
      await store.castVote('board01', 'alice0001', 'idea0001', rule(5, 5, 'q1'));
      await store.castVote('board01', 'alice0001', 'idea0001', rule(5, 5, 'q1'));
      await store.castVote('board01', 'alice0001', 'idea0002', rule(5, 5, ''));
      await store.castVote('board01', 'bob000001', 'idea0001', rule(5, 5, 'q1'));
      await store.castVote('board02', 'carol0001', 'idea0009', rule(5, 5, 'q1'));
      await store.retractVote('board01', 'bob000001', 'idea0001', 'q1');
      const order = (a: { participantId: string; ideaId: string }, b: { participantId: string; ideaId: string }) =>
        `${a.participantId}/${a.ideaId}` < `${b.participantId}/${b.ideaId}` ? -1 : 1;
      // Bob took his vote back: a participant with none left is not listed.
      expect((await store.listVotes('board01')).sort(order)).toEqual([
        { participantId: 'alice0001', scope: 'q1', ideaId: 'idea0001', count: 2 },
        { participantId: 'alice0001', scope: '', ideaId: 'idea0002', count: 1 },
      ]);
      expect(await store.listVotes('board02')).toEqual([{ participantId: 'carol0001', scope: 'q1', ideaId: 'idea0009', count: 1 }]);
      await store.clearVotes('board01', { all: true });
      expect(await store.listVotes('board01')).toEqual([]);
    });
  });
}
