import { describe, expect, it } from 'vitest';
import { formatAge, formatCases, formatClock, formatCount, formatDay, formatDuration, formatLocalDate, formatShare } from './report-format';

describe('report numbers', () => {
  it('groups counts and names cases in the singular or plural', () => {
    expect(formatCount(125_000)).toBe('125,000');
    expect(formatCases(1)).toBe('1 case');
    expect(formatCases(2_600)).toBe('2,600 cases');
  });

  it('writes shares with one decimal, and a dash when there is nothing to divide by', () => {
    expect(formatShare(0.8234)).toBe('82.3%');
    expect(formatShare(0.041)).toBe('4.1%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(null)).toBe('–');
  });

  it('writes handle times as m:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(125_000)).toBe('2:05');
    expect(formatDuration(30_000)).toBe('0:30');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(null)).toBe('–');
  });

  it('writes ages in minutes, hours or days', () => {
    expect(formatAge(45 * 60_000)).toBe('45 min');
    expect(formatAge(5 * 3_600_000 + 12 * 60_000)).toBe('5 h 12 min');
    expect(formatAge(5 * 3_600_000)).toBe('5 h');
    expect(formatAge(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe('3 d 4 h');
    expect(formatAge(null)).toBe('–');
  });
});

describe('report times', () => {
  it("reads instants on the centre's clock, whatever the browser's zone", () => {
    // 13:00 UTC is 07:00 in Edmonton in June (MDT, UTC−6).
    expect(formatClock('2022-06-14T13:00:00.000Z', 'America/Edmonton')).toBe('07:00');
    expect(formatDay('2022-06-15T05:30:00.000Z', 'America/Edmonton')).toMatch(/Tue.*Jun.*14.*2022/);
  });

  it('reads a local date as itself', () => {
    expect(formatLocalDate('2022-10-03')).toMatch(/Oct.*3.*2022/);
  });
});
