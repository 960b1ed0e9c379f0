import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShiftScheduleView, ShiftSummary } from '../../../shared/contract';
import { LEAD, openTestDesk, SPECIALIST, type TestDesk } from '../../../test/helpers/desk';
import { localMs } from '../../../test/helpers/report-fixtures';

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk({ agent: SPECIALIST, now: localMs('2026-11-27 10:00') });
});
afterEach(() => desk.close());

const TWO_SHIFTS = { shifts: [{ name: 'Early', start: '06:30', end: '14:30' }, { name: 'Late', start: '14:30', end: '22:30' }] };

describe('the shift schedule', () => {
  it('is the default Day, Evening and Night until a lead sets one, with the current shift', () => {
    const view = desk.call('getShiftSchedule', {});
    expect(view).toMatchObject({
      ok: true,
      value: { schedule: { shifts: [{ name: 'Day' }, { name: 'Evening' }, { name: 'Night' }] }, current: { shift: 'Day', date: '2026-11-27', from: '2026-11-27T14:00:00.000Z' }, canEdit: false },
    });
  });

  it('is changed by a lead, kept in the desk database, and used by the summary', async () => {
    desk.signIn(LEAD);
    const set = desk.call('setShiftSchedule', TWO_SHIFTS);
    expect(set).toMatchObject({ ok: true, value: { current: { shift: 'Early', date: '2026-11-27' }, canEdit: true } });
    expect((set.ok && (set.value as ShiftScheduleView).schedule) || null).toEqual(TWO_SHIFTS);
    const row = desk.db.prepare("SELECT value FROM desk_settings WHERE key = 'shift_schedule'").pluck().get() as string;
    expect(JSON.parse(row)).toEqual(TWO_SHIFTS);
    desk.signIn(SPECIALIST);
    const summary = await desk.call('shiftSummary', {});
    expect(summary.ok && (summary.value as ShiftSummary).shift).toMatchObject({ name: 'Early', from: '2026-11-27T13:30:00.000Z', to: '2026-11-27T21:30:00.000Z' });
  });

  it('refuses a specialist, and nobody signed in, without changing it', () => {
    expect(desk.call('setShiftSchedule', TWO_SHIFTS)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Changing the shift schedule needs a lead or admin signed in' } });
    Object.assign(desk.deps.session, { agent: null });
    expect(desk.call('getShiftSchedule', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    desk.signIn(LEAD);
    expect(desk.call('getShiftSchedule', {})).toMatchObject({ ok: true, value: { schedule: { shifts: [{ name: 'Day' }, { name: 'Evening' }, { name: 'Night' }] } } });
  });
});
