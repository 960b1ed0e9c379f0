import type { OperationOutput, ParsedInput } from '../../../shared/contract';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { exportReport } from './export-report';
import { periodReport } from './period-report';
import { reportCases } from './report-cases';
import { signedInAgent } from './report-scope';
import { shiftScheduleView, writeShiftSchedule } from './shift-settings';
import { shiftSummary } from './shift-summary';

type ReportOperation = 'getShiftSchedule' | 'setShiftSchedule' | 'shiftSummary' | 'periodReport' | 'reportCases' | 'exportReport';
type Handler<K extends ReportOperation> = (input: ParsedInput<K>) => OperationOutput<K>;
type AsyncHandler<K extends ReportOperation> = (input: ParsedInput<K>) => Promise<OperationOutput<K>>;

export interface ReportHandlers {
  getShiftSchedule: Handler<'getShiftSchedule'>;
  setShiftSchedule: Handler<'setShiftSchedule'>;
  shiftSummary: AsyncHandler<'shiftSummary'>;
  periodReport: AsyncHandler<'periodReport'>;
  reportCases: Handler<'reportCases'>;
  exportReport: AsyncHandler<'exportReport'>;
}

/** The console's report operations: shifts, the shift summary, period reports, drill-down and exports. */
export function createReportHandlers(db: WritableDb, state: DeskState): ReportHandlers {
  return {
    getShiftSchedule: () => {
      signedInAgent(state);
      return shiftScheduleView(db, state);
    },
    setShiftSchedule: (input) => writeShiftSchedule(db, state, input),
    shiftSummary: (input) => shiftSummary(db, state, input),
    periodReport: (input) => periodReport(db, state, input),
    reportCases: (input) => reportCases(db, state, input),
    exportReport: (input) => exportReport(db, state, input),
  };
}
