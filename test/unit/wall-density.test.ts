import { describe, expect, it } from 'vitest';
import { BACK_SHARE, MOST_NOTES, START, nextDensity, type DensityState } from '../../client/observer/wall-density';

const SCREEN = '1920x1080';

/** The wall's step after each count in turn, nothing overflowing. */
function walk(counts: number[], from: DensityState = START): string[] {
  let state = from;
  return counts.map((count) => (state = nextDensity(state, { count, overflows: false, screen: SCREEN })).density);
}

describe('the wall’s density step', () => {
  it('steps denser as ideas arrive, and only at the limits', () => {
    const counts = Array.from({ length: 40 }, (_, i) => i + 1);
    const steps = walk(counts);
    expect(steps.slice(0, MOST_NOTES.large)).toEqual(Array(MOST_NOTES.large).fill('large'));
    expect(steps[MOST_NOTES.large]).toBe('medium');
    expect(steps[MOST_NOTES.medium - 1]).toBe('medium');
    expect(steps[MOST_NOTES.medium]).toBe('dense');
    // Exactly two changes on the way from 1 to 40 ideas.
    expect(steps.filter((s, i) => i > 0 && s !== steps[i - 1])).toHaveLength(2);
  });

  it('starts at the step its count calls for', () => {
    expect(walk([3])).toEqual(['large']);
    expect(walk([12])).toEqual(['medium']);
    // A full wall goes straight to the last column step, not through the others.
    expect(walk([300])).toEqual(['densest']);
  });

  it('goes back to a sparser step only well below its limit (no flipping around a limit)', () => {
    const back = Math.floor(MOST_NOTES.large * BACK_SHARE);
    // Around the large limit: 8, 9, 8, 9, 8 stays medium once it got there.
    expect(walk([MOST_NOTES.large, MOST_NOTES.large + 1, MOST_NOTES.large, MOST_NOTES.large + 1, back + 1])).toEqual([
      'large',
      'medium',
      'medium',
      'medium',
      'medium',
    ]);
    expect(walk([MOST_NOTES.large + 1, back])).toEqual(['medium', 'large']);
    // A view switched from a big wall to one small cluster.
    expect(walk([120, 4])).toEqual(['densest', 'large']);
  });

  it('steps denser when the notes do not fit, and stays there for as many notes or more', () => {
    let state = nextDensity(START, { count: 5, overflows: false, screen: SCREEN });
    expect(state.density).toBe('large');
    state = nextDensity(state, { count: 5, overflows: true, screen: SCREEN });
    expect(state.density).toBe('medium');
    // Measured again at medium, it fits: it must not go back to large (that would overflow again).
    for (const count of [5, 6, 7, 5]) {
      state = nextDensity(state, { count, overflows: false, screen: SCREEN });
      expect(state.density).toBe('medium');
    }
    // Fewer notes than large overflowed with: large is tried again.
    state = nextDensity(state, { count: 4, overflows: false, screen: SCREEN });
    expect(state.density).toBe('large');
    // Overflowing at the densest step changes nothing: the wall pages there.
    const dense = nextDensity(START, { count: 100, overflows: false, screen: SCREEN });
    expect(nextDensity(dense, { count: 100, overflows: true, screen: SCREEN })).toBe(dense);
  });

  it('in columns, takes narrower columns before it pages, and goes back only below the overflow', () => {
    let state = nextDensity(START, { count: 30, overflows: false, screen: SCREEN });
    expect(state.density).toBe('dense');
    // 35 notes make a second page of the widest columns, then of the next: the last step pages.
    state = nextDensity(state, { count: 35, overflows: true, screen: SCREEN });
    expect(state.density).toBe('denser');
    state = nextDensity(state, { count: 35, overflows: true, screen: SCREEN });
    expect(state.density).toBe('densest');
    expect(nextDensity(state, { count: 35, overflows: true, screen: SCREEN })).toBe(state);
    // A few ideas deleted: the wall stays (no re-layout of dozens of notes for one idea).
    for (const count of [34, 30, 27, 30, 35]) {
      state = nextDensity(state, { count, overflows: false, screen: SCREEN });
      expect(state.density).toBe('densest');
    }
    // Well below what overflowed the widest columns (BACK_SHARE): they come back.
    expect(nextDensity(state, { count: Math.floor(35 * BACK_SHARE), overflows: false, screen: SCREEN }).density).toBe('dense');
  });

  it('never oscillates at a fixed count, whatever the layout reports', () => {
    for (const count of [1, 3, 6, 8, 9, 18, 24, 25]) {
      for (const fitsAt of ['large', 'medium', 'dense'] as const) {
        // A layout where every step sparser than `fitsAt` overflows.
        const order = ['large', 'medium', 'dense'];
        let state = nextDensity(START, { count, overflows: false, screen: SCREEN });
        const seen: string[] = [state.density];
        for (let i = 0; i < 10; i++) {
          state = nextDensity(state, { count, overflows: order.indexOf(state.density) < order.indexOf(fitsAt), screen: SCREEN });
          seen.push(state.density);
        }
        // It settles: the last steps are all the same, and it never comes back to a step it left.
        expect(new Set(seen.slice(-5)).size).toBe(1);
        const changes = seen.filter((s, i) => i > 0 && s !== seen[i - 1]).length;
        expect(changes).toBeLessThanOrEqual(2);
      }
    }
  });

  it('returns the same state when nothing changes, and forgets overflows on a new screen size', () => {
    const state = nextDensity(START, { count: 5, overflows: false, screen: SCREEN });
    expect(nextDensity(state, { count: 6, overflows: false, screen: SCREEN })).toBe(state);
    const full = nextDensity(state, { count: 5, overflows: true, screen: SCREEN });
    expect(full.density).toBe('medium');
    expect(nextDensity(full, { count: 5, overflows: false, screen: '2560x1440' }).density).toBe('large');
  });
});
