/** Percentile by nearest rank over a copy of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** Times fn once per item, in milliseconds. */
export function timeEach<T>(items: readonly T[], fn: (item: T) => void): number[] {
  return items.map((item) => {
    const started = performance.now();
    fn(item);
    return performance.now() - started;
  });
}
