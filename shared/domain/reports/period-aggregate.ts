import { CASE_KINDS, CHANNELS, type CaseKind, type Channel } from '../enums';
import type { MonthWindow, Window } from './calendar';
import { fixedRows, Tally, topList } from './breakdown';
import { CHANNEL_LABELS, isFirstContact, KIND_LABELS, type ReportLabels } from './labels';
import type { ChannelRow, PeriodReport, ReportScope } from './report-schemas';
import { rateOf, shareOf } from './stats';

/**
 * The period report as one pure function over grouped counts (a year is a million cases: the
 * database groups them, desk and server alike, and this folds the groups into figures).
 */

/** Cases of the period with the same service type, department, kind, channel and disposition. */
export interface PeriodGroupRow {
  serviceCode: string;
  departmentCode: string;
  kind: CaseKind;
  channel: Channel;
  disposition: string | null;
  count: number;
  /** The group's earliest created_at, epoch ms. */
  firstAt: number;
}

/** Cases of one channel in one month (index into the period's months). */
export interface MonthChannelCount {
  month: number;
  channel: Channel;
  count: number;
}

/** Cases of every channel from a channel's first case to the end of that case's month (see firstCaseWindows). */
export interface FirstMonthCount {
  channel: Channel;
  count: number;
}

/** Article links in the period, counted per article (title as recorded at the time). */
export interface ArticleUseRow {
  articleId: string;
  title: string;
  count: number;
}

export interface PeriodFacts {
  groups: readonly PeriodGroupRow[];
  monthly: readonly MonthChannelCount[];
  firstMonth: readonly FirstMonthCount[];
  articles: readonly ArticleUseRow[];
}

const mostUsed = (rows: readonly ArticleUseRow[], top: number): ArticleUseRow[] =>
  [...rows].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)).slice(0, top).map(({ articleId, title, count }) => ({ articleId, title, count }));

export interface PeriodContext {
  period: { from: string; to: string };
  window: Window;
  months: readonly MonthWindow[];
  timeZone: string;
  generatedAt: number;
  top: number;
  scope: ReportScope;
  labels: ReportLabels;
}

/** Each channel's first case in the period, from the groups. */
export function firstCases(groups: readonly PeriodGroupRow[]): Map<Channel, number> {
  const first = new Map<Channel, number>();
  for (const g of groups) {
    const seen = first.get(g.channel);
    if (seen === undefined || g.firstAt < seen) first.set(g.channel, g.firstAt);
  }
  return first;
}

const monthIndexOf = (months: readonly MonthWindow[], at: number): number => months.findIndex((m) => m.from <= at && at < m.to);

/**
 * The windows whose case counts (all channels) the caller must supply as `firstMonth`: from each
 * channel's first case to the end of its month. Whole later months come from `monthly`.
 */
export function firstCaseWindows(groups: readonly PeriodGroupRow[], months: readonly MonthWindow[]): { channel: Channel; from: number; to: number }[] {
  return [...firstCases(groups)].flatMap(([channel, at]) => {
    const month = months[monthIndexOf(months, at)];
    return month ? [{ channel, from: at, to: month.to }] : [];
  });
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

export function buildPeriodReport(facts: PeriodFacts, context: PeriodContext): PeriodReport {
  const { labels, months, top } = context;
  const kinds = new Tally();
  const channels = new Tally();
  const departments = new Tally();
  const services = new Tally();
  let firstContact = 0;
  let wrappedUp = 0;
  for (const g of facts.groups) {
    kinds.add(g.kind, g.count);
    channels.add(g.channel, g.count);
    departments.add(g.departmentCode, g.count);
    services.add(g.serviceCode, g.count);
    if (g.disposition !== null) wrappedUp += g.count;
    if (isFirstContact(g.disposition)) firstContact += g.count;
  }
  const total = [...kinds.counts.values()].reduce((sum, n) => sum + n, 0);
  const perMonth = months.map(() => ({ total: 0, byChannel: { phone: 0, walk_in: 0, chat: 0 } satisfies Record<Channel, number> }));
  for (const m of facts.monthly) {
    const month = perMonth[m.month];
    if (!month) continue;
    month.total += m.count;
    month.byChannel[m.channel] += m.count;
  }
  const byMonth = months.map((m, i) => ({
    month: m.month,
    label: m.label,
    from: iso(m.from),
    to: iso(m.to),
    count: perMonth[i]!.total,
    byChannel: perMonth[i]!.byChannel,
    filter: { month: m.month },
  }));
  const busiest = byMonth.reduce<(typeof byMonth)[number] | null>((best, m) => (m.count > (best?.count ?? 0) ? m : best), null);

  const first = firstCases(facts.groups);
  const byChannel = fixedRows(CHANNELS, channels, { total, label: (k) => CHANNEL_LABELS[k as Channel], filter: (k) => ({ channel: k as Channel }) }).map(
    (row): ChannelRow => {
      const channel = row.key as Channel;
      const firstAt = first.get(channel);
      if (firstAt === undefined) return { ...row, firstCaseAt: null, sinceFirstCase: null };
      const month = monthIndexOf(months, firstAt);
      const partial = facts.firstMonth.find((f) => f.channel === channel)?.count ?? 0;
      const later = perMonth.slice(month + 1).reduce((sum, m) => sum + m.total, 0);
      const since = partial + later;
      return { ...row, firstCaseAt: iso(firstAt), sinceFirstCase: { total: since, share: shareOf(row.count, since) } };
    },
  );

  return {
    period: {
      from: context.period.from,
      to: context.period.to,
      fromAt: iso(context.window.from),
      toAt: iso(context.window.to),
      days: Math.round((context.window.to - context.window.from) / DAY),
    },
    timeZone: context.timeZone,
    generatedAt: iso(context.generatedAt),
    scope: context.scope,
    top,
    total: { count: total, filter: {} },
    information: { count: kinds.get('information'), filter: { kind: 'information' } },
    serviceRequests: { count: kinds.get('service_request'), filter: { kind: 'service_request' } },
    byKind: fixedRows(CASE_KINDS, kinds, { total, label: (k) => KIND_LABELS[k as CaseKind], filter: (k) => ({ kind: k as CaseKind }) }),
    byDepartment: topList(departments, top, { total, label: labels.department, filter: (k) => ({ departmentCode: k }) }),
    topServiceTypes: topList(services, top, { total, label: labels.service, filter: (k) => ({ serviceCode: k }) }),
    byMonth,
    busiestMonth: busiest ? { month: busiest.month, label: busiest.label, count: busiest.count } : null,
    byChannel,
    firstContact: { count: firstContact, of: wrappedUp, rate: rateOf(firstContact, wrappedUp), filter: { firstContact: true }, missedFilter: { firstContact: false } },
    answeredFromArticles: mostUsed(facts.articles, top),
  };
}
