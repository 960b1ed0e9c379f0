import { EVENT_TYPES_SINCE } from '../../shared/sync';
import type { Queryable } from '../db/database';

/**
 * One page of GET /sync/pull as PullResponse JSON: rows with version > cursor in version order,
 * assembled inside the database by string_agg (one value crosses into Node instead of 5,000 rows:
 * on PGlite that is several times faster). The rows and the desk's last mutation id come from one
 * statement, hence one snapshot, so the acknowledgement never runs ahead of the rows that carry
 * its effects. Each table contributes at most limit + 1 rows, read in version order by its index.
 */
const PULL_PAGE = `
WITH changed AS (
  SELECT kind, version, deleted, data FROM (
    (SELECT 'case' AS kind, version, deleted, data FROM cases WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3 + 1)
    UNION ALL
    (SELECT 'note', version, false, data FROM case_notes WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3 + 1)
    UNION ALL
    (SELECT 'event', version, false, data FROM case_events WHERE tenant = $1 AND version > $2
       AND CASE WHEN $5::int >= $6::int THEN true ELSE NOT ((data::jsonb ->> 'type') = ANY ($7::text[])) END
       ORDER BY version LIMIT $3 + 1)
  ) AS merged ORDER BY version LIMIT $3 + 1
),
numbered AS (SELECT *, row_number() OVER (ORDER BY version) AS position FROM changed)
SELECT
  (SELECT last_mutation_id FROM desks WHERE tenant = $1 AND code = $4) AS last_mutation_id,
  count(*) > $3 AS has_more,
  max(version) FILTER (WHERE position <= $3) AS last_version,
  string_agg(
    CASE kind
      WHEN 'case' THEN '{"type":"case","version":' || version || ',"deleted":' || CASE WHEN deleted THEN 'true' ELSE 'false' END || ',"case":' || data || '}'
      ELSE '{"type":"' || kind || '","version":' || version || ',"' || kind || '":' || data || '}'
    END,
    ',' ORDER BY version
  ) FILTER (WHERE position <= $3) AS rows
FROM numbered`;

interface PageRow {
  last_mutation_id: number | null;
  has_more: boolean;
  last_version: number | null;
  rows: string | null;
}

/**
 * A desk one schema version behind still syncs: the event types it cannot store are left out of
 * its pages (they record contacts and article links, and change no case), rather than failing
 * every pull from that point on.
 */
export async function pullChanges(db: Queryable, tenant: string, deskCode: string, cursor: number, limit: number, deskSchema: number): Promise<string> {
  const newest = Math.max(...Object.values(EVENT_TYPES_SINCE));
  const unknownToDesk = Object.entries(EVENT_TYPES_SINCE).filter(([, since]) => since > deskSchema).map(([type]) => type);
  const [page] = await db.query<PageRow>(PULL_PAGE, [tenant, cursor, limit, deskCode, deskSchema, newest, unknownToDesk]);
  const next = page?.last_version ?? cursor;
  return `{"rows":[${page?.rows ?? ''}],"cursor":${next},"hasMore":${page?.has_more === true},"lastMutationId":${page?.last_mutation_id ?? 0}}`;
}
