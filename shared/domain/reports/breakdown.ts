import type { BreakdownRow, ReportCaseFilter, TopList } from './report-schemas';
import { shareOf } from './stats';

/** Counts by key, kept in first-seen order. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

interface RowOptions {
  label(key: string): string;
  filter(key: string): ReportCaseFilter;
  total: number;
}

const row = (key: string, count: number, options: RowOptions): BreakdownRow => ({
  key,
  label: options.label(key),
  count,
  share: shareOf(count, options.total),
  filter: options.filter(key),
});

/** One row per key of `keys` (zero counts included), in that order: channels and kinds. */
export function fixedRows(keys: readonly string[], tally: Tally, options: RowOptions): BreakdownRow[] {
  return keys.map((key) => row(key, tally.get(key), options));
}

/** One row per key seen, largest first (ties by label): departments, agents. */
export function rankedRows(tally: Tally, options: RowOptions): BreakdownRow[] {
  return [...tally.counts]
    .map(([key, count]) => row(key, count, options))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-CA') || a.key.localeCompare(b.key));
}

/** The `top` largest rows, and the count and number of the rest. */
export function topList(tally: Tally, top: number, options: RowOptions): TopList {
  const ranked = rankedRows(tally, options);
  const rest = ranked.slice(top);
  return { rows: ranked.slice(0, top), others: { count: rest.reduce((sum, r) => sum + r.count, 0), items: rest.length } };
}
