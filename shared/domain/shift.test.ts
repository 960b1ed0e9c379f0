import { describe, expect, it } from 'vitest';
import { hoursOf, monthsOf, localDatesWindow } from './reports/calendar';
import { DEFAULT_SHIFT_SCHEDULE, shiftAt, shiftWindow, ShiftScheduleSchema, type Shift } from './shift';

const ZONE = 'America/Edmonton';
const HOUR = 3_600_000;
const [day, evening, night] = DEFAULT_SHIFT_SCHEDULE.shifts as [Shift, Shift, Shift];
const at = (iso: string) => Date.parse(iso);

describe('shift windows', () => {
  it('places a day shift at its local times (Edmonton is UTC−7 in winter)', () => {
    expect(shiftWindow(day, '2026-11-26', ZONE)).toEqual({ from: at('2026-11-26T14:00:00Z'), to: at('2026-11-26T22:00:00Z') });
  });

  it('ends a shift that crosses midnight on the next day', () => {
    expect(shiftWindow(night, '2026-11-26', ZONE)).toEqual({ from: at('2026-11-27T06:00:00Z'), to: at('2026-11-27T14:00:00Z') });
  });

  it('makes the night clocks go forward 7 hours long and the night they go back 9', () => {
    const spring = shiftWindow(night, '2026-03-07', ZONE);
    expect(spring).toEqual({ from: at('2026-03-08T06:00:00Z'), to: at('2026-03-08T13:00:00Z') });
    expect((spring.to - spring.from) / HOUR).toBe(7);
    const autumn = shiftWindow(night, '2026-10-31', ZONE);
    expect(autumn).toEqual({ from: at('2026-11-01T05:00:00Z'), to: at('2026-11-01T14:00:00Z') });
    expect((autumn.to - autumn.from) / HOUR).toBe(9);
  });

  it('keeps the day shift 8 hours on both days clocks change, in the new offset', () => {
    expect(shiftWindow(day, '2026-03-08', ZONE)).toEqual({ from: at('2026-03-08T13:00:00Z'), to: at('2026-03-08T21:00:00Z') });
    expect(shiftWindow(day, '2026-11-01', ZONE)).toEqual({ from: at('2026-11-01T14:00:00Z'), to: at('2026-11-01T22:00:00Z') });
  });

  it('labels the hours of a 9-hour night by elapsed hour, marking the repeated 01:00', () => {
    const labels = hoursOf(shiftWindow(night, '2026-10-31', ZONE), ZONE).map((h) => h.label);
    expect(labels).toEqual(['23:00', '00:00', '01:00 MDT', '01:00 MST', '02:00', '03:00', '04:00', '05:00', '06:00']);
    expect(hoursOf(shiftWindow(night, '2026-03-07', ZONE), ZONE).map((h) => h.label)).toEqual(['23:00', '00:00', '01:00', '03:00', '04:00', '05:00', '06:00']);
  });
});

describe('the current shift', () => {
  it('finds the running shift, including last night’s after midnight', () => {
    expect(shiftAt(DEFAULT_SHIFT_SCHEDULE, at('2026-11-26T16:00:00Z'), ZONE)).toMatchObject({ shift: day, date: '2026-11-26' });
    expect(shiftAt(DEFAULT_SHIFT_SCHEDULE, at('2026-11-26T22:00:00Z'), ZONE)).toMatchObject({ shift: evening, date: '2026-11-26' });
    // 02:30 local on the 27th belongs to the night shift that started on the 26th.
    expect(shiftAt(DEFAULT_SHIFT_SCHEDULE, at('2026-11-27T09:30:00Z'), ZONE)).toMatchObject({ shift: night, date: '2026-11-26' });
    expect(shiftAt(DEFAULT_SHIFT_SCHEDULE, at('2026-11-27T06:00:00Z'), ZONE)).toMatchObject({ shift: night, date: '2026-11-26' });
  });

  it('between the shifts of a schedule with gaps, picks the one that ended last', () => {
    const office = ShiftScheduleSchema.parse({ shifts: [{ name: 'Office', start: '08:30', end: '16:30' }] });
    expect(shiftAt(office, at('2026-11-27T02:00:00Z'), ZONE)).toMatchObject({ shift: { name: 'Office' }, date: '2026-11-26' });
    expect(shiftAt(office, at('2026-11-27T15:31:00Z'), ZONE)).toMatchObject({ shift: { name: 'Office' }, date: '2026-11-27' });
  });
});

describe('schedules', () => {
  it('refuses duplicate names, bad times and an empty schedule, naming the field', () => {
    const issues = (value: unknown) => ShiftScheduleSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ shifts: [] })).toEqual(['shifts: must list at least one shift']);
    expect(issues({ shifts: [{ name: 'Day', start: '25:00', end: '15:00' }] })).toEqual(['shifts.0.start: must be a time like 07:00 (HH:MM, 24-hour clock)']);
    expect(issues({ shifts: [day, { ...evening, name: 'DAY' }] })).toEqual(["shifts.1.name: another shift is already named 'DAY'"]);
    expect(ShiftScheduleSchema.safeParse(DEFAULT_SHIFT_SCHEDULE).success).toBe(true);
  });
});

describe('report calendars', () => {
  it('splits a period into local months clipped to it', () => {
    const window = localDatesWindow('2026-01-15', '2026-03-10', ZONE);
    expect(window).toEqual({ from: at('2026-01-15T07:00:00Z'), to: at('2026-03-11T06:00:00Z') });
    expect(monthsOf(window, ZONE)).toEqual([
      { month: '2026-01', label: 'January 2026', from: at('2026-01-15T07:00:00Z'), to: at('2026-02-01T07:00:00Z') },
      { month: '2026-02', label: 'February 2026', from: at('2026-02-01T07:00:00Z'), to: at('2026-03-01T07:00:00Z') },
      { month: '2026-03', label: 'March 2026', from: at('2026-03-01T07:00:00Z'), to: at('2026-03-11T06:00:00Z') },
    ]);
  });
});
