import { describe, expect, it } from 'vitest';
import { describeShiftLength, draftsOf, scheduleErrors, scheduleOf, type ShiftDraft } from './schedule-form';

const draft = (name: string, start: string, end: string): ShiftDraft => ({ key: name, name, start, end });

describe('the shift schedule form', () => {
  it('round-trips a schedule through drafts', () => {
    const schedule = { shifts: [{ name: 'Day', start: '07:00', end: '15:00' }] };
    expect(scheduleOf(draftsOf(schedule))).toEqual(schedule);
  });

  it('accepts a valid schedule, a night shift included', () => {
    expect(scheduleErrors([draft('Day', '07:00', '15:00'), draft('Night', '23:00', '07:00')])).toEqual({});
  });

  it("names the field of each problem with the contract's own words", () => {
    const errors = scheduleErrors([draft('Day', '07:00', '15:00'), draft('day', '7am', '15:00'), draft(' ', '15:00', '23:00')]);
    expect(errors['shifts.1.name']).toMatch(/already named/);
    expect(errors['shifts.1.start']).toMatch(/HH:MM/);
    expect(errors['shifts.2.name']).toMatch(/must not be empty/);
  });

  it('refuses an empty schedule', () => {
    expect(scheduleErrors([])).toEqual({ shifts: expect.stringMatching(/at least one shift/) });
  });
});

describe('shift lengths', () => {
  it('says how long a shift is and whether it ends the next day', () => {
    expect(describeShiftLength('07:00', '15:00')).toBe('8 h');
    expect(describeShiftLength('23:00', '07:30')).toBe('8 h 30 min, ends the next day');
    expect(describeShiftLength('06:00', '06:00')).toBe('24 h (a whole day)');
    expect(describeShiftLength('', '06:00')).toBe('');
  });
});
