/**
 * Summary statistics for noisy timings: median (the figure compared with a budget), min and
 * max over the measured runs, after untimed warm-up runs. Never a mean: one slow run on a
 * shared machine would move it.
 */

export interface Stat {
  median: number;
  min: number;
  max: number;
  /** Measured runs (warm-ups excluded). */
  runs: number;
}

/** Median, min and max of `samples` (at least one). */
export function summarize(samples: readonly number[]): Stat {
  if (samples.length === 0) throw new Error("summarize: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const lower = sorted[mid - 1] ?? 0;
  const upper = sorted[mid] ?? 0;
  const median = sorted.length % 2 === 1 ? upper : (lower + upper) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: sorted.length };
}

export interface RunPlan {
  warmups: number;
  runs: number;
}

/**
 * Times `fn` (milliseconds, `performance.now()`): `warmups` untimed calls, then `runs` timed
 * ones. `fn` returns a value that is kept so the work cannot be optimized away.
 */
export function timeRuns<T>(fn: () => T, plan: RunPlan, keep: (value: T) => void = () => undefined): Stat {
  for (let i = 0; i < plan.warmups; i++) keep(fn());
  const samples: number[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const start = performance.now();
    const value = fn();
    samples.push(performance.now() - start);
    keep(value);
  }
  return summarize(samples);
}

/** Scales every figure of a Stat (ms to s, per batch to per call...). */
export function scaleStat(s: Stat, factor: number): Stat {
  return { median: s.median * factor, min: s.min * factor, max: s.max * factor, runs: s.runs };
}
