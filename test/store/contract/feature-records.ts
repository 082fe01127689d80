import { describe, expect, it } from 'vitest';
import type { BoardStore, FeatureRecords } from '../../../server/store/board-store';
import type { Idea } from '../../../shared';
import { openEach, type StoreHarness } from './harness';

const idea = (id: string, authorId: string, text = `Idé ${id} æøå`): Idea => ({
  id,
  text,
  authorId,
  authorName: 'Åse',
  contributorType: 'citizen',
  organisation: null,
  createdAt: 1,
  updatedAt: 1,
  phase: null,
  principle: null,
  track: null,
  beacons: [],
  questionId: 'question1',
  position: 'a0',
  clusterId: null,
});
const byId = (ideas: Idea[]) => [...ideas].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Hidden ideas and record spaces: atomic insert-once, compare-and-set, code-unit order. */
export function featureRecordsContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`FeatureRecords contract: ${name}`, () => {
    let h: StoreHarness;
    let store: FeatureRecords & Pick<BoardStore, 'close'>;

    openEach(open, (opened) => {
      h = opened;
      store = opened.store;
    });

    it('keeps hidden ideas per board, upserts by id, refuses another author’s id', async () => {
      expect(await store.listHiddenIdeas('board01')).toEqual([]);
      expect(await store.putHiddenIdea('board01', idea('idea0001', 'alice0001'))).toBe('stored');
      expect(await store.putHiddenIdea('board01', idea('idea0002', 'bob000001'))).toBe('stored');
      expect(await store.putHiddenIdea('board02', idea('idea0001', 'carol0001'))).toBe('stored');
      expect(await store.putHiddenIdea('board01', idea('idea0001', 'alice0001', 'edited'))).toBe('stored');
      expect(await store.putHiddenIdea('board01', idea('idea0001', 'mallory01', 'stolen'))).toBe('conflict');
      expect(byId(await store.listHiddenIdeas('board01'))).toEqual([idea('idea0001', 'alice0001', 'edited'), idea('idea0002', 'bob000001')]);
      // By id: only the hidden ones of this board, each once.
      expect(byId(await store.getHiddenIdeas('board01', ['idea0002', 'nosuchidea', 'idea0001', 'idea0002']))).toEqual([
        idea('idea0001', 'alice0001', 'edited'),
        idea('idea0002', 'bob000001'),
      ]);
      expect(await store.getHiddenIdeas('board02', ['idea0002'])).toEqual([]);
      expect(await store.getHiddenIdeas('board01', [])).toEqual([]);
      expect(await store.deleteHiddenIdeas('board01', ['idea0001', 'nosuchidea'])).toBe(1);
      expect(await store.listHiddenIdeas('board01')).toEqual([idea('idea0002', 'bob000001')]);
      expect(await store.listHiddenIdeas('board02')).toHaveLength(1);
      await store.close();
      const reopened = await h.reopen();
      expect(await reopened.listHiddenIdeas('board01')).toEqual([idea('idea0002', 'bob000001')]);
    });

    it('deletes no hidden ideas for an empty list, and counts a repeated id once', async () => {
      expect(await store.deleteHiddenIdeas('board01', [])).toBe(0);
      await store.putHiddenIdea('board01', idea('idea0001', 'alice0001'));
      expect(await store.deleteHiddenIdeas('board01', ['idea0001', 'idea0001'])).toBe(1);
      expect(await store.listHiddenIdeas('board01')).toEqual([]);
    });

    describe('records', () => {
      const json = (text: string) => JSON.stringify({ text });

      it('inserts a record once; a resend gets the first value back', async () => {
        expect(await store.getRecord('calls', 'call0001')).toBeNull();
        expect(await store.insertRecord('calls', 'call0001', json('first'))).toEqual({ created: true, value: json('first') });
        expect(await store.insertRecord('calls', 'call0001', json('second'))).toEqual({ created: false, value: json('first') });
        expect(await store.getRecord('calls', 'call0001')).toBe(json('first'));
        expect(await store.getRecord('calls', 'call0002')).toBeNull();
        expect(await store.getRecord('other', 'call0001')).toBeNull();
      });

      it('creates exactly one record under concurrent inserts of one key', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.insertRecord('calls', 'race', json(`v${i}`))));
        const winners = results.filter((r) => r.created);
        expect(winners).toHaveLength(1);
        for (const r of results) expect(r.value).toBe(winners[0]!.value);
        expect(await store.getRecord('calls', 'race')).toBe(winners[0]!.value);
      });

      it('lists a space in code-unit key order, never records of a similarly named space', async () => {
        // '\u{1F600}' < '\uFFFD' in UTF-16 code units, but not in UTF-8 byte order.
        const keys = ['b', 'a:b', 'a', 'A', '10', '9', 'é', '\uFFFD', '\u{1F600}', 'a;', ''];
        for (const [i, key] of [...keys].reverse().entries()) await store.putRecord('a', key, json(`a${i}`));
        for (const space of ['a:b', 'ab', 'a:', 'b', 'A']) await store.putRecord(space, 'a', json(space));
        const listed = await store.listRecords('a');
        expect(listed.map((r) => r.key)).toEqual([...keys].sort());
        for (const r of listed) expect(r.value).toBe(await store.getRecord('a', r.key));
        expect(await store.listRecords('a:b')).toEqual([{ key: 'a', value: json('a:b') }]);
        expect(await store.listRecords('ab')).toEqual([{ key: 'a', value: json('ab') }]);
        expect(await store.listRecords('nosuchspace')).toEqual([]);
      });

      it('puts over whatever a record held', async () => {
        await store.putRecord('calls', 'p', json('one'));
        expect(await store.getRecord('calls', 'p')).toBe(json('one'));
        await store.putRecord('calls', 'p', json('two'));
        expect(await store.getRecord('calls', 'p')).toBe(json('two'));
        expect(await store.insertRecord('calls', 'p', json('three'))).toEqual({ created: false, value: json('two') });
      });

      it('replaces a record only while it holds the expected value', async () => {
        expect(await store.replaceRecord('calls', 'missing', json('x'), json('y'))).toBe(false);
        expect(await store.getRecord('calls', 'missing')).toBeNull();
        await store.insertRecord('calls', 'r', json('pending'));
        expect(await store.replaceRecord('calls', 'r', json('approved'), json('rejected'))).toBe(false);
        expect(await store.getRecord('calls', 'r')).toBe(json('pending'));
        expect(await store.replaceRecord('calls', 'r', json('pending'), json('approved'))).toBe(true);
        expect(await store.getRecord('calls', 'r')).toBe(json('approved'));
        expect(await store.replaceRecord('calls', 'r', json('pending'), json('rejected'))).toBe(false);
        expect(await store.getRecord('calls', 'r')).toBe(json('approved'));
      });

      it('lets exactly one of 20 concurrent replacements win', async () => {
        await store.putRecord('calls', 'decide', json('pending'));
        const nexts = Array.from({ length: 20 }, (_, i) => json(`decided by moderator ${i}`));
        const won = await Promise.all(nexts.map((next) => store.replaceRecord('calls', 'decide', json('pending'), next)));
        expect(won.filter(Boolean)).toHaveLength(1);
        expect(await store.getRecord('calls', 'decide')).toBe(nexts[won.indexOf(true)]);
      });

      it('deletes records, counting those that existed', async () => {
        for (const key of ['d1', 'd2', 'd3']) await store.putRecord('calls', key, json(key));
        await store.putRecord('other', 'd1', json('other'));
        expect(await store.deleteRecords('calls', ['d1', 'd3', 'nosuchkey', 'd1'])).toBe(2);
        expect(await store.listRecords('calls')).toEqual([{ key: 'd2', value: json('d2') }]);
        expect(await store.getRecord('calls', 'd1')).toBeNull();
        expect(await store.getRecord('other', 'd1')).toBe(json('other'));
        expect(await store.deleteRecords('calls', [])).toBe(0);
        expect(await store.deleteRecords('calls', ['d1'])).toBe(0);
        expect(await store.insertRecord('calls', 'd1', json('again'))).toEqual({ created: true, value: json('again') });
      });

      it('round-trips unicode, ":" and __proto__ in spaces, keys and values, across a reopen', async () => {
        const space = 'board:x1:calls/æøå 🦊';
        const records = [
          { key: '__proto__', value: json('proto') },
          { key: 'k:1:🦊', value: JSON.stringify({ text: 'Åse: "hej" 🦊 \u0000 \u2028', n: 1 }) },
          { key: 'ñ/..\\..', value: 'plain: not JSON ✓' },
        ];
        for (const r of records) expect((await store.insertRecord(space, r.key, r.value)).created).toBe(true);
        expect(await store.listRecords(space)).toEqual(records);
        expect(await store.listRecords('board:x1:calls')).toEqual([]);
        await store.close();
        const reopened = await h.reopen();
        expect(await reopened.listRecords(space)).toEqual(records);
        for (const r of records) expect(await reopened.getRecord(space, r.key)).toBe(r.value);
        expect(await reopened.replaceRecord(space, 'k:1:🦊', records[1]!.value, json('ok'))).toBe(true);
      });

    });
  });
}
