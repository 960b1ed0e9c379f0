import { describe, expect, it } from 'vitest';
import { isLocalDate, periodPresets, todayIn } from './report-dates';

describe('period presets', () => {
  it('names this year to today, all of last year and all of last month', () => {
    expect(periodPresets('2026-11-27')).toEqual([
      { key: 'this-year', label: 'This year', from: '2026-01-01', to: '2026-11-27' },
      { key: 'last-year', label: 'Last year', from: '2025-01-01', to: '2025-12-31' },
      { key: 'last-month', label: 'Last month', from: '2026-10-01', to: '2026-10-31' },
    ]);
  });

  it('takes last month from the year before in January, and knows February of a leap year', () => {
    expect(periodPresets('2027-01-05')[2]).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodPresets('2024-03-10')[2]).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('today in a time zone', () => {
  it("is the centre's date, not UTC's", () => {
    // 03:00 UTC on Jan 1 is still Dec 31 in Edmonton.
    expect(todayIn('America/Edmonton', Date.UTC(2027, 0, 1, 3))).toBe('2026-12-31');
    expect(todayIn('UTC', Date.UTC(2027, 0, 1, 3))).toBe('2027-01-01');
  });
});

describe('local dates', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2023-13-01')).toBe(false);
    expect(isLocalDate('')).toBe(false);
  });
});
