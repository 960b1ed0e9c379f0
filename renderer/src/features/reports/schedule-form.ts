import { ShiftScheduleSchema, type ShiftSchedule } from '../../../../shared/contract';

/** A shift as the editor holds it: `key` keeps React's rows stable while names are typed. */
export interface ShiftDraft {
  key: string;
  name: string;
  start: string;
  end: string;
}

let nextKey = 0;
export const newDraftKey = (): string => `shift-${(nextKey += 1)}`;

export const draftsOf = (schedule: ShiftSchedule): ShiftDraft[] => schedule.shifts.map((shift) => ({ key: newDraftKey(), ...shift }));

export const scheduleOf = (drafts: readonly ShiftDraft[]): ShiftSchedule => ({ shifts: drafts.map(({ name, start, end }) => ({ name, start, end })) });

/**
 * The contract's own verdict on a schedule, as messages by field path ("shifts.1.name"), the same
 * paths the desk names when it refuses one; empty when the schedule may be saved.
 */
export function scheduleErrors(drafts: readonly ShiftDraft[]): Record<string, string> {
  const parsed = ShiftScheduleSchema.safeParse(scheduleOf(drafts));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
    errors[field] ??= issue.message;
  }
  return errors;
}

const minutesOf = (time: string): number | null => {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** "8 h", "8 h 30 min, ends the next day", "24 h": how the editor explains a start and an end. */
export function describeShiftLength(start: string, end: string): string {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === null || to === null) return '';
  const crosses = to <= from;
  const minutes = crosses ? to + 24 * 60 - from : to - from;
  const length = minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  if (minutes === 24 * 60) return `${length} (a whole day)`;
  return crosses ? `${length}, ends the next day` : length;
}
