/**
 * How the report screens write numbers, shares, durations and times. Counts and shares go through
 * Intl.NumberFormat; times are shown in the centre's time zone (the report's), not the browser's,
 * so a lead working remotely reads the same clock as the floor.
 */

const LOCALE = 'en-CA';
const counts = new Intl.NumberFormat(LOCALE);
const shares = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDigits = new Intl.NumberFormat(LOCALE, { minimumIntegerDigits: 2, useGrouping: false });

/** No value (nothing to measure or divide by): an en dash, as the exports print it. */
export const NO_VALUE = '–';

export const formatCount = (n: number): string => counts.format(n);

/** "12 cases", "1 case". */
export const formatCases = (n: number): string => `${counts.format(n)} ${n === 1 ? 'case' : 'cases'}`;

/** 0.8234 → "82.3%"; null (nothing to divide by) → "–". */
export const formatShare = (share: number | null): string => (share === null ? NO_VALUE : shares.format(share));

/** A handle time as a call centre reads it: 125,000 ms → "2:05", an hour or more → "1:02:05". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = twoDigits.format(total % 60);
  return hours > 0 ? `${counts.format(hours)}:${twoDigits.format(minutes)}:${seconds}` : `${minutes}:${seconds}`;
}

/** How old a case is: "45 min", "5 h 12 min", "3 d 4 h". */
export function formatAge(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${counts.format(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${counts.format(Math.floor(hours / 24))} d ${hours % 24} h`;
}

interface ZoneFormats {
  time: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
}
const zoneFormats = new Map<string, ZoneFormats>();

function formatsFor(timeZone: string): ZoneFormats {
  let formats = zoneFormats.get(timeZone);
  if (!formats) {
    formats = {
      time: new Intl.DateTimeFormat(LOCALE, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }),
      dateTime: new Intl.DateTimeFormat(LOCALE, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    zoneFormats.set(timeZone, formats);
  }
  return formats;
}

/** "07:00" on the centre's clock. */
export const formatClock = (iso: string, timeZone: string): string => formatsFor(timeZone).time.format(new Date(iso));

/** "Mon, Jun 14, 2022" on the centre's calendar. */
export const formatDay = (iso: string, timeZone: string): string => formatsFor(timeZone).date.format(new Date(iso));

/** "Jun 14, 2022, 07:00" on the centre's clock. */
export const formatMoment = (iso: string, timeZone: string): string => formatsFor(timeZone).dateTime.format(new Date(iso));

const calendarDates = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** A local date (YYYY-MM-DD) as a reader says it, without any time zone shifting it: "Oct 3, 2022". */
export const formatLocalDate = (date: string): string => calendarDates.format(new Date(`${date}T12:00:00Z`));
