import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../server/core/coalesce';
import { countProgress } from '../../server/workshop/progress';
import { countsOf } from '../../client/workshop/progress';
import type { Ballot } from '../../server/store/board-store';

const ballot = (participantId: string, scope: string, ideaId: string, count: number): Ballot => ({ participantId, scope, ideaId, count });

describe('countProgress', () => {
  it('counts hidden ideas per question, ideas without one under null', () => {
    const hidden = [{ questionId: 'q1' }, { questionId: 'q1' }, { questionId: null }, { questionId: 'q2' }];
    expect(countProgress(hidden, [], 5).questions).toEqual([
      { questionId: null, hiddenIdeas: 1, voters: 0, votersDone: 0 },
      { questionId: 'q1', hiddenIdeas: 2, voters: 0, votersDone: 0 },
      { questionId: 'q2', hiddenIdeas: 1, voters: 0, votersDone: 0 },
    ]);
  });

  it('counts a person once per question however many ideas they voted on, and done once the budget is used', () => {
    const ballots = [
      // Ane: 3 of 3 on q1, over two ideas: done.
      ballot('ane', 'q1', 'a', 2),
      ballot('ane', 'q1', 'b', 1),
      // Bo: 1 of 3 on q1; and 3 on q2 (a separate budget).
      ballot('bo', 'q1', 'a', 1),
      ballot('bo', 'q2', 'c', 3),
      // A zero never counts as a vote.
      ballot('cy', 'q1', 'a', 0),
    ];
    expect(countProgress([], ballots, 3).questions).toEqual([
      { questionId: 'q1', hiddenIdeas: 0, voters: 2, votersDone: 1 },
      { questionId: 'q2', hiddenIdeas: 0, voters: 1, votersDone: 1 },
    ]);
  });

  it('counts more votes than a lowered budget as all used', () => {
    const ballots = [ballot('ane', 'q1', 'a', 4), ballot('bo', 'q1', 'a', 1)];
    expect(countProgress([], ballots, 5).questions[0]).toMatchObject({ voters: 2, votersDone: 0 });
    expect(countProgress([], ballots, 2).questions[0]).toMatchObject({ voters: 2, votersDone: 1 });
  });

  it('says nothing but counts: no text, id or person in the result', () => {
    const secret = { questionId: 'q1', text: 'Hemmelig idé', id: 'idea-1', authorId: 'ane' };
    const result = JSON.stringify(countProgress([secret], [ballot('ane', 'q1', 'idea-1', 1)], 5));
    for (const word of ['Hemmelig', 'idea-1', 'ane']) expect(result).not.toContain(word);
  });

  it('handles ids that are Object.prototype names', () => {
    const ballots = [ballot('__proto__', 'constructor', '__proto__', 1)];
    expect(countProgress([{ questionId: '__proto__' }], ballots, 1).questions).toEqual([
      { questionId: '__proto__', hiddenIdeas: 1, voters: 0, votersDone: 0 },
      { questionId: 'constructor', hiddenIdeas: 0, voters: 1, votersDone: 1 },
    ]);
  });
});

/** A Coalescer whose pauses end only when the test says so. */
function harness() {
  const runs: string[] = [];
  const pauses: (() => void)[] = [];
  const coalescer = new Coalescer(
    async (key) => {
      runs.push(key);
    },
    () => new Promise<void>((resolve) => pauses.push(resolve)),
  );
  // Lets the coalescer's promise chain move on (a run and the start of its pause).
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const endPause = async () => {
    pauses.shift()?.();
    await settle();
  };
  return { coalescer, runs, pauses, settle, endPause };
}

describe('Coalescer', () => {
  it('runs the first request at once and folds a burst into one more run after the pause', async () => {
    const { coalescer, runs, pauses, settle, endPause } = harness();
    coalescer.request('board');
    await settle();
    expect(runs).toEqual(['board']);
    expect(pauses).toHaveLength(1);
    for (let i = 0; i < 200; i++) coalescer.request('board');
    await settle();
    expect(runs).toEqual(['board']);
    await endPause();
    expect(runs).toEqual(['board', 'board']);
    // Nothing new during the second pause: it ends the burst, and the key is idle again.
    expect(coalescer.busy('board')).toBe(true);
    await endPause();
    expect(runs).toHaveLength(2);
    expect(coalescer.busy('board')).toBe(false);
    coalescer.request('board');
    await settle();
    expect(runs).toHaveLength(3);
  });

  it('keeps keys apart', async () => {
    const { coalescer, runs, settle } = harness();
    coalescer.request('a');
    coalescer.request('b');
    coalescer.request('a');
    await settle();
    expect(runs).toEqual(['a', 'b']);
  });

  it('never overlaps two runs of one key, and the last request is always followed by a run', async () => {
    let running = 0;
    let overlapped = false;
    let finish: (() => void) | null = null;
    const seen: number[] = [];
    let value = 0;
    const coalescer = new Coalescer(
      async () => {
        running += 1;
        overlapped ||= running > 1;
        const read = value;
        await new Promise<void>((resolve) => (finish = resolve));
        seen.push(read);
        running -= 1;
      },
      () => Promise.resolve(),
    );
    value = 1;
    coalescer.request('board');
    value = 2;
    coalescer.request('board'); // during the run: folded into the next
    const step = async () => {
      const done = finish;
      finish = null;
      done?.();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    await step();
    await step();
    expect(overlapped).toBe(false);
    expect(seen).toEqual([1, 2]);
    expect(coalescer.busy('board')).toBe(false);
  });
});

describe('countsOf (the client)', () => {
  const progress = { questions: [{ questionId: 'q1', hiddenIdeas: 4, voters: 2, votersDone: 1 }, { questionId: null, hiddenIdeas: 1, voters: 0, votersDone: 0 }] };

  it('reads one question, null for ideas without one, and zeros for a question not listed or before any answer', () => {
    expect(countsOf(progress, 'q1')).toMatchObject({ hiddenIdeas: 4, voters: 2, votersDone: 1 });
    expect(countsOf(progress, null)).toMatchObject({ hiddenIdeas: 1 });
    expect(countsOf(progress, 'q2')).toEqual({ hiddenIdeas: 0, voters: 0, votersDone: 0 });
    expect(countsOf(null, 'q1')).toEqual({ hiddenIdeas: 0, voters: 0, votersDone: 0 });
  });
});
