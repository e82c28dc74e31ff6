// A closed-loop load generator: `concurrency` workers each run one operation after another until
// `total` have run. Reports throughput, latency percentiles and errors.
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  ops: number;
  concurrency: number;
  seconds: number;
  throughput: number; // operations per second
  p50: number; // ms
  p99: number; // ms
  errors: number;
}

export async function runLoad(
  total: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        try {
          await op(i);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { ops: total, concurrency, seconds, throughput: total / seconds, p50: pct(50), p99: pct(99), errors };
}

export const fmt = (r: LoadResult) =>
  `${r.throughput.toFixed(0).padStart(6)} ops/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  errors ${r.errors}`;
