/** Summary statistics of a duration, in milliseconds; null when there is nothing to measure. */
export interface DurationStats {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/**
 * Mean (rounded to the millisecond), median (the middle value, or the mean of the two middle values)
 * and 90th percentile by nearest rank (the smallest value at least 90% of the values do not exceed).
 */
export function durationStats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { mean: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = sorted.reduce((total, v) => total + v, 0);
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  return { mean: Math.round(sum / n), median, p90: sorted[Math.ceil(0.9 * n) - 1]! };
}

/** count / of, or null when `of` is zero. */
export const rateOf = (count: number, of: number): number | null => (of === 0 ? null : count / of);

/** A share of a total, 0 when the total is 0. */
export const shareOf = (count: number, total: number): number => (total === 0 ? 0 : count / total);
