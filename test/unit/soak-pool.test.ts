import { describe, expect, it } from 'vitest';
import { mergeIntervals, splitOptions } from '../../bench/soak/pool';
import type { SoakOptions, WorkerInterval } from '../../bench/soak/types';

const options: SoakOptions = { minutes: 60, clients: 200, boards: 4, rate: 10, churnPerMinute: 20, lostShare: 0.25, sampleSeconds: 30, warmupSeconds: 300, redisFsync: 'always', loadProcesses: 4 };

function interval(fanout: number[], extra: Partial<WorkerInterval> = {}): WorkerInterval {
  return {
    ops: { add: 1, move: 0, edit: 0, delete: 0, vote: 0, offline: 0 },
    fanoutValues: fanout,
    voteAckValues: [],
    budgetRefusals: 0,
    errors: {},
    disconnects: { clean: 1, lost: 0 },
    reconnects: 0,
    refusedAttempts: 0,
    connected: 50,
    offline: 0,
    docBytes: [100],
    ideas: [10],
    loadLag: { p99Ms: 3, maxMs: 10 },
    ...extra,
  };
}

describe('the soak load pool', () => {
  it('deals boards out and divides clients, rate and churn in proportion, adding up to the whole', () => {
    for (const [boards, clients, processes] of [[4, 200, 4], [4, 201, 3], [5, 200, 2], [3, 10, 8]] as const) {
      const parts = splitOptions({ ...options, boards, clients, loadProcesses: processes }, processes);
      expect(parts.length).toBe(Math.min(boards, processes));
      expect(parts.reduce((n, p) => n + p.boards, 0)).toBe(boards);
      expect(parts.reduce((n, p) => n + p.clients, 0)).toBe(clients);
      expect(parts.reduce((n, p) => n + p.rate, 0)).toBeCloseTo(options.rate);
      expect(parts.reduce((n, p) => n + p.churnPerMinute, 0)).toBeCloseTo(options.churnPerMinute);
      for (const part of parts) expect(part.clients).toBeGreaterThanOrEqual(part.boards);
    }
  });

  it('merges intervals: percentiles over every raw value, counts added, the worst lag', () => {
    const merged = mergeIntervals([
      interval([1, 2, 3], { errors: { 'yjs:X': 1 } }),
      interval([100], { errors: { 'yjs:X': 2, 'close:4000': 1 }, loadLag: { p99Ms: 7, maxMs: 40 } }),
    ]);
    expect(merged.fanout.count).toBe(4);
    expect(merged.fanout.max).toBe(100);
    expect(merged.fanout.p50).toBe(2);
    expect(merged.errors).toEqual({ 'yjs:X': 3, 'close:4000': 1 });
    expect(merged.ops.add).toBe(2);
    expect(merged.connected).toBe(100);
    expect(merged.docBytes).toEqual([100, 100]);
    expect(merged.loadLag).toEqual({ p99Ms: 7, maxMs: 40 });
    expect(merged.disconnects).toEqual({ clean: 2, lost: 0 });
  });
});
