import { describe, expect, it } from 'vitest';
import { defaultWorkshop, type BoardSettings, type Step } from '../../shared';
import { boardGroupingOf } from '../../client/board/board-grouping';
import { indexGrouping } from '../../client/board/grouping';
import type { BoardGrouping } from '../../client/state/slices/ui';

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
const state = (focus: string | null, steps: Record<string, Step>, boardGrouping: BoardGrouping | null = null) => ({
  settings: settings(focus),
  workshop: { ...defaultWorkshop('ABC123'), steps },
  boardGrouping,
});

describe("the board's grouping for a person", () => {
  it('is the clusters in the focus question’s group, vote and results steps', () => {
    for (const step of ['group', 'vote', 'results'] as const) expect(boardGroupingOf(state('q1', { q1: step }))).toBe('clusters');
  });

  it('is phase and principle while the room writes or reveals, and on a board without a focus question', () => {
    for (const step of ['write', 'reveal'] as const) expect(boardGroupingOf(state('q1', { q1: step }))).toBe('phase-principle');
    expect(boardGroupingOf(state('q2', { q1: 'group' }))).toBe('phase-principle');
    expect(boardGroupingOf(state(null, { q1: 'group' }))).toBe('phase-principle');
    // A focus id naming no question on the board (removed) follows no step.
    expect(boardGroupingOf(state('gone', { gone: 'group' }))).toBe('phase-principle');
  });

  it('is the person’s own choice, in any step', () => {
    expect(boardGroupingOf(state('q1', { q1: 'group' }, 'phase-principle'))).toBe('phase-principle');
    expect(boardGroupingOf(state('q1', { q1: 'write' }, 'clusters'))).toBe('clusters');
    expect(boardGroupingOf(state('q1', { q1: 'vote' }, 'track'))).toBe('track');
  });

  it('reads the clusters view from the question groups of the index', () => {
    expect(indexGrouping('clusters')).toBe('question');
    expect(indexGrouping('track')).toBe('track');
  });
});
