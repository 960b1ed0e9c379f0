import { useState } from 'react';
import type { ShiftScheduleView, ShiftSummary } from '../../../../shared/contract';
import { BreakdownTable } from './BreakdownTable';
import type { Drill, FigureDrill, OnDrill } from './drill';
import { ExportButtons } from './ExportButtons';
import { HandleTimeTable } from './HandleTimeTable';
import { isLocalDate } from './report-dates';
import { formatClock, formatDay, formatMoment } from './report-format';
import { ScopeBanner } from './ScopeBanner';
import { ShiftPicker, type PickedShift } from './ShiftPicker';
import { ShiftTiles } from './ShiftTiles';
import { ReportState } from './ReportState';
import { useRequest } from './use-request';
import { VolumeChart } from './VolumeChart';

interface Props {
  schedule: ShiftScheduleView;
  onDrill: (drill: Drill, opener: HTMLElement | null) => void;
}

/** "Day shift · Tue, Jun 14, 2022 · 07:00–15:00". */
export function shiftTitle(summary: ShiftSummary): string {
  const { shift, timeZone } = summary;
  const name = shift.name ? `${shift.name} shift` : 'Shift';
  return `${name} · ${formatDay(shift.from, timeZone)} · ${formatClock(shift.from, timeZone)}–${formatClock(shift.to, timeZone)}`;
}

/** One shift's figures, for the shift picked (the current one first). */
export function ShiftSummaryView({ schedule, onDrill }: Props) {
  const [picked, setPicked] = useState<PickedShift>({ date: schedule.current.date, shift: schedule.current.shift });
  // A shift renamed or removed in the schedule editor falls back to the current one.
  const known = schedule.schedule.shifts.some((s) => s.name === picked.shift);
  const shown = known ? picked : { date: picked.date, shift: schedule.current.shift };
  const { value: summary, loading, error, reload } = useRequest('shiftSummary', isLocalDate(shown.date) ? { date: shown.date, shift: shown.shift } : null);

  return (
    <div className="stack report-view">
      <div className="report-toolbar">
        <ShiftPicker schedule={schedule} value={shown} onChange={setPicked} onRefresh={reload} busy={loading} />
        <ExportButtons target={{ kind: 'shift', date: shown.date, shift: shown.shift }} disabled={!summary || !isLocalDate(shown.date)} />
      </div>
      <ReportState loading={loading} error={error} hasValue={summary !== null} what="shift summary" onRetry={reload} />
      {summary && !error && <ShiftSummaryBody summary={summary} stale={loading} onDrill={onDrill} />}
    </div>
  );
}

function ShiftSummaryBody({ summary, stale, onDrill }: { summary: ShiftSummary; stale: boolean; onDrill: Props['onDrill'] }) {
  const title = shiftTitle(summary);
  const underWay = Date.parse(summary.asOf) < Date.parse(summary.shift.to);
  const drill: OnDrill = (figure: FigureDrill, opener) =>
    onDrill({ ...figure, context: title, timeZone: summary.timeZone, window: { from: summary.shift.from, to: summary.shift.to }, scope: summary.scope }, opener);
  return (
    <div className="stack report-body" aria-busy={stale} data-testid="shift-summary">
      <div className="report-heading">
        <h2>{title}</h2>
        <p className="muted">
          {summary.timeZone}
          {underWay && ` · under way: figures as of ${formatClock(summary.asOf, summary.timeZone)}`} · generated {formatMoment(summary.generatedAt, summary.timeZone)}
        </p>
      </div>
      <ScopeBanner scope={summary.scope} />
      <ShiftTiles summary={summary} onDrill={drill} />
      <VolumeChart
        caption="Volume per hour"
        bars={summary.perHour.map((h) => ({ key: String(h.hour), label: h.label, title: `Hour from ${h.label}`, count: h.count, filter: h.filter }))}
        onDrill={drill}
      />
      <div className="report-grid">
        <BreakdownTable caption="By channel" dimension="Channel" rows={summary.byChannel} onDrill={drill} />
        <BreakdownTable caption="By kind" dimension="Kind" rows={summary.byKind} onDrill={drill} />
        <BreakdownTable caption="By department" dimension="Department" rows={summary.byDepartment} onDrill={drill} />
        <BreakdownTable
          caption={`Top ${summary.top} service types`}
          dimension="Service type"
          rows={summary.topServiceTypes.rows}
          others={summary.topServiceTypes.others}
          onDrill={drill}
        />
        <BreakdownTable caption="By agent" dimension="Agent" rows={summary.byAgent} onDrill={drill} />
      </div>
      <HandleTimeTable rows={summary.handleTime} onDrill={drill} />
    </div>
  );
}
