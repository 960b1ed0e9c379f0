import type { HandleTimeRow } from '../../../../shared/contract';
import type { OnDrill } from './drill';
import { FigureButton } from './FigureButton';
import { formatCount, formatDuration } from './report-format';

const PARTS = [
  { key: 'talk', label: 'Talk' },
  { key: 'hold', label: 'Hold' },
  { key: 'wrapUp', label: 'Wrap-up' },
] as const;
const STATS = [
  { key: 'mean', label: 'Mean' },
  { key: 'median', label: 'Median' },
  { key: 'p90', label: 'P90' },
] as const;

/** Mean, median and 90th percentile of talk, hold and wrap-up, by kind, as m:ss. */
export function HandleTimeTable({ rows, onDrill }: { rows: readonly HandleTimeRow[]; onDrill: OnDrill }) {
  return (
    <table className="report-table handle-table">
      <caption>Handle time by kind (m:ss)</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2} className="col-kind">
            Kind
          </th>
          <th scope="col" rowSpan={2} className="num col-timed">
            Cases
          </th>
          <th scope="col" rowSpan={2} className="num col-timed">
            Timed
          </th>
          {PARTS.map((part) => (
            <th key={part.key} scope="colgroup" colSpan={3} className="group-head">
              {part.label}
            </th>
          ))}
        </tr>
        <tr>
          {PARTS.flatMap((part) =>
            STATS.map((stat) => (
              <th key={`${part.key}-${stat.key}`} scope="col" className="num" aria-label={`${part.label} ${stat.label.toLowerCase()}`}>
                {stat.label}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.key === 'all' ? 'report-total' : undefined}>
            <th scope="row" className="report-label">
              {row.label}
            </th>
            <td className="num">
              <FigureButton count={row.count} title={`Handle time: ${row.label}`} filter={row.filter} onDrill={onDrill} />
            </td>
            <td className="num">{formatCount(row.timed)}</td>
            {PARTS.flatMap((part) =>
              STATS.map((stat) => (
                <td key={`${part.key}-${stat.key}`} className="num">
                  {formatDuration(row[part.key][stat.key])}
                </td>
              )),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
