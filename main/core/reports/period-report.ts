import { buildPeriodReport, localDatesWindow, monthsOf, PeriodReportSchema, type PeriodReport, type ReportScope } from '../../../shared/domain/reports';
import type { ReadableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { teamReport } from './report-client';
import { deskLabels, deskScope, isLead, signedInAgent, sqlScope } from './report-scope';
import { periodFacts } from './period-facts';

export interface PeriodInput {
  /** Local dates in the desk's time zone, both included. */
  from: string;
  to: string;
  top: number;
}

/** The report of a range of local dates from this desk's database, for a given scope (the console, the CLI and the bench). */
export function deskPeriodReport(db: ReadableDb, state: DeskState, input: PeriodInput, scope: ReportScope): PeriodReport {
  const timeZone = state.session.timeZone;
  const window = localDatesWindow(input.from, input.to, timeZone);
  const months = monthsOf(window, timeZone);
  return buildPeriodReport(periodFacts(db, window, months, sqlScope(scope)), {
    period: { from: input.from, to: input.to },
    window,
    months,
    timeZone,
    generatedAt: state.now(),
    top: input.top,
    scope,
    labels: deskLabels(db, state),
  });
}

export const periodQuery = (input: PeriodInput, timeZone: string): string =>
  `/reports/period?${new URLSearchParams({ from: input.from, to: input.to, top: String(input.top), timeZone }).toString()}`;

/** The console's period report: for leads and admins, team-wide from the server when it answers, else this desk's cases. */
export async function periodReport(db: ReadableDb, state: DeskState, input: PeriodInput): Promise<PeriodReport> {
  const agent = signedInAgent(state);
  if (!isLead(agent)) throw new DomainError('forbidden', 'Period reports are for leads and admins; your shift summary shows your own figures');
  const team = await teamReport(db, state, periodQuery(input, state.session.timeZone), PeriodReportSchema);
  if (team.ok) return team.value;
  return deskPeriodReport(db, state, input, deskScope(state.session.deskCode, team.message));
}
