import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Wall-clock arithmetic in the centre's time zone. Luxon does the zone rules, so a day, a month or
 * a shift that spans a clock change has its true length (a night shift on the night clocks go
 * forward is 7 hours; on the night they go back, 9).
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const TimeZoneSchema = z
  .string()
  .min(1, 'must name a time zone')
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'must be an IANA time zone such as America/Edmonton' });

export const LocalDateSchema = z.iso.date({ message: 'must be a date like 2026-11-27 (YYYY-MM-DD)' });

export const MonthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-06 (YYYY-MM)');

/** A half-open span of time [from, to) in epoch milliseconds. */
export interface Window {
  from: number;
  to: number;
}

/** The instant a local date and time (HH:MM) names in a zone; a time skipped by a clock change moves forward. */
export function localTimeToEpoch(date: string, time: string, timeZone: string): number {
  const at = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!at.isValid) throw new RangeError(`${date} ${time} in ${timeZone} is not a valid local time (${at.invalidExplanation ?? at.invalidReason ?? 'unknown reason'})`);
  return at.toMillis();
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(at: number, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toISODate() ?? '';
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/** Local dates `from` to `to`, both included, as the instants [start of from, start of the day after to). */
export function localDatesWindow(from: string, to: string, timeZone: string): Window {
  return { from: localTimeToEpoch(from, '00:00', timeZone), to: localTimeToEpoch(addDays(to, 1), '00:00', timeZone) };
}

/** A calendar month inside a report's window, clipped to it at both ends. */
export interface MonthWindow extends Window {
  /** YYYY-MM */
  month: string;
  /** e.g. "June 2026" */
  label: string;
}

/** Every calendar month the window touches, in order, each clipped to the window. */
export function monthsOf(window: Window, timeZone: string): MonthWindow[] {
  const months: MonthWindow[] = [];
  let start = DateTime.fromMillis(window.from, { zone: timeZone }).startOf('month');
  while (start.toMillis() < window.to) {
    const next = start.plus({ months: 1 });
    months.push({
      month: start.toFormat('yyyy-LL'),
      label: start.setLocale('en-CA').toFormat('LLLL yyyy'),
      from: Math.max(start.toMillis(), window.from),
      to: Math.min(next.toMillis(), window.to),
    });
    start = next;
  }
  return months;
}

/** The window of one month (YYYY-MM) clipped to `within`, or null when they do not meet. */
export function monthWindow(month: string, within: Window, timeZone: string): Window | null {
  const start = DateTime.fromISO(`${month}-01T00:00`, { zone: timeZone });
  const from = Math.max(start.toMillis(), within.from);
  const to = Math.min(start.plus({ months: 1 }).toMillis(), within.to);
  return from < to ? { from, to } : null;
}

/** An hour of a shift, counted from its start (elapsed time, so a clock change neither loses nor repeats one). */
export interface HourWindow extends Window {
  hour: number;
  /** Local start time, e.g. "07:00"; with the zone's abbreviation when a clock change makes it ambiguous. */
  label: string;
}

export function hoursOf(window: Window, timeZone: string): HourWindow[] {
  const count = Math.max(0, Math.ceil((window.to - window.from) / HOUR_MS));
  const hours = Array.from({ length: count }, (_, hour) => {
    const from = window.from + hour * HOUR_MS;
    return { hour, from, to: Math.min(from + HOUR_MS, window.to), label: DateTime.fromMillis(from, { zone: timeZone }).toFormat('HH:mm') };
  });
  const seen = new Map<string, number>();
  for (const h of hours) seen.set(h.label, (seen.get(h.label) ?? 0) + 1);
  return hours.map((h) => ((seen.get(h.label) ?? 0) > 1 ? { ...h, label: `${h.label} ${DateTime.fromMillis(h.from, { zone: timeZone }).toFormat('ZZZZ')}` } : h));
}

/** The hour window `hour` of a shift window, or null when the shift has no such hour. */
export function hourWindow(window: Window, hour: number): Window | null {
  const from = window.from + hour * HOUR_MS;
  return hour >= 0 && from < window.to ? { from, to: Math.min(from + HOUR_MS, window.to) } : null;
}
