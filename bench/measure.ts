// Timing helpers for benchmarks: medians over repeated runs, and ratios against a baseline run alongside.
export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: readonly number[];
}

export async function measure(name: string, fn: () => unknown, opts: { warmup: number; runs: number }): Promise<Measurement> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { name, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runs };
}

/**
 * Subject and baseline measured in alternation (A B A B ...), so load that comes and goes on a shared machine
 * falls on both alike and the ratio of medians stays steady.
 */
export async function measurePair(
  subject: { name: string; fn: () => unknown },
  baseline: { name: string; fn: () => unknown },
  opts: { warmup: number; runs: number },
): Promise<[Measurement, Measurement]> {
  for (let i = 0; i < opts.warmup; i++) {
    await subject.fn();
    await baseline.fn();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    let t = performance.now();
    await subject.fn();
    a.push(performance.now() - t);
    t = performance.now();
    await baseline.fn();
    b.push(performance.now() - t);
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return [
    { name: subject.name, medianMs: median(a), runs: a },
    { name: baseline.name, medianMs: median(b), runs: b },
  ];
}

export interface RatioResult {
  readonly subject: string;
  readonly baseline: string;
  readonly ratio: number;
  readonly max: number;
  readonly ok: boolean;
}

export function ratio(subject: Measurement, baseline: Measurement, max: number): RatioResult {
  const r = subject.medianMs / baseline.medianMs;
  const result = { subject: subject.name, baseline: baseline.name, ratio: r, max, ok: r <= max };
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${subject.name}: ${subject.medianMs.toFixed(1)} ms = ${r.toFixed(2)}x ${baseline.name} (${baseline.medianMs.toFixed(1)} ms; limit ${max}x)`);
  return result;
}
