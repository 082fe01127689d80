import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Lag {
  p99Ms: number;
  maxMs: number;
}

/**
 * Event-loop delay of this process. In a load worker it says whether the client side kept
 * up (a lagging load process inflates every latency it measures); in a server it is the
 * delay a compaction or a store imposes on everyone.
 */
export function lagMonitor(resolutionMs = 5): { read(): Lag; reset(): void; stop(): Lag } {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  const read = (): Lag => ({
    // The histogram records whole timer intervals; subtracting the interval leaves the delay (an under-estimate by at most resolutionMs).
    p99Ms: Math.max(0, histogram.percentile(99) / 1e6 - resolutionMs),
    maxMs: Math.max(0, histogram.max / 1e6 - resolutionMs),
  });
  return {
    read,
    reset: () => histogram.reset(),
    stop() {
      const lag = read();
      histogram.disable();
      return lag;
    },
  };
}
