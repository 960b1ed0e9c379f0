/**
 * Dates in an import file: ISO 8601 with or without a time, with or without an offset. A value
 * without an offset is wall-clock time in the centre's time zone, read as Temporal's "compatible"
 * rule reads it: a time in the hour skipped in spring moves an hour later, a time in the hour
 * repeated in autumn is the first (daylight) one. Only Intl is used, so this runs anywhere.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export type DateProblem = 'not_a_date' | 'out_of_range';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const BUCKET_MS = 900_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: each UTC day's offset when it has one all day, or its quarter hours' around a change. */
const offsetCaches = new Map<string, Map<number, number>>();

function offsetByIntl(at: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - at;
}

/**
 * How far a zone's wall clock is ahead of UTC at an instant, in ms (Edmonton: −7 h or −6 h). Asking
 * Intl costs microseconds and a year of rows asks 400,000 times, so offsets are kept per UTC day
 * (a day with a change is kept per quarter hour: zones change on a quarter hour at the finest).
 */
function zoneOffsetAt(at: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const day = Math.floor(at / DAY_MS);
  let offset = cache.get(day);
  if (offset === undefined) {
    const start = day * DAY_MS;
    const first = offsetByIntl(start, timeZone);
    offset = first === offsetByIntl(start + DAY_MS - BUCKET_MS, timeZone) ? first : Number.NaN;
    cache.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const bucket = -1 - Math.floor(at / BUCKET_MS);
  let exact = cache.get(bucket);
  if (exact === undefined) {
    exact = offsetByIntl(Math.floor(at / BUCKET_MS) * BUCKET_MS, timeZone);
    cache.set(bucket, exact);
  }
  return exact;
}

/** The instant a wall-clock time (given as if it were UTC) names in a zone. */
export function wallClockToEpoch(wall: number, timeZone: string): number {
  const before = zoneOffsetAt(wall - 15 * HOUR_MS, timeZone);
  const after = zoneOffsetAt(wall + 15 * HOUR_MS, timeZone);
  // No change of offset near this time (nearly every row): the one reading there is.
  if (before === after) return wall - before;
  const candidates = [before, after].map((offset) => wall - offset).filter((at) => wall - zoneOffsetAt(at, timeZone) === at);
  // Two candidates: the repeated autumn hour, take the earlier. None: the skipped spring hour, read
  // with the offset from before the change, which lands an hour later on the new clock.
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export const localDayIn = (at: number, timeZone: string): string => new Date(at + zoneOffsetAt(at, timeZone)).toISOString().slice(0, 10);

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function offsetMinutes(text: string): number | null {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/**
 * Reads `2022-06-14`, `2022-06-14 09:30`, `2022-06-14T09:30:05.250` or any of those with `Z` or an
 * offset such as `-06:00`. Returns epoch ms, or why not. References carry a two-digit year, so
 * years outside 2000–2099 are refused.
 */
export function parseImportDate(text: string, timeZone: string): number | DateProblem {
  const match = DATE_PATTERN.exec(text);
  if (!match) return 'not_a_date';
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return 'not_a_date';
  if (year < 2000 || year > 2099) return 'out_of_range';
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (offset === undefined) return wallClockToEpoch(wall, timeZone);
  const minutes = offsetMinutes(offset);
  return minutes === null ? 'not_a_date' : wall - minutes * 60_000;
}
