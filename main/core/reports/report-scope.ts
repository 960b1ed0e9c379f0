import type { Agent } from '../../../shared/domain';
import { reportLabels, type ReportLabels, type ReportScope, type ReportSource } from '../../../shared/domain/reports';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';

/** Whose cases a desk query counts, as an SQL condition on the cases table and its parameters. */
export interface SqlScope {
  clause: string;
  params: Record<string, string>;
}

export function signedInAgent(state: DeskState): Agent {
  const agent = state.session.agent;
  if (!agent) throw new DomainError('not_signed_in', 'Sign in at this desk first');
  return agent;
}

export const isLead = (agent: Agent): boolean => agent.role === 'lead' || agent.role === 'admin';

/** A specialist's own cases, on any desk this database holds. */
export function ownScope(agent: Agent): ReportScope {
  return { source: 'own', team: null, deskCodes: null, agentId: agent.id, note: `Your own cases (${agent.name})` };
}

/** This desk's own cases; `why` says why they are not the team's. */
export function deskScope(deskCode: string, why: string | null): ReportScope {
  return { source: 'desk', team: null, deskCodes: [deskCode], agentId: null, note: `This desk's own cases (${deskCode})${why ? `: ${why}` : ''}` };
}

export function sqlScope(scope: { source: ReportSource; deskCodes: readonly string[] | null; agentId?: string | null }): SqlScope {
  if (scope.source === 'own') return { clause: 'agent_id = @scopeAgent', params: { scopeAgent: scope.agentId ?? '' } };
  const desks = scope.deskCodes ?? [];
  if (desks.length === 1) return { clause: 'desk_code = @scopeDesk', params: { scopeDesk: desks[0]! } };
  return { clause: 'desk_code IN (SELECT value FROM json_each(@scopeDesks))', params: { scopeDesks: JSON.stringify(desks) } };
}

/** Names of the agents this desk knows, for the by-agent rows. */
export function deskLabels(db: ReadableDb, state: DeskState): ReportLabels {
  const rows = statement(db, 'SELECT id, name FROM local_agents').all() as { id: string; name: string }[];
  return reportLabels(state.catalog, new Map(rows.map((r) => [r.id, r.name])));
}
