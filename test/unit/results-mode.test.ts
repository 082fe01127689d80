import { describe, expect, it } from 'vitest';
import { defaultWorkshop, type BoardSettings, type Step, type WorkshopState } from '../../shared';
import { isResultsMode, resultsFollowRoom, totalsShown } from '../../client/voting/useResultsMode';

const settings = (focusQuestionId: string | null): BoardSettings => ({
  title: 'Tavle',
  description: '',
  beacons: [],
  questions: [
    { id: 'q1', text: 'Første' },
    { id: 'q2', text: 'Anden' },
  ],
  focusQuestionId,
  call: null,
});
const workshop = (steps: Record<string, Step>, votesRevealed: boolean): WorkshopState => ({ ...defaultWorkshop('ABC123'), steps, votesRevealed });

describe('the results view on phones and the facilitator laptop', () => {
  it('follows the focus question: its results step, or its vote step with totals revealed', () => {
    expect(isResultsMode({ settings: settings('q1'), workshop: workshop({ q1: 'results' }, false) })).toBe(true);
    expect(isResultsMode({ settings: settings('q1'), workshop: workshop({ q1: 'vote' }, true) })).toBe(true);
    expect(isResultsMode({ settings: settings('q1'), workshop: workshop({ q1: 'vote' }, false) })).toBe(false);
  });

  it('ends when the facilitator moves on to the next question, though totals stay revealed', () => {
    expect(isResultsMode({ settings: settings('q2'), workshop: workshop({ q1: 'results', q2: 'write' }, true) })).toBe(false);
    expect(isResultsMode({ settings: settings('q1'), workshop: workshop({ q1: 'group' }, true) })).toBe(false);
  });

  it('on a board without a focus question, shows results whenever totals are revealed', () => {
    expect(isResultsMode({ settings: settings(null), workshop: workshop({}, true) })).toBe(true);
    expect(isResultsMode({ settings: settings(null), workshop: workshop({}, false) })).toBe(false);
    expect(isResultsMode({ settings: null, workshop: workshop({}, false) })).toBe(false);
  });

  it('is the projector’s rule too: the same results, and totals only while voting, done, or without a focus question', () => {
    // The wall adds the facilitator's choice of view; without one it follows the phones.
    for (const step of [null, 'write', 'reveal', 'group', 'vote', 'results'] as const) {
      for (const revealed of [false, true]) {
        const phones = isResultsMode({ settings: settings(step === null ? null : 'q1'), workshop: workshop(step === null ? {} : { q1: step }, revealed) });
        expect(resultsFollowRoom(step, revealed), `${step} ${revealed}`).toBe(phones);
      }
    }
    expect(totalsShown('results', true)).toBe(true);
    expect(totalsShown(null, true)).toBe(true);
    // A new round after a revealed one: last round's numbers stay off the wall.
    expect(totalsShown('write', true)).toBe(false);
    expect(totalsShown('vote', false)).toBe(false);
  });
});
