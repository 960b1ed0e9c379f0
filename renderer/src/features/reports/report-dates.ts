/**
 * Local dates (YYYY-MM-DD) for the period picker: today on the centre's calendar and the presets
 * this year, last year and last month. Pure date arithmetic on the calendar, no clock in the code.
 */

export interface DateRange {
  from: string;
  to: string;
}

export interface PeriodPreset extends DateRange {
  key: 'this-year' | 'last-year' | 'last-month';
  label: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
/** Days in a month (1–12) of a year. */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Today's date in a time zone, e.g. the desk's America/Edmonton while the browser runs in UTC. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** This year (to today), last year and last month (whole), seen from `today`. */
export function periodPresets(today: string): PeriodPreset[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const lastMonthYear = month === 1 ? year - 1 : year;
  const lastMonth = month === 1 ? 12 : month - 1;
  return [
    { key: 'this-year', label: 'This year', from: isoDate(year, 1, 1), to: today },
    { key: 'last-year', label: 'Last year', from: isoDate(year - 1, 1, 1), to: isoDate(year - 1, 12, 31) },
    { key: 'last-month', label: 'Last month', from: isoDate(lastMonthYear, lastMonth, 1), to: isoDate(lastMonthYear, lastMonth, daysIn(lastMonthYear, lastMonth)) },
  ];
}

/** Whether a string is a real calendar date (2022-02-30 is not). */
export function isLocalDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}
