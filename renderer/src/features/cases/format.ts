const two = (n: number) => String(n).padStart(2, '0');

/** Compact local time for dense lists: "2025-06-14 10:32". */
export function formatShortDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The same compact form on a given zone's clock: a report's cases read the centre's time, as the report does. */
export function formatShortDateTimeIn(iso: string, timeZone: string): string {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    zoneFormats.set(timeZone, format);
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const part = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

const longFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Local time for reading: "Jun 14, 2025, 10:32 AM" in the agent's locale. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : longFormat.format(d);
}

/** Milliseconds as m:ss; an hour-long call reads 60:00, as handle-time reports count it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${two(seconds % 60)}`;
}

const countFormat = new Intl.NumberFormat(undefined);

export const formatCount = (n: number, one: string, many: string): string => `${countFormat.format(n)} ${n === 1 ? one : many}`;

export const formatNumber = (n: number): string => countFormat.format(n);

/** A Date as ISO 8601 with the local offset: 2025-06-14T00:00:00.000-06:00. */
export function isoWithOffset(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const ms = String(d.getMilliseconds()).padStart(3, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}` +
    `T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${ms}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/**
 * A date input's value (YYYY-MM-DD) as the first or last instant of that local day, or null when
 * the field is empty or not a date.
 */
export function localDayBoundary(day: string, edge: 'start' | 'end'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const d = edge === 'start' ? new Date(year, month, date, 0, 0, 0, 0) : new Date(year, month, date, 23, 59, 59, 999);
  return d.getMonth() === month ? isoWithOffset(d) : null;
}
