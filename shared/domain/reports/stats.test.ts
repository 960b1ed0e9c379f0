import { describe, expect, it } from 'vitest';
import { durationStats, rateOf, shareOf } from './stats';

describe('duration statistics', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even one', () => {
    expect(durationStats([30, 10, 20])).toEqual({ mean: 20, median: 20, p90: 30 });
    expect(durationStats([40, 10, 30, 20])).toEqual({ mean: 25, median: 25, p90: 40 });
  });

  it('takes the 90th percentile by nearest rank', () => {
    const tenToHundred = Array.from({ length: 10 }, (_, i) => (i + 1) * 10);
    expect(durationStats(tenToHundred).p90).toBe(90);
    expect(durationStats([...tenToHundred, 110]).p90).toBe(100);
    expect(durationStats([5]).p90).toBe(5);
  });

  it('rounds the mean to the millisecond and has nothing to say about no values', () => {
    expect(durationStats([1, 2, 2]).mean).toBe(2);
    expect(durationStats([])).toEqual({ mean: null, median: null, p90: null });
  });

  it('gives no rate of nothing, and a zero share of an empty total', () => {
    expect(rateOf(0, 0)).toBeNull();
    expect(rateOf(9, 11)).toBeCloseTo(0.818, 3);
    expect(shareOf(3, 0)).toBe(0);
  });
});
