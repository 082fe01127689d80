import { describe, expect, it } from 'vitest';
import { foldLog } from '../../server/store/fold-log';

/**
 * foldLog waits out a compaction that was already running (by its deadline, not by a count
 * of tries) and never returns as if it had folded when it had not: a GDPR deletion reports
 * success only once the deleted text is in no stored update. On a busy 2-core machine the
 * fold worker's first start took 2–10 s and the old cap of 100 tries gave up silently.
 */
function fakeLog(busyCalls: number) {
  let calls = 0;
  let updates = 3;
  return {
    get calls() {
      return calls;
    },
    async compactDocument() {
      calls += 1;
      if (calls <= busyCalls) return { compacted: 0 }; // another compaction holds the document
      const compacted = updates;
      updates = 0;
      return { compacted };
    },
    async loadDocument() {
      return { snapshot: null, updates: Array.from({ length: updates }, () => new Uint8Array(1)), plan: null };
    },
  };
}

describe('folding a log after a deletion', () => {
  it('keeps trying while another compaction runs, past the hundred tries the old loop allowed', async () => {
    const log = fakeLog(150);
    // The pauses between tries are the test's: none.
    await foldLog(log, 'doc', { sleep: () => Promise.resolve() });
    expect(log.calls).toBe(151);
  });

  it('returns at once when there is nothing to fold', async () => {
    const log = fakeLog(0);
    await log.compactDocument();
    await foldLog(log, 'doc');
    expect(log.calls).toBe(2);
  });

  it('fails, instead of returning as if folded, when the log stays busy past its wait', async () => {
    const log = fakeLog(Number.POSITIVE_INFINITY);
    await expect(foldLog(log, 'doc', { waitMs: 30 })).rejects.toThrow(/could not fold the log of doc/);
  });
});
