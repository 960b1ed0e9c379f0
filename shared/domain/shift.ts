import { z } from 'zod';
import { addDays, localDateOf, localTimeToEpoch, type Window } from './reports/calendar';

/**
 * The centre's shift schedule: named shifts with a local start and end. An end at or before the
 * start means the shift crosses midnight and ends on the next day (Night 23:00–07:00); an end equal
 * to the start is a 24-hour shift. A shift is named by the local date it starts on.
 */

export const ShiftTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:00 (HH:MM, 24-hour clock)');

export const ShiftSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
    start: ShiftTimeSchema,
    end: ShiftTimeSchema,
  })
  .strict();
export type Shift = z.infer<typeof ShiftSchema>;

export const ShiftScheduleSchema = z
  .object({ shifts: z.array(ShiftSchema).min(1, 'must list at least one shift').max(12, 'must list at most 12 shifts') })
  .strict()
  .superRefine((schedule, ctx) => {
    const seen = new Set<string>();
    schedule.shifts.forEach((shift, i) => {
      const key = shift.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['shifts', i, 'name'], message: `another shift is already named '${shift.name}'` });
      seen.add(key);
    });
  });
export type ShiftSchedule = z.infer<typeof ShiftScheduleSchema>;

export const DEFAULT_SHIFT_SCHEDULE: ShiftSchedule = {
  shifts: [
    { name: 'Day', start: '07:00', end: '15:00' },
    { name: 'Evening', start: '15:00', end: '23:00' },
    { name: 'Night', start: '23:00', end: '07:00' },
  ],
};

export const crossesMidnight = (shift: Shift): boolean => shift.end <= shift.start;

/** The shift worked from `date` (its start date) as instants [from, to), true to the zone's clock changes. */
export function shiftWindow(shift: Shift, date: string, timeZone: string): Window {
  const from = localTimeToEpoch(date, shift.start, timeZone);
  const to = localTimeToEpoch(crossesMidnight(shift) ? addDays(date, 1) : date, shift.end, timeZone);
  return { from, to };
}

export function findShift(schedule: ShiftSchedule, name: string): Shift | undefined {
  const key = name.trim().toLowerCase();
  return schedule.shifts.find((s) => s.name.toLowerCase() === key);
}

/** One shift on one date, with its window. */
export interface ShiftOccurrence extends Window {
  shift: Shift;
  date: string;
}

/**
 * The shift under way at `at`: the first in schedule order whose window holds it (yesterday's
 * night shift included). Between shifts (a schedule with gaps) it is the one that ended last.
 */
export function shiftAt(schedule: ShiftSchedule, at: number, timeZone: string): ShiftOccurrence {
  const today = localDateOf(at, timeZone);
  const candidates = [addDays(today, -1), today].flatMap((date) => schedule.shifts.map((shift) => ({ shift, date, ...shiftWindow(shift, date, timeZone) })));
  const running = schedule.shifts
    .map((shift) => candidates.find((c) => c.shift === shift && c.from <= at && at < c.to))
    .find((c) => c !== undefined);
  if (running) return running;
  const ended = candidates.filter((c) => c.to <= at).sort((a, b) => b.to - a.to);
  // A schedule always has a shift, and every shift of yesterday has ended by now or is running.
  return ended[0] ?? candidates[0]!;
}
