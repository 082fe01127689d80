import { describe, expect, it } from 'vitest';
import { checkBeacons, isDirty, toItems } from '../../client/coordinator/beacon-draft';

describe('the installation\u2019s beacons before saving', () => {
  const saved = [
    { id: 'beacon-0001', name: 'Natur' },
    { id: 'beacon-0002', name: 'Sundhed' },
  ];

  it('trims names, and refuses empty or twice-used ones', () => {
    expect(checkBeacons([{ id: 'beacon-0001', text: '  Natur  og   miljø ' }])).toEqual({ ok: true, beacons: [{ id: 'beacon-0001', name: 'Natur og miljø' }] });
    expect(checkBeacons([{ id: 'beacon-0001', text: '   ' }])).toEqual({ ok: false, problem: 'empty' });
    expect(checkBeacons([...toItems(saved), { id: 'beacon-0003', text: 'natur' }])).toEqual({ ok: false, problem: 'duplicate', name: 'natur' });
    expect(checkBeacons([])).toEqual({ ok: true, beacons: [] });
  });

  it('knows when the list differs from what is saved, order included', () => {
    expect(isDirty(toItems(saved), saved)).toBe(false);
    expect(isDirty(toItems(saved).reverse(), saved)).toBe(true);
    expect(isDirty([{ id: 'beacon-0001', text: 'Natur ' }, { id: 'beacon-0002', text: 'Sundhed' }], saved)).toBe(false);
    expect(isDirty(toItems(saved).slice(1), saved)).toBe(true);
  });
});
