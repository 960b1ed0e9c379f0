import { describe, expect, it } from 'vitest';
import { formatDuration, formatShortDateTimeIn, isoWithOffset, localDayBoundary } from './format';

describe('format', () => {
  it('shows handle time as m:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_600_000)).toBe('60:00');
  });

  it('turns a date input into the first and last instant of that local day, with the offset', () => {
    const start = localDayBoundary('2026-03-08', 'start')!;
    const end = localDayBoundary('2026-03-08', 'end')!;
    expect(start).toMatch(/^2026-03-08T00:00:00\.000[+-]\d{2}:\d{2}$/);
    expect(end).toMatch(/^2026-03-08T23:59:59\.999[+-]\d{2}:\d{2}$/);
    expect(new Date(start).getDate()).toBe(8);
    expect(new Date(end).getTime() - new Date(start).getTime()).toBeGreaterThan(22 * 3_600_000);
  });

  it('refuses dates that are not dates', () => {
    expect(localDayBoundary('2026-02-30', 'start')).toBeNull();
    expect(localDayBoundary('soon', 'end')).toBeNull();
  });

  it('writes ISO 8601 with the local offset', () => {
    const d = new Date(2026, 0, 2, 3, 4, 5, 6);
    expect(new Date(isoWithOffset(d)).getTime()).toBe(d.getTime());
  });

  it("writes a time on a given zone's clock, whatever the browser's zone", () => {
    expect(formatShortDateTimeIn('2022-06-14T20:50:00.000Z', 'America/Edmonton')).toBe('2022-06-14 14:50');
    expect(formatShortDateTimeIn('2022-06-15T05:30:00.000Z', 'America/Edmonton')).toBe('2022-06-14 23:30');
  });
});
