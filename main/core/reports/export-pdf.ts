import type { BreakdownRow, PeriodReport, ShiftSummary, TopList } from '../../../shared/domain/reports';
import { PdfWriter, type Bar } from './pdf-layout';
import { age, count, duration, localTime, percent, periodLine, titleOf, type AnyReport } from './report-format';

/** A print-ready PDF of a shift summary or a period report: title, period, charts, tables, page numbers. */

const bars = (rows: readonly BreakdownRow[]): Bar[] => rows.map((r) => ({ label: r.label, value: r.count, text: `${count(r.count)} (${percent(r.share)})` }));
const topBars = (list: TopList): Bar[] => [
  ...bars(list.rows),
  ...(list.others.items > 0 ? [{ label: `Others (${list.others.items})`, value: list.others.count, text: count(list.others.count) }] : []),
];

function shiftPages(pdf: PdfWriter, s: ShiftSummary): void {
  pdf.heading('Key figures');
  pdf.figures([
    ['Interactions', count(s.interactions.count)],
    ['First-contact resolution', `${percent(s.firstContact.rate)} (${count(s.firstContact.count)} of ${count(s.firstContact.of)})`],
    ['Cases opened', count(s.opened.count)],
    ['Cases resolved', count(s.resolved.count)],
    ['Open at shift end', count(s.backlog.count)],
    ['Oldest open case', s.backlog.oldestCreatedAt ? `${age(s.backlog.oldestAgeMs)} (opened ${localTime(s.backlog.oldestCreatedAt, s.timeZone)})` : '–'],
    ['SLA breaches', count(s.slaBreaches.count)],
    ['  resolved late / open overdue', `${count(s.slaBreaches.resolvedLate)} / ${count(s.slaBreaches.openOverdue)}`],
  ]);
  pdf.heading('Volume per hour', 170);
  pdf.columnChart(s.perHour.map((h) => ({ label: h.label, value: h.count })));
  pdf.heading('By channel');
  pdf.barChart(bars(s.byChannel));
  pdf.heading('By kind');
  pdf.barChart(bars(s.byKind));
  pdf.heading('By department');
  pdf.barChart(bars(s.byDepartment));
  pdf.heading(`Top ${s.top} service types`);
  pdf.barChart(topBars(s.topServiceTypes));
  pdf.heading('By agent');
  pdf.barChart(bars(s.byAgent));
  pdf.heading('Handle time by kind (minutes:seconds)', 110);
  const stat = (v: { mean: number | null; median: number | null; p90: number | null }) => [duration(v.mean), duration(v.median), duration(v.p90)];
  pdf.table(
    [
      { header: 'Kind', width: 102 },
      { header: 'Timed', width: 42, align: 'right' },
      ...['Talk', 'Hold', 'Wrap-up'].flatMap((what) => ['mean', 'median', 'p90'].map((s2) => ({ header: `${what} ${s2}`, width: 41, align: 'right' as const }))),
    ],
    s.handleTime.map((h) => [h.label, count(h.timed), ...stat(h.talk), ...stat(h.hold), ...stat(h.wrapUp)]),
  );
  pdf.note('First-contact resolution: wrapped-up cases whose disposition resolved them (answered, service request logged, transferred, no action needed). SLA breach: a service request resolved later than its type allows, or still open past it at the shift end.');
}

function periodPages(pdf: PdfWriter, r: PeriodReport): void {
  pdf.heading('Key figures');
  pdf.figures([
    ['Interactions', count(r.total.count)],
    ['First-contact resolution', `${percent(r.firstContact.rate)} (${count(r.firstContact.count)} of ${count(r.firstContact.of)})`],
    ['Information requests', count(r.information.count)],
    ['Service requests', count(r.serviceRequests.count)],
    ['Busiest month', r.busiestMonth ? `${r.busiestMonth.label} (${count(r.busiestMonth.count)})` : '–'],
    ['Days', count(r.period.days)],
  ]);
  pdf.heading('Interactions by month', 170);
  pdf.columnChart(r.byMonth.map((m) => ({ label: m.label.replace(/ (\d{2})(\d{2})$/, ' $2'), value: m.count })));
  pdf.heading('By channel');
  pdf.barChart(bars(r.byChannel));
  pdf.table(
    [
      { header: 'Channel', width: 110 },
      { header: 'Cases', width: 70, align: 'right' },
      { header: 'Share', width: 60, align: 'right' },
      { header: 'First case', width: 110 },
      { header: 'Share since first case', width: 120, align: 'right' },
    ],
    r.byChannel.map((c) => [
      c.label,
      count(c.count),
      percent(c.share),
      c.firstCaseAt ? localTime(c.firstCaseAt, r.timeZone, 'yyyy-LL-dd') : '–',
      c.sinceFirstCase ? `${percent(c.sinceFirstCase.share)} of ${count(c.sinceFirstCase.total)}` : '–',
    ]),
  );
  pdf.heading('By kind');
  pdf.barChart(bars(r.byKind));
  pdf.heading(`Top ${r.top} departments`);
  pdf.barChart(topBars(r.byDepartment));
  pdf.heading(`Top ${r.top} service types`);
  pdf.barChart(topBars(r.topServiceTypes));
  pdf.heading('Months', 100);
  pdf.table(
    [
      { header: 'Month', width: 120 },
      { header: 'Interactions', width: 90, align: 'right' },
      { header: 'Phone', width: 80, align: 'right' },
      { header: 'Walk-in', width: 80, align: 'right' },
      { header: 'Chat', width: 80, align: 'right' },
    ],
    r.byMonth.map((m) => [m.label, count(m.count), count(m.byChannel.phone ?? 0), count(m.byChannel.walk_in ?? 0), count(m.byChannel.chat ?? 0)]),
  );
  if (r.answeredFromArticles.length > 0) {
    pdf.heading('Answered from knowledge-base articles', 60);
    pdf.table(
      [
        { header: 'Article', width: 360 },
        { header: 'Cases', width: 90, align: 'right' },
      ],
      r.answeredFromArticles.map((a) => [a.title, count(a.count)]),
    );
  }
}

export function reportPdf(report: AnyReport): Promise<Buffer> {
  const pdf = new PdfWriter(titleOf(report));
  const { scope, generatedAt, timeZone } = report.kind === 'shift' ? report.summary : report.report;
  pdf.title(titleOf(report), [periodLine(report), scope.note, `Generated ${localTime(generatedAt, timeZone)} by CivicDesk`]);
  if (report.kind === 'shift') shiftPages(pdf, report.summary);
  else periodPages(pdf, report.report);
  return pdf.finish();
}
