import type { BoardSettings, Idea } from '../../shared';

let n = 0;

/**
 * A valid idea for pure tests: unplaced, anonymous, no question, with a fresh id, and text,
 * position that grow with each call (created at 0); `extra` overrides any field.
 */
export function sampleIdea(extra: Partial<Idea> = {}): Idea {
  n += 1;
  return {
    id: `idea-${String(n).padStart(6, '0')}`,
    text: `Idé ${n}`,
    authorId: 'author-0001',
    authorName: null,
    contributorType: null,
    organisation: null,
    createdAt: 0,
    updatedAt: 0,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: `a${n}`,
    clusterId: null,
    ...extra,
  };
}

/** A blank board's settings with two questions, the first in focus. */
export const twoQuestions = {
  title: 'Tavle',
  template: 'blank',
  locale: 'da',
  questions: [
    { id: 'q1', text: 'Første' },
    { id: 'q2', text: 'Anden' },
  ],
  focusQuestionId: 'q1',
} as unknown as BoardSettings;
