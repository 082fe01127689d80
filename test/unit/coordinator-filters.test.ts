import { describe, expect, it } from 'vitest';
import type { OverviewIdea } from '../../shared';
import { countIdeas as serverCount } from '../../server/installation/overview';
import {
  NONE,
  NO_FILTERS,
  activeFilterCount,
  beaconNames,
  countIdeas,
  hasLocalRefinement,
  matrixCount,
  matrixTotal,
  overviewQuery,
  refineIdeas,
} from '../../client/coordinator/overview-filters';

let n = 0;
function idea(fields: Partial<OverviewIdea>): OverviewIdea {
  n += 1;
  return {
    id: `idea-${String(n).padStart(4, '0')}`,
    text: `Idé ${n}`,
    authorId: 'author-0001',
    authorName: 'Ane',
    contributorType: null,
    organisation: null,
    createdAt: 1_700_000_000_000 + n,
    updatedAt: 1_700_000_000_000 + n,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: 'a0',
    clusterId: null,
    boardId: 'board-0001',
    boardTitle: 'Rådene',
    status: 'new',
    statusRationale: null,
    statusChangedAt: null,
    beaconNames: [],
    initiatives: [],
    ...fields,
  };
}

const IDEAS = [
  idea({ phase: 1, principle: 2, track: 'outward', beaconNames: ['Natur'], status: 'selected', contributorType: 'citizen' }),
  idea({ phase: 2, principle: 2, track: 'inward', beaconNames: ['Sundhed', 'Natur'], status: 'not-taken-forward' }),
  idea({ phase: null, principle: 3, track: null }),
  idea({ phase: 1, principle: null, track: 'political', contributorType: 'council' }),
  idea({}),
];

describe('the coordinator overview filters', () => {
  it('sends the set filters to the server, "not set" as the server\u2019s "none"', () => {
    expect(overviewQuery(NO_FILTERS)).toBe('');
    const filters = { ...NO_FILTERS, boardId: 'board-0001', status: 'selected', track: NONE, beacon: 'Fællesskab & idræt' };
    const params = new URLSearchParams(overviewQuery(filters, { since: 1_714_514_400_000, sep: ';', empty: null }));
    expect(Object.fromEntries(params)).toEqual({
      boardId: 'board-0001',
      status: 'selected',
      track: 'none',
      beacon: 'Fællesskab & idræt',
      since: '1714514400000',
      sep: ';',
    });
    expect(activeFilterCount(filters)).toBe(4);
    expect(hasLocalRefinement(filters)).toBe(true);
    expect(hasLocalRefinement({ ...filters, track: 'inward' })).toBe(false);
  });

  it('counts exactly as the server does', () => {
    expect(countIdeas(IDEAS)).toEqual(serverCount(IDEAS));
  });

  it('narrows to ideas where a field is not set, and recounts them', () => {
    const noPhase = refineIdeas(IDEAS, { ...NO_FILTERS, phase: NONE });
    expect(noPhase.map((i) => i.principle)).toEqual([3, null]);
    const noBeacon = refineIdeas(IDEAS, { ...NO_FILTERS, beacon: NONE, contributorType: NONE });
    expect(noBeacon).toHaveLength(2);
    expect(countIdeas(noBeacon).beacon).toEqual({ none: 2 });
    // Nothing to refine: the very same list.
    expect(refineIdeas(IDEAS, { ...NO_FILTERS, status: 'selected' })).toBe(IDEAS);
  });

  it('reads the phase × principle matrix with its "not placed" row and column and totals', () => {
    const counts = countIdeas(IDEAS);
    expect(matrixCount(counts, '1', '2')).toBe(1);
    expect(matrixCount(counts, NONE, '3')).toBe(1);
    expect(matrixCount(counts, '1', NONE)).toBe(1);
    expect(matrixCount(counts, NONE, NONE)).toBe(1);
    expect(matrixCount(counts, '3', '3')).toBe(0);
    expect(matrixTotal(counts, '1', '')).toBe(2);
    expect(matrixTotal(counts, '', '2')).toBe(2);
    expect(matrixTotal(counts, NONE, '')).toBe(2);
    expect(matrixTotal(counts, '', '')).toBe(IDEAS.length);
  });

  it('offers the installation\u2019s beacons in their order, then others A–Å', () => {
    expect(beaconNames(['Natur', 'Fællesskab'], ['Sundhed', 'Natur', 'Ældre', 'none', 'Børn'])).toEqual([
      'Natur',
      'Fællesskab',
      'Børn',
      'Sundhed',
      'Ældre',
    ]);
  });
});
