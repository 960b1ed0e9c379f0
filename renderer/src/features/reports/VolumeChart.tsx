import { useId, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportCaseFilter } from '../../../../shared/contract';
import type { OnDrill } from './drill';
import { FigureButton } from './FigureButton';
import { formatCount } from './report-format';

/** One bar: an hour of a shift or a month of a period. */
export interface VolumeBar {
  key: string;
  /** In the list under the chart: "07:00", "June 2022". */
  label: string;
  /** Under the bar, when shorter than the label: "Jun 22". */
  axisLabel?: string;
  /** The drill-down list's title: "Hour from 07:00". */
  title: string;
  count: number;
  filter: ReportCaseFilter;
  /** The parts of a stacked bar, by series key. */
  parts?: Record<string, number>;
  highlight?: boolean;
}

/** A stack of bars (channels of a month): its key in `parts` and its name; its colour comes from its place. */
export interface VolumeSeries {
  key: string;
  label: string;
}

interface Props {
  caption: string;
  bars: readonly VolumeBar[];
  series?: readonly VolumeSeries[];
  onDrill: OnDrill;
}

const CHART_HEIGHT = 220;
const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border-strong)', borderRadius: 6, color: 'var(--text)' };

/**
 * A bar chart a mouse can click into, and under it the same figures as buttons, which is how the
 * keyboard and screen readers reach them (the chart itself is a picture of the list).
 */
export function VolumeChart({ caption, bars, series, onDrill }: Props) {
  const headingId = useId();
  const figuresRef = useRef<HTMLOListElement>(null);
  const data = bars.map((bar) => ({ label: bar.axisLabel ?? bar.label, count: bar.count, ...bar.parts }));
  const drillBar = (index: number) => {
    const bar = bars[index];
    if (bar && bar.count > 0) onDrill({ title: bar.title, count: bar.count, filter: bar.filter }, figuresRef.current?.querySelectorAll('li')[index]?.querySelector('button') ?? null);
  };
  const stacks = series ?? [{ key: 'count', label: 'Cases' }];
  return (
    <section className="report-chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{caption}</h3>
      {series && (
        <ul className="chart-legend" aria-hidden>
          {series.map((stack, i) => (
            <li key={stack.key}>
              <span className={`chart-swatch chart-swatch-${i + 1}`} />
              {stack.label}
            </li>
          ))}
        </ul>
      )}
      <div className="chart-frame" aria-hidden>
        <BarChart responsive accessibilityLayer={false} data={data} style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={4} />
          <YAxis allowDecimals={false} width={48} tickFormatter={(value: number) => formatCount(value)} />
          <Tooltip cursor={{ className: 'chart-cursor' }} contentStyle={tooltipStyle} formatter={(value) => (typeof value === 'number' ? formatCount(value) : String(value))} />
          {stacks.map((stack, i) => (
            <Bar
              key={stack.key}
              dataKey={stack.key}
              name={stack.label}
              stackId="volume"
              className={`chart-bar chart-bar-${i + 1}`}
              isAnimationActive={false}
              onClick={(_data, index) => drillBar(index)}
            />
          ))}
        </BarChart>
      </div>
      <ol className="chart-figures" ref={figuresRef} aria-label={`${caption}: the figures`}>
        {bars.map((bar) => (
          <li key={bar.key} className={bar.highlight ? 'chart-figure-top' : undefined}>
            <span className="chart-figure-label">{bar.label}</span>
            <FigureButton count={bar.count} title={bar.title} filter={bar.filter} onDrill={onDrill} />
          </li>
        ))}
      </ol>
    </section>
  );
}
