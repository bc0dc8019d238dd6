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
 * Times `fn` (milliseconds): `warmups` untimed calls, then `runs` timed ones, each as wall
 * time (`performance.now()`, what a user waits) and as this process's CPU time
 * (`process.cpuUsage()`, which does not grow while other processes hold the CPU, but does
 * include V8's parallel GC threads). `fn` returns a value that is kept so the work cannot be
 * optimized away.
 */
export function timeRunsWithCpu<T>(fn: () => T, plan: RunPlan, keep: (value: T) => void = () => undefined): { wall: Stat; cpu: Stat } {
  for (let i = 0; i < plan.warmups; i++) keep(fn());
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const value = fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    keep(value);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

/** Wall time of `fn` (see timeRunsWithCpu). */
export function timeRuns<T>(fn: () => T, plan: RunPlan, keep: (value: T) => void = () => undefined): Stat {
  return timeRunsWithCpu(fn, plan, keep).wall;
}

/** Scales every figure of a Stat (ms to s, per batch to per call...). */
export function scaleStat(s: Stat, factor: number): Stat {
  return { median: s.median * factor, min: s.min * factor, max: s.max * factor, runs: s.runs };
}
