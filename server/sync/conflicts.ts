import type { Conflict } from '../../shared/sync';
import type { Queryable } from '../db/database';

/** How many conflicts the list returns, newest first. */
export const CONFLICT_LIST_MAX = 1000;

/** Recorded conflicts of the tenant, or of the desks in one team when `team` is given (a lead's view). */
export async function listConflicts(db: Queryable, tenant: string, team: string | null | 'all'): Promise<Conflict[]> {
  const byTeam = team !== 'all';
  const rows = await db.query<Omit<Conflict, 'seen' | 'overwritten' | 'written'> & { seen: string; overwritten: string; written: string }>(
    `SELECT c.id, c.case_id AS "caseId", c.reference, c.field, c.desk_code AS "deskCode", c.mutation_id AS "mutationId",
            c.seen, c.overwritten, c.written, c.at
     FROM conflicts c JOIN desks d ON d.tenant = c.tenant AND d.code = c.desk_code
     WHERE c.tenant = $1 ${byTeam ? 'AND d.team = $3' : ''}
     ORDER BY c.at DESC, c.id DESC LIMIT $2`,
    byTeam ? [tenant, CONFLICT_LIST_MAX, team] : [tenant, CONFLICT_LIST_MAX],
  );
  return rows.map((row) => ({ ...row, seen: JSON.parse(row.seen), overwritten: JSON.parse(row.overwritten), written: JSON.parse(row.written) }));
}
