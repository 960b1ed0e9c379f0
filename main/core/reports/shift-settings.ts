import type { ShiftScheduleView } from '../../../shared/contract';
import { DEFAULT_SHIFT_SCHEDULE, findShift, shiftAt, shiftWindow, ShiftScheduleSchema, type ShiftOccurrence, type ShiftSchedule } from '../../../shared/domain/shift';
import type { ReadableDb, WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { setByPolicy } from '../policy/desk-policy';
import { readDeskSetting, writeDeskSetting } from '../db/desk-settings-table';

export const SHIFT_SCHEDULE_KEY = 'shift_schedule';

/** The desk's schedule, or the default one (Day, Evening, Night) until a lead sets one. */
export function readShiftSchedule(db: ReadableDb): ShiftSchedule {
  const value = readDeskSetting(db, SHIFT_SCHEDULE_KEY);
  if (value === null) return DEFAULT_SHIFT_SCHEDULE;
  // Written only through setShiftSchedule, which parses first: a bad row means a damaged or foreign file.
  try {
    const parsed = ShiftScheduleSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : DEFAULT_SHIFT_SCHEDULE;
  } catch {
    return DEFAULT_SHIFT_SCHEDULE;
  }
}

const scheduleSetByPolicy = (state: DeskState): boolean => state.policy?.policy?.shiftSchedule !== undefined;

const mayEdit = (state: DeskState) => state.session.agent?.role === 'lead' || state.session.agent?.role === 'admin';

export function shiftScheduleView(db: ReadableDb, state: DeskState): ShiftScheduleView {
  const schedule = readShiftSchedule(db);
  const current = shiftAt(schedule, state.now(), state.session.timeZone);
  return {
    schedule,
    current: { shift: current.shift.name, date: current.date, from: new Date(current.from).toISOString(), to: new Date(current.to).toISOString() },
    timeZone: state.session.timeZone,
    canEdit: mayEdit(state) && !scheduleSetByPolicy(state),
    setByPolicy: scheduleSetByPolicy(state),
  };
}

export function writeShiftSchedule(db: WritableDb, state: DeskState, schedule: ShiftSchedule): ShiftScheduleView {
  if (!mayEdit(state)) throw new DomainError('forbidden', 'Changing the shift schedule needs a lead or admin signed in');
  if (scheduleSetByPolicy(state)) {
    throw new DomainError('forbidden', `The shift schedule ${setByPolicy(state.policy)}: IT changes it there`);
  }
  writeDeskSetting(db, SHIFT_SCHEDULE_KEY, JSON.stringify(schedule));
  return shiftScheduleView(db, state);
}

/** The shift named on a date, or the current one when neither is given; unknown names are refused by name. */
export function resolveShift(db: ReadableDb, state: DeskState, input: { date?: string | undefined; shift?: string | undefined }): ShiftOccurrence {
  const schedule = readShiftSchedule(db);
  const timeZone = state.session.timeZone;
  if (input.date === undefined || input.shift === undefined) return shiftAt(schedule, state.now(), timeZone);
  const shift = findShift(schedule, input.shift);
  if (!shift) {
    const names = schedule.shifts.map((s) => s.name).join(', ');
    throw new DomainError('invalid_input', `shift: there is no shift named '${input.shift}' (shifts: ${names})`, [{ field: 'shift', message: `must be one of ${names}` }]);
  }
  return { shift, date: input.date, ...shiftWindow(shift, input.date, timeZone) };
}
