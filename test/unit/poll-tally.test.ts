import { describe, expect, it } from 'vitest';
import { normaliseWord, pollSchema, type Poll, type PollAnswer } from '../../shared';
import { checkAnswer } from '../../server/polls/check-answer';
import { tally } from '../../server/polls/tally';

const base = { question: 'Q', questionId: null, beaconId: null, state: 'open', resultMode: 'hidden', revealed: false, live: false, createdAt: 1, updatedAt: 1, results: null };
const poll = (kind: object): Poll => pollSchema.parse({ id: 'poll-test-1', ...base, ...kind });
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));

describe('poll words, answers and tallies', () => {
  it('normalises words: case, whitespace, Danish letters typed either way, punctuation around', () => {
    expect(normaliseWord('  Fællesskab! ')).toBe('fællesskab');
    expect(normaliseWord('ÆBLE  og   PÆRE')).toBe('æble og pære');
    expect(normaliseWord('A\u030Arhus')).toBe('århus'); // a + combining ring → å
    expect(normaliseWord('«Ishøj»')).toBe('ishøj');
  });

  it('counts each person once per word, and only answers of the poll\u2019s type', () => {
    const cloud = poll({ type: 'wordcloud', maxWords: 3 });
    const answers: PollAnswer[] = [
      checkAnswer(cloud, { type: 'wordcloud', words: ['Havn', 'havn ', 'Skov'] }),
      checkAnswer(cloud, { type: 'wordcloud', words: ['HAVN'] }),
      { type: 'scale', value: 3 },
    ];
    expect(tally(cloud, answers)).toEqual({ kind: 'words', answers: 2, words: [{ word: 'havn', count: 2 }, { word: 'skov', count: 1 }] });
  });

  it('gives a ranking\u2019s average places, best first, and a scale\u2019s mean and distribution', () => {
    const ranking = poll({ type: 'ranking', options: options(3) });
    const ranked = tally(ranking, [
      { type: 'ranking', order: ['o2', 'o0', 'o1'] },
      { type: 'ranking', order: ['o0', 'o2', 'o1'] },
    ]);
    expect(ranked).toEqual({ kind: 'ranking', answers: 2, order: [{ optionId: 'o0', averagePlace: 1.5 }, { optionId: 'o2', averagePlace: 1.5 }, { optionId: 'o1', averagePlace: 3 }] });
    const scale = poll({ type: 'scale', scaleMax: 10, minLabel: '', maxLabel: '' });
    const result = tally(scale, [1, 2, 2, 10].map((value) => ({ type: 'scale', value }) as PollAnswer));
    expect(result).toMatchObject({ kind: 'scale', answers: 4, mean: 3.75 });
    expect(result.kind === 'scale' && result.distribution).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('keeps multiple choices in the poll\u2019s order and refuses more than max choices', () => {
    const multiple = poll({ type: 'multiple', options: options(4), maxChoices: 2 });
    expect(checkAnswer(multiple, { type: 'multiple', optionIds: ['o3', 'o1'] })).toEqual({ type: 'multiple', optionIds: ['o1', 'o3'] });
    expect(() => checkAnswer(multiple, { type: 'multiple', optionIds: ['o0', 'o1', 'o2'] })).toThrow(/At most 2/);
  });
});
