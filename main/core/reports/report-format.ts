import { DateTime } from 'luxon';
import type { PeriodReport, ShiftSummary } from '../../../shared/domain/reports';

/** Words and numbers as the exports print them; the screen may format its own way from the same figures. */

export type AnyReport = { kind: 'shift'; summary: ShiftSummary } | { kind: 'period'; report: PeriodReport };

/** 125_000 ms → "2:05"; an hour or more → "1:02:05"; no value → "–". */
export function duration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** 0.9234 → "92.3%"; no value → "–". */
export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

/** Seconds with one decimal, for spreadsheets; empty when there is no value. */
export const seconds = (ms: number | null): string => (ms === null ? '' : (ms / 1000).toFixed(1));

export const count = (n: number): string => n.toLocaleString('en-CA');

/** An age in days and hours: "3 d 4 h", "5 h", "12 min". */
export function age(ms: number | null): string {
  if (ms === null) return '–';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const localTime = (isoTime: string, timeZone: string, format = 'yyyy-LL-dd HH:mm'): string => DateTime.fromISO(isoTime, { zone: timeZone }).toFormat(format);

export function titleOf(report: AnyReport): string {
  if (report.kind === 'period') return `Period report: ${report.report.period.from} to ${report.report.period.to}`;
  const { shift } = report.summary;
  return shift.name && shift.date ? `Shift summary: ${shift.name}, ${shift.date}` : 'Shift summary';
}

export function periodLine(report: AnyReport): string {
  if (report.kind === 'period') {
    const { period, timeZone } = report.report;
    return `${period.from} 00:00 to ${period.to} 24:00 (${timeZone}), ${period.days} days`;
  }
  const { shift, timeZone } = report.summary;
  return `${localTime(shift.from, timeZone)} to ${localTime(shift.to, timeZone)} (${timeZone}), ${shift.hours} hours`;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function fileNameOf(report: AnyReport, extension: 'csv' | 'pdf'): string {
  if (report.kind === 'period') return `report-${report.report.period.from}-to-${report.report.period.to}.${extension}`;
  const { shift } = report.summary;
  return `shift-${shift.date ?? shift.from.slice(0, 10)}-${slug(shift.name ?? 'window') || 'shift'}.${extension}`;
}
