import type { ReactNode } from 'react';
import type { ReportCaseFilter } from '../../../../shared/contract';
import type { OnDrill } from './drill';
import { formatCount } from './report-format';

/** The id of the one sentence every figure button is described by (rendered by ReportsScreen). */
export const DRILL_HINT_ID = 'report-drill-hint';

interface Props {
  count: number;
  /** What the figure counts, for the button's name and the list's title: "Channel: Phone". */
  title: string;
  filter: ReportCaseFilter;
  onDrill: OnDrill;
  /** What the button shows; the formatted count unless told (a rate shows its percentage). */
  children?: ReactNode;
  /** The visible text, when children is not plain text (it starts the accessible name). */
  text?: string;
  className?: string;
}

/**
 * A number that opens the list of its cases (click or Enter). A zero lists nothing, so it is plain
 * text and no stop on the Tab path.
 */
export function FigureButton({ count, title, filter, onDrill, children, text, className = '' }: Props) {
  const shown = text ?? formatCount(count);
  if (count === 0) {
    return (
      <span className={`figure figure-zero ${className}`} data-figure={title}>
        {children ?? shown}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`figure ${className}`}
      aria-label={`${shown}, ${title}`}
      aria-describedby={DRILL_HINT_ID}
      data-figure={title}
      onClick={(event) => onDrill({ title, count, filter }, event.currentTarget)}
    >
      {children ?? shown}
    </button>
  );
}
