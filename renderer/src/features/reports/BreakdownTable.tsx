import type { BreakdownRow } from '../../../../shared/contract';
import type { OnDrill } from './drill';
import { FigureButton } from './FigureButton';
import { formatCount, formatShare } from './report-format';

interface Props {
  /** The table's caption: "By channel". */
  caption: string;
  /** The first column's heading and the start of each figure's title: "Channel". */
  dimension: string;
  rows: readonly BreakdownRow[];
  /** What the rows past the top N add up to (top lists only). */
  others?: { count: number; items: number } | undefined;
  onDrill: OnDrill;
}

/** Counts by one dimension with each row's share; every count opens its cases. */
export function BreakdownTable({ caption, dimension, rows, others, onDrill }: Props) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{dimension}</th>
          <th scope="col" className="num col-count">
            Cases
          </th>
          <th scope="col" className="num col-share">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={3} className="muted">
              None
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="report-label" title={row.label}>
              {row.label}
            </th>
            <td className="num">
              <FigureButton count={row.count} title={`${dimension}: ${row.label}`} filter={row.filter} onDrill={onDrill} />
            </td>
            <td className="num share-cell">
              <span className="share-bar" aria-hidden>
                <span style={{ width: `${Math.round(row.share * 100)}%` }} />
              </span>
              {formatShare(row.share)}
            </td>
          </tr>
        ))}
        {others && others.items > 0 && (
          <tr className="report-others">
            <th scope="row" className="report-label muted">
              {formatCount(others.items)} {others.items === 1 ? 'other' : 'others'}
            </th>
            <td className="num muted">{formatCount(others.count)}</td>
            <td />
          </tr>
        )}
      </tbody>
    </table>
  );
}
