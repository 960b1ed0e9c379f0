import type { PeriodReport } from '../../../../shared/contract';
import type { OnDrill } from './drill';
import { FigureButton } from './FigureButton';
import { formatCount, formatDay, formatShare } from './report-format';

/** The calendar month (YYYY-MM) of an instant on the centre's calendar. */
const monthOf = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date(iso)).slice(0, 7);

/**
 * Interactions by channel with each channel's share of the period, and, for a channel whose first
 * case came after the period's first month (chat launched in October), its share since then.
 */
export function ChannelShareTable({ report, onDrill }: { report: PeriodReport; onDrill: OnDrill }) {
  const firstMonth = report.period.from.slice(0, 7);
  return (
    <table className="report-table">
      <caption>By channel</caption>
      <thead>
        <tr>
          <th scope="col" className="col-channel">
            Channel
          </th>
          <th scope="col" className="num col-count">
            Cases
          </th>
          <th scope="col" className="num col-count">
            Share
          </th>
          <th scope="col">Since its first case</th>
        </tr>
      </thead>
      <tbody>
        {report.byChannel.map((row) => {
          const launched = row.firstCaseAt !== null && monthOf(row.firstCaseAt, report.timeZone) > firstMonth;
          return (
            <tr key={row.key}>
              <th scope="row" className="report-label">
                {row.label}
              </th>
              <td className="num">
                <FigureButton count={row.count} title={`Channel: ${row.label}`} filter={row.filter} onDrill={onDrill} />
              </td>
              <td className="num">{formatShare(row.share)}</td>
              <td data-testid={`since-launch-${row.key}`}>
                {row.firstCaseAt === null || row.sinceFirstCase === null ? (
                  <span className="muted">no cases</span>
                ) : launched ? (
                  <>
                    {formatShare(row.sinceFirstCase.share)} of {formatCount(row.sinceFirstCase.total)} since launch on {formatDay(row.firstCaseAt, report.timeZone)}
                  </>
                ) : (
                  <span className="muted">whole period</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
