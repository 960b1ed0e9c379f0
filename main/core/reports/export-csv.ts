import { stringify } from 'csv-stringify/sync';
import type { BreakdownRow, DurationStats, PeriodReport, ShiftSummary, TopList } from '../../../shared/domain/reports';
import { localTime, periodLine, seconds, titleOf, type AnyReport } from './report-format';

/**
 * A report as one tidy CSV table a spreadsheet opens as is: one row per figure, the same columns
 * throughout (empty where a figure has no such value). Durations in seconds, shares in percent.
 */

export const CSV_COLUMNS = ['section', 'code', 'label', 'count', 'share_percent', 'mean_seconds', 'median_seconds', 'p90_seconds', 'note'] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

const share = (value: number | null) => (value === null ? '' : Number((value * 100).toFixed(1)));
const breakdown = (section: string, rows: readonly BreakdownRow[]): CsvRow[] => rows.map((r) => ({ section, code: r.key, label: r.label, count: r.count, share_percent: share(r.share) }));
const top = (section: string, list: TopList): CsvRow[] => [
  ...breakdown(section, list.rows),
  ...(list.others.items > 0 ? [{ section, code: '', label: `Others (${list.others.items})`, count: list.others.count }] : []),
];
const stats = (section: string, code: string, label: string, timed: number, s: DurationStats): CsvRow => ({
  section,
  code,
  label,
  count: timed,
  mean_seconds: seconds(s.mean),
  median_seconds: seconds(s.median),
  p90_seconds: seconds(s.p90),
});

function header(report: AnyReport): CsvRow[] {
  const { scope, generatedAt, timeZone } = report.kind === 'shift' ? report.summary : report.report;
  return [
    { section: 'Report', label: 'Title', note: titleOf(report) },
    { section: 'Report', label: 'Period', note: periodLine(report) },
    { section: 'Report', label: 'Cases counted', note: scope.note },
    { section: 'Report', label: 'Generated', note: localTime(generatedAt, timeZone) },
  ];
}

function shiftRows(s: ShiftSummary): CsvRow[] {
  const summary = 'Summary';
  return [
    { section: summary, code: 'interactions', label: 'Interactions', count: s.interactions.count },
    { section: summary, code: 'opened', label: 'Cases opened', count: s.opened.count },
    { section: summary, code: 'resolved', label: 'Cases resolved', count: s.resolved.count },
    { section: summary, code: 'first_contact', label: 'First-contact resolution', count: s.firstContact.count, share_percent: share(s.firstContact.rate), note: `of ${s.firstContact.of} wrapped up` },
    { section: summary, code: 'backlog', label: 'Open at shift end', count: s.backlog.count, note: s.backlog.oldestCreatedAt ? `oldest opened ${localTime(s.backlog.oldestCreatedAt, s.timeZone)}` : '' },
    { section: summary, code: 'sla_breaches', label: 'SLA breaches', count: s.slaBreaches.count, note: `${s.slaBreaches.resolvedLate} resolved late, ${s.slaBreaches.openOverdue} open and overdue` },
    ...breakdown('Channel', s.byChannel),
    ...breakdown('Kind', s.byKind),
    ...breakdown('Department', s.byDepartment),
    ...top('Service type', s.topServiceTypes),
    ...breakdown('Agent', s.byAgent),
    ...s.handleTime.flatMap((h) => [
      stats('Talk time', h.key, h.label, h.timed, h.talk),
      stats('Hold time', h.key, h.label, h.timed, h.hold),
      stats('Wrap-up time', h.key, h.label, h.timed, h.wrapUp),
    ]),
    ...s.perHour.map((h) => ({ section: 'Hour', code: String(h.hour), label: h.label, count: h.count })),
  ];
}

function periodRows(r: PeriodReport): CsvRow[] {
  const summary = 'Summary';
  return [
    { section: summary, code: 'total', label: 'Interactions', count: r.total.count },
    { section: summary, code: 'information', label: 'Information requests', count: r.information.count },
    { section: summary, code: 'service_request', label: 'Service requests', count: r.serviceRequests.count },
    { section: summary, code: 'first_contact', label: 'First-contact resolution', count: r.firstContact.count, share_percent: share(r.firstContact.rate), note: `of ${r.firstContact.of} wrapped up` },
    ...(r.busiestMonth ? [{ section: summary, code: 'busiest_month', label: 'Busiest month', count: r.busiestMonth.count, note: r.busiestMonth.label }] : []),
    ...breakdown('Kind', r.byKind),
    ...top('Department', r.byDepartment),
    ...top('Service type', r.topServiceTypes),
    ...r.byMonth.map((m) => ({ section: 'Month', code: m.month, label: m.label, count: m.count, note: Object.entries(m.byChannel).map(([c, n]) => `${c} ${n}`).join('; ') })),
    ...r.byChannel.map((c) => ({
      section: 'Channel',
      code: c.key,
      label: c.label,
      count: c.count,
      share_percent: share(c.share),
      note: c.sinceFirstCase && c.firstCaseAt ? `${share(c.sinceFirstCase.share)}% of ${c.sinceFirstCase.total} since its first case on ${localTime(c.firstCaseAt, r.timeZone, 'yyyy-LL-dd')}` : '',
    })),
    ...r.answeredFromArticles.map((a) => ({ section: 'Answered from article', code: a.articleId, label: a.title, count: a.count })),
  ];
}

export function reportCsv(report: AnyReport): string {
  const rows = [...header(report), ...(report.kind === 'shift' ? shiftRows(report.summary) : periodRows(report.report))];
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}
