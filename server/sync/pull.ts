import type { Queryable } from '../db/database';

interface PullDbRow {
  kind: 'desk' | 'case' | 'note' | 'event';
  version: number;
  deleted: boolean;
  data: string | null;
}

/**
 * GET /sync/pull: rows with version > cursor, in version order, as PullResponse JSON. The rows and
 * the desk's last mutation id come from one statement, hence one snapshot, so the acknowledgement
 * never runs ahead of the rows that carry its effects. The JSON is assembled from the stored text
 * without parsing it: an empty desk pulls 100,000 rows in pages of 5,000.
 */
export async function pullChanges(db: Queryable, tenant: string, deskCode: string, cursor: number, limit: number): Promise<string> {
  const rows = await db.query<PullDbRow>(
    `SELECT 'desk' AS kind, last_mutation_id AS version, false AS deleted, NULL::text AS data FROM desks WHERE tenant = $1 AND code = $4
     UNION ALL
     (SELECT kind, version, deleted, data FROM (
        (SELECT 'case' AS kind, version, deleted, data FROM cases WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3)
        UNION ALL
        (SELECT 'note', version, false, data FROM case_notes WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3)
        UNION ALL
        (SELECT 'event', version, false, data FROM case_events WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3)
      ) AS changed ORDER BY version LIMIT $3)`,
    [tenant, cursor, limit + 1, deskCode],
  );
  const lastMutationId = rows.find((row) => row.kind === 'desk')?.version ?? 0;
  const changed = rows.filter((row) => row.kind !== 'desk').sort((a, b) => a.version - b.version);
  const hasMore = changed.length > limit;
  const page = hasMore ? changed.slice(0, limit) : changed;
  const parts = page.map((row) =>
    row.kind === 'case'
      ? `{"type":"case","version":${row.version},"deleted":${row.deleted},"case":${row.data}}`
      : `{"type":"${row.kind}","version":${row.version},"${row.kind}":${row.data}}`,
  );
  const next = page.length > 0 ? page[page.length - 1]!.version : cursor;
  return `{"rows":[${parts.join(',')}],"cursor":${next},"hasMore":${hasMore},"lastMutationId":${lastMutationId}}`;
}
