import { defaultCatalog } from '../../shared/domain';
import { reportLabels, type ReportLabels, type ReportScope } from '../../shared/domain/reports';
import type { UserClaims } from '../auth/tokens';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

/**
 * Whose cases a team report counts: a lead's team's desks, or every desk of the city for an admin.
 * Cases are attributed to the desk that logged them (its deskCode), and a desk to its team.
 */
export async function teamScope(db: Queryable, user: UserClaims): Promise<ReportScope> {
  if (user.role === 'admin') {
    const desks = await db.query<{ code: string }>('SELECT code FROM desks WHERE tenant = $1 ORDER BY code', [user.tenant]);
    return { source: 'team', team: null, deskCodes: desks.map((d) => d.code), agentId: null, note: `Every desk of the city (${desks.length}), from the sync server` };
  }
  if (user.team === null) throw new ApiError('forbidden', 'your account belongs to no team, so there is no team report to show: ask an admin to put you in a team');
  const desks = await db.query<{ code: string }>('SELECT code FROM desks WHERE tenant = $1 AND team = $2 ORDER BY code', [user.tenant, user.team]);
  return { source: 'team', team: user.team, deskCodes: desks.map((d) => d.code), agentId: null, note: `Team ${user.team}: every desk of the team (${desks.length}), from the sync server` };
}

/**
 * Names for the report's rows. The server keeps no catalog of its own: it labels service types and
 * checks SLAs with the catalog every desk ships with; agents are named from the tenant's users.
 */
export async function serverLabels(db: Queryable, tenant: string): Promise<ReportLabels> {
  const users = await db.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE tenant = $1', [tenant]);
  return reportLabels(defaultCatalog, new Map(users.map((u) => [u.id, u.name])));
}

/**
 * The tenant's live cases logged at the scope's desks, with the fields reports read pulled out of
 * the stored JSON and the times as epoch milliseconds. $1 is the tenant, $2 the desk codes.
 */
export const SCOPED_CASES = `
scoped AS (
  SELECT d,
    round(extract(epoch FROM (d->>'createdAt')::timestamptz) * 1000)::float8 AS created_ms,
    round(extract(epoch FROM coalesce(d->>'resolvedAt', d->>'closedAt')::timestamptz) * 1000)::float8 AS settled_ms
  FROM (SELECT data::jsonb AS d FROM cases WHERE tenant = $1 AND NOT deleted) AS live
  WHERE d->>'deskCode' = ANY($2::text[])
)`;
