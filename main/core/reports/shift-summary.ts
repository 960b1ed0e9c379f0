import { ShiftSummarySchema, summarizeShift, type ReportScope, type ShiftSummary } from '../../../shared/domain/reports';
import type { ShiftOccurrence } from '../../../shared/domain/shift';
import type { ReadableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { teamReport } from './report-client';
import { deskLabels, deskScope, isLead, ownScope, signedInAgent, sqlScope } from './report-scope';
import { shiftFacts } from './shift-facts';
import { resolveShift } from './shift-settings';

/** The summary of one shift from this desk's database, for a given scope (the console, the CLI and the bench). */
export function deskShiftSummary(db: ReadableDb, state: DeskState, occurrence: ShiftOccurrence, scope: ReportScope, top: number): ShiftSummary {
  const window = { from: occurrence.from, to: occurrence.to };
  const now = state.now();
  return summarizeShift(shiftFacts(db, window, sqlScope(scope)), {
    window,
    shift: { name: occurrence.shift.name, date: occurrence.date },
    timeZone: state.session.timeZone,
    asOf: Math.min(window.to, now),
    generatedAt: now,
    top,
    scope,
    labels: deskLabels(db, state),
  });
}

export function shiftQuery(occurrence: ShiftOccurrence, timeZone: string, top: number): string {
  const query = new URLSearchParams({
    from: new Date(occurrence.from).toISOString(),
    to: new Date(occurrence.to).toISOString(),
    timeZone,
    name: occurrence.shift.name,
    date: occurrence.date,
    top: String(top),
  });
  return `/reports/shift?${query.toString()}`;
}

/**
 * The console's shift summary. A specialist sees their own cases. A lead or admin sees the team,
 * from the server, when signed in with a city account and the server answers; otherwise this
 * desk's own cases, and the scope's note says why.
 */
export async function shiftSummary(db: ReadableDb, state: DeskState, input: { date?: string | undefined; shift?: string | undefined; top: number }): Promise<ShiftSummary> {
  const agent = signedInAgent(state);
  const occurrence = resolveShift(db, state, input);
  if (!isLead(agent)) return deskShiftSummary(db, state, occurrence, ownScope(agent), input.top);
  const team = await teamReport(db, state, shiftQuery(occurrence, state.session.timeZone, input.top), ShiftSummarySchema);
  if (team.ok) return team.value;
  return deskShiftSummary(db, state, occurrence, deskScope(state.session.deskCode, team.message), input.top);
}
