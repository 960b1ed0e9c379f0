import { useEffect, useRef, useState, type Key } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { ShiftScheduleView } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain';
import type { Drill } from './drill';
import { DrillDownList } from './DrillDownList';
import { DRILL_HINT_ID } from './FigureButton';
import { PeriodReportView } from './PeriodReportView';
import { todayIn } from './report-dates';
import { ReportState } from './ReportState';
import { ShiftScheduleEditor } from './ShiftScheduleEditor';
import { ShiftSummaryView } from './ShiftSummaryView';
import { useRequest } from './use-request';

type ReportTab = 'shift' | 'period' | 'schedule';

interface Props {
  role: Role;
  /** On screen; false while a case opened from a drill-down list is shown over it. */
  active: boolean;
  onOpenCase: (id: string) => void;
}

/**
 * Team leads' figures: the shift summary, period reports (leads and admins) and the shift schedule.
 * Every number opens the list of its cases; a case opens in the case view and Esc comes back here.
 */
export function ReportsScreen({ role, active, onOpenCase }: Props) {
  const loaded = useRequest('getShiftSchedule', {});
  const [saved, setSaved] = useState<ShiftScheduleView | null>(null);
  const schedule = saved ?? loaded.value;
  const [tab, setTab] = useState<ReportTab>('shift');
  const [visited, setVisited] = useState<ReadonlySet<ReportTab>>(new Set(['shift']));
  const [drill, setDrill] = useState<Drill | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const mayReportPeriods = role === 'lead' || role === 'admin';

  useEffect(() => {
    if (active && !drill) titleRef.current?.focus({ preventScroll: true });
    // Only on arriving at the screen (not when a drill-down closes: its figure takes focus back).
  }, [active]);

  const openDrill = (next: Drill, from: HTMLElement | null) => {
    opener.current = from;
    setDrill(next);
  };
  const closeDrill = () => {
    setDrill(null);
    // After React has shown the report again.
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : titleRef.current)?.focus());
  };
  const selectTab = (key: Key) => {
    if (key !== 'shift' && key !== 'period' && key !== 'schedule') return;
    setTab(key);
    setVisited((seen) => new Set(seen).add(key));
  };

  return (
    <div className="stack reports-screen">
      <h1 ref={titleRef} tabIndex={-1} className="reports-title">
        Reports
      </h1>
      <p id={DRILL_HINT_ID} hidden>
        Lists its cases
      </p>
      {!schedule && <ReportState loading={loaded.loading} error={loaded.error} hasValue={false} what="shift schedule" onRetry={loaded.reload} />}
      {drill && <DrillDownList drill={drill} active={active} onOpenCase={onOpenCase} onClose={closeDrill} />}
      {schedule && (
        <div hidden={drill !== null}>
          <Tabs selectedKey={tab} onSelectionChange={selectTab} className="report-tabs">
            <TabList aria-label="Reports" className="report-tablist">
              <Tab id="shift" className="report-tab">
                Shift summary
              </Tab>
              {mayReportPeriods && (
                <Tab id="period" className="report-tab">
                  Period report
                </Tab>
              )}
              <Tab id="schedule" className="report-tab">
                Shift schedule
              </Tab>
            </TabList>
            <TabPanel id="shift" shouldForceMount className="report-panel">
              <ShiftSummaryView schedule={schedule} onDrill={openDrill} />
            </TabPanel>
            {mayReportPeriods && (
              <TabPanel id="period" shouldForceMount className="report-panel">
                {visited.has('period') && <PeriodReportView today={todayIn(schedule.timeZone)} onDrill={openDrill} />}
              </TabPanel>
            )}
            <TabPanel id="schedule" shouldForceMount className="report-panel">
              <ShiftScheduleEditor view={schedule} onSaved={setSaved} />
            </TabPanel>
          </Tabs>
        </div>
      )}
    </div>
  );
}
