import { CHANNELS, type Channel } from '../../../shared/domain';
import { firstCaseWindows, type ArticleUseRow, type MonthWindow, type PeriodFacts, type PeriodGroupRow, type Window } from '../../../shared/domain/reports';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import { indexedBy } from './report-indexes';
import type { SqlScope } from './report-scope';

/**
 * The grouped counts a period report is folded from, read from the desk database. A year is about
 * a million cases: one GROUP BY walks the report index in its own order (no sort), and the
 * months are range counts on the channel index.
 */
export function periodFacts(db: ReadableDb, window: Window, months: readonly MonthWindow[], scope: SqlScope): PeriodFacts {
  const groups = statement(
    db,
    `SELECT service_code AS serviceCode, department_code AS departmentCode, kind, channel, disposition, count(*) AS count, min(created_at) AS firstAt
     FROM cases ${indexedBy(db, 'cases_report_groups')}
     WHERE created_at >= @from AND created_at < @to AND deleted_at IS NULL AND ${scope.clause}
     GROUP BY service_code, department_code, kind, channel, disposition`,
  ).all({ ...scope.params, from: window.from, to: window.to }) as PeriodGroupRow[];

  const countChannel = statement(
    db,
    `SELECT count(*) FROM cases ${indexedBy(db, 'cases_report_channel')}
     WHERE channel = @channel AND created_at >= @from AND created_at < @to AND deleted_at IS NULL AND ${scope.clause}`,
  ).pluck();
  const count = (channel: Channel, span: Window) => countChannel.get({ ...scope.params, channel, from: span.from, to: span.to }) as number;
  const present = CHANNELS.filter((channel) => groups.some((g) => g.channel === channel));

  const monthly = months.flatMap((month, index) => present.map((channel) => ({ month: index, channel, count: count(channel, month) })));
  const firstMonth = firstCaseWindows(groups, months).map((span) => ({
    channel: span.channel,
    count: present.reduce((sum, channel) => sum + count(channel, span), 0),
  }));
  // Answers per article: the article_linked events of the period, through their own partial index.
  const articles = statement(
    db,
    `SELECT json_extract(e.after, '$.articleId') AS articleId, max(json_extract(e.after, '$.title')) AS title, count(*) AS count
     FROM case_events AS e ${indexedBy(db, 'case_events_article_links')} JOIN cases ON cases.id = e.case_id
     WHERE e.type = 'article_linked' AND e.at >= @from AND e.at < @to AND cases.deleted_at IS NULL AND ${scope.clause}
     GROUP BY 1`,
  ).all({ ...scope.params, from: window.from, to: window.to }) as ArticleUseRow[];
  return { groups, monthly, firstMonth, articles };
}
