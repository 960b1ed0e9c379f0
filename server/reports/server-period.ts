import {
  buildPeriodReport,
  firstCaseWindows,
  localDatesWindow,
  monthsOf,
  type ArticleUseRow,
  type MonthChannelCount,
  type PeriodGroupRow,
  type PeriodReport,
  type ReportLabels,
  type ReportScope,
} from '../../shared/domain/reports';
import type { Queryable } from '../db/database';
import { SCOPED_CASES } from './team-scope';

/**
 * GET /reports/period: the grouped counts the desk reads (groups of service type, department,
 * kind, channel and disposition; cases per month and channel; each channel's first month from
 * its first case), grouped by PostgreSQL over the team's cases, then the shared buildPeriodReport.
 */
const GROUPS_AND_MONTHS = `
WITH ${SCOPED_CASES},
period AS MATERIALIZED (SELECT d, created_ms FROM scoped WHERE created_ms >= $3 AND created_ms < $4)
SELECT
  (SELECT coalesce(json_agg(g), '[]') FROM (
    SELECT d->>'serviceCode' AS "serviceCode", d->>'departmentCode' AS "departmentCode", d->>'kind' AS kind, d->>'channel' AS channel,
      d->>'disposition' AS disposition, count(*)::int AS count, min(created_ms) AS "firstAt"
    FROM period GROUP BY 1, 2, 3, 4, 5) AS g) AS groups,
  (SELECT coalesce(json_agg(m), '[]') FROM (
    SELECT (width_bucket(created_ms, $5::float8[]) - 1)::int AS month, d->>'channel' AS channel, count(*)::int AS count
    FROM period GROUP BY 1, 2) AS m) AS monthly`;

/** Answers per article: the article_linked events of the period on the team's live cases. */
const ARTICLE_USES = `
WITH ${SCOPED_CASES},
links AS (
  SELECT e.data::jsonb AS ev FROM case_events AS e JOIN scoped AS s ON e.case_id = s.d->>'id'
  WHERE e.tenant = $1 AND e.data::jsonb->>'type' = 'article_linked'
)
SELECT ev->'after'->>'articleId' AS "articleId", max(ev->'after'->>'title') AS title, count(*)::int AS count
FROM links
WHERE round(extract(epoch FROM (ev->>'at')::timestamptz) * 1000)::float8 >= $3 AND round(extract(epoch FROM (ev->>'at')::timestamptz) * 1000)::float8 < $4
GROUP BY 1`;

const FIRST_MONTHS = `
WITH ${SCOPED_CASES}
SELECT w.channel, count(s.created_ms)::int AS count
FROM json_to_recordset($3::json) AS w (channel text, "from" float8, "to" float8)
LEFT JOIN scoped AS s ON s.created_ms >= w."from" AND s.created_ms < w."to"
GROUP BY w.channel`;

export interface ServerPeriodInput {
  from: string;
  to: string;
  timeZone: string;
  top: number;
  now: number;
}

export async function serverPeriodReport(db: Queryable, tenant: string, scope: ReportScope, labels: ReportLabels, input: ServerPeriodInput): Promise<PeriodReport> {
  const window = localDatesWindow(input.from, input.to, input.timeZone);
  const months = monthsOf(window, input.timeZone);
  const deskCodes = scope.deskCodes ?? [];
  const [grouped] = await db.query<{ groups: PeriodGroupRow[]; monthly: MonthChannelCount[] }>(GROUPS_AND_MONTHS, [
    tenant,
    deskCodes,
    window.from,
    window.to,
    months.map((m) => m.from),
  ]);
  const groups = grouped?.groups ?? [];
  const windows = firstCaseWindows(groups, months);
  const firstMonth = windows.length === 0 ? [] : await db.query<{ channel: PeriodGroupRow['channel']; count: number }>(FIRST_MONTHS, [tenant, deskCodes, JSON.stringify(windows)]);
  const articles = await db.query<ArticleUseRow>(ARTICLE_USES, [tenant, deskCodes, window.from, window.to]);
  return buildPeriodReport(
    { groups, monthly: grouped?.monthly ?? [], firstMonth, articles },
    { period: { from: input.from, to: input.to }, window, months, timeZone: input.timeZone, generatedAt: input.now, top: input.top, scope, labels },
  );
}
