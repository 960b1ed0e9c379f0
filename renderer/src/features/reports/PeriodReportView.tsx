import { useState } from 'react';
import type { PeriodReport } from '../../../../shared/contract';
import { fieldErrors } from '../../api/api';
import { BreakdownTable } from './BreakdownTable';
import { ChannelShareTable } from './ChannelShareTable';
import type { Drill, FigureDrill, OnDrill } from './drill';
import { ExportButtons } from './ExportButtons';
import { FigureButton } from './FigureButton';
import { PeriodForm, type PeriodChoice } from './PeriodForm';
import { periodPresets } from './report-dates';
import { formatCount, formatLocalDate, formatMoment, formatShare } from './report-format';
import { ReportState } from './ReportState';
import { ScopeBanner } from './ScopeBanner';
import { Tile } from './Tile';
import { useRequest } from './use-request';
import { VolumeChart } from './VolumeChart';

const TOP_DEFAULT = 10;
const CHANNEL_SERIES = [
  { key: 'phone', label: 'Phone' },
  { key: 'walk_in', label: 'Walk-in' },
  { key: 'chat', label: 'Chat' },
] as const;

interface Props {
  today: string;
  onDrill: (drill: Drill, opener: HTMLElement | null) => void;
}

const monthNames = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', month: 'short' });
/** "2022-06" → "Jun 22": short enough for twelve bars side by side. */
const shortMonth = (month: string): string => `${monthNames.format(new Date(`${month}-15T12:00:00Z`))} ${month.slice(2, 4)}`;

/** "Jan 1, 2022 to Dec 31, 2022". */
export const periodTitle = (report: PeriodReport): string => `${formatLocalDate(report.period.from)} to ${formatLocalDate(report.period.to)}`;

/** Any range of dates: totals, the split of information and service requests, months, channels, top N. */
export function PeriodReportView({ today, onDrill }: Props) {
  const thisYear = periodPresets(today)[0]!;
  const [applied, setApplied] = useState<PeriodChoice>({ from: thisYear.from, to: thisYear.to, top: TOP_DEFAULT });
  const { value: report, loading, error, reload } = useRequest('periodReport', applied);

  return (
    <div className="stack report-view">
      <div className="report-toolbar">
        <PeriodForm today={today} applied={applied} onApply={setApplied} serverErrors={fieldErrors(error)} busy={loading} />
        <ExportButtons target={{ kind: 'period', ...applied }} disabled={!report} />
      </div>
      <ReportState loading={loading} error={error} hasValue={report !== null} what="period report" onRetry={reload} />
      {report && !error && <PeriodReportBody report={report} stale={loading} onDrill={onDrill} />}
    </div>
  );
}

function PeriodReportBody({ report, stale, onDrill }: { report: PeriodReport; stale: boolean; onDrill: Props['onDrill'] }) {
  const title = periodTitle(report);
  const drill: OnDrill = (figure: FigureDrill, opener) =>
    onDrill({ ...figure, context: title, timeZone: report.timeZone, window: { from: report.period.fromAt, to: report.period.toAt }, scope: report.scope }, opener);
  const { total, information, serviceRequests, firstContact, busiestMonth } = report;
  const busiest = busiestMonth ? report.byMonth.find((m) => m.month === busiestMonth.month) : undefined;
  return (
    <div className="stack report-body" aria-busy={stale} data-testid="period-report">
      <div className="report-heading">
        <h2>{title}</h2>
        <p className="muted">
          {formatCount(report.period.days)} days · {report.timeZone} · generated {formatMoment(report.generatedAt, report.timeZone)}
        </p>
      </div>
      <ScopeBanner scope={report.scope} />
      <div className="tiles">
        <Tile label="Interactions">
          <FigureButton count={total.count} title="Interactions" filter={total.filter} onDrill={drill} />
        </Tile>
        <Tile label="Information requests" detail={formatShare(total.count === 0 ? null : information.count / total.count)}>
          <FigureButton count={information.count} title="Information requests" filter={information.filter} onDrill={drill} />
        </Tile>
        <Tile label="Service requests" detail={formatShare(total.count === 0 ? null : serviceRequests.count / total.count)}>
          <FigureButton count={serviceRequests.count} title="Service requests" filter={serviceRequests.filter} onDrill={drill} />
        </Tile>
        <Tile label="First-contact resolution" detail={`${formatCount(firstContact.count)} of ${formatCount(firstContact.of)} wrapped up`}>
          <FigureButton count={firstContact.count} text={formatShare(firstContact.rate)} title="Resolved on first contact" filter={firstContact.filter} onDrill={drill} />
        </Tile>
        <Tile label="Busiest month" detail={busiestMonth ? `${formatCount(busiestMonth.count)} interactions` : 'no interactions'}>
          {busiest ? (
            <FigureButton count={busiest.count} text={busiest.label} title={`Busiest month: ${busiest.label}`} filter={busiest.filter} onDrill={drill} />
          ) : (
            <span className="figure figure-zero">–</span>
          )}
        </Tile>
      </div>
      <VolumeChart
        caption={busiestMonth ? `By month (busiest: ${busiestMonth.label})` : 'By month'}
        bars={report.byMonth.map((m) => ({
          key: m.month,
          label: m.label,
          axisLabel: shortMonth(m.month),
          title: `Month: ${m.label}`,
          count: m.count,
          filter: m.filter,
          parts: m.byChannel,
          highlight: m.month === busiestMonth?.month,
        }))}
        series={CHANNEL_SERIES}
        onDrill={drill}
      />
      <div className="report-grid">
        <ChannelShareTable report={report} onDrill={drill} />
        <BreakdownTable caption="By kind" dimension="Kind" rows={report.byKind} onDrill={drill} />
        <BreakdownTable caption={`Top ${report.top} departments`} dimension="Department" rows={report.byDepartment.rows} others={report.byDepartment.others} onDrill={drill} />
        <BreakdownTable
          caption={`Top ${report.top} service types`}
          dimension="Service type"
          rows={report.topServiceTypes.rows}
          others={report.topServiceTypes.others}
          onDrill={drill}
        />
        <table className="report-table">
          <caption>Answered from knowledge-base articles</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col" className="num">
                Cases
              </th>
            </tr>
          </thead>
          <tbody>
            {report.answeredFromArticles.length === 0 ? (
              <tr>
                <td colSpan={2} className="muted">
                  No case in this period was linked to an article.
                </td>
              </tr>
            ) : (
              report.answeredFromArticles.map((a) => (
                <tr key={a.articleId}>
                  <th scope="row">{a.title}</th>
                  <td className="num">{formatCount(a.count)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
