import { z } from 'zod';
import { IsoTimeSchema } from '../case';
import { CaseKindSchema, ChannelSchema } from '../enums';
import { LocalDateSchema, MonthKeySchema, TimeZoneSchema } from './calendar';

/**
 * What shift summaries and period reports look like, on the desk and on the server's wire alike.
 * Every figure carries `filter`: the drill-down that lists exactly the cases it counts, relative to
 * the report's window (reportCases takes it back with the window and the scope).
 */

const present = (filter: Record<string, unknown>) => Object.values(filter).filter((v) => v !== undefined).length;

export const ReportCaseFilterSchema = z
  .object({
    channel: ChannelSchema,
    kind: CaseKindSchema,
    departmentCode: z.string().min(1).max(64),
    serviceCode: z.string().min(1).max(64),
    agentId: z.string().min(1).max(64),
    /** true: disposition counts as first-contact resolution; false: wrapped up with any other disposition. */
    firstContact: z.boolean(),
    /** Created in the window and not cancelled. */
    opened: z.literal(true),
    /** Resolved or closed in the window, whenever created. */
    resolved: z.literal(true),
    /** Still open at the window's end (or now, for a shift under way). */
    openAtEnd: z.literal(true),
    /** Service requests resolved late in the window, or open and overdue at its end. */
    slaBreached: z.literal(true),
    /** Hour of a shift counted from its start (0 = its first hour). */
    hour: z.number().int().min(0).max(47),
    month: MonthKeySchema,
  })
  .partial()
  .strict()
  .refine((filter) => present(filter) <= 1, { message: 'must filter on at most one dimension' });
export type ReportCaseFilter = z.infer<typeof ReportCaseFilterSchema>;

export const REPORT_SOURCES = ['team', 'desk', 'own'] as const;
export const ReportSourceSchema = z.enum(REPORT_SOURCES);
export type ReportSource = z.infer<typeof ReportSourceSchema>;

/** Whose cases the figures count, and why (a sentence the screen shows as is). */
export const ReportScopeSchema = z.object({
  /** team: every desk of the team, from the sync server; desk: this desk's own cases; own: the signed-in specialist's. */
  source: ReportSourceSchema,
  team: z.string().nullable(),
  /** The desks counted (team and desk); null for `own`, which counts the agent's cases on any desk. */
  deskCodes: z.array(z.string()).nullable(),
  agentId: z.string().nullable(),
  note: z.string(),
});
export type ReportScope = z.infer<typeof ReportScopeSchema>;

const count = z.number().int().min(0);
const share = z.number().min(0).max(1);

export const CountFigureSchema = z.object({ count, filter: ReportCaseFilterSchema });
export type CountFigure = z.infer<typeof CountFigureSchema>;

export const BreakdownRowSchema = z.object({ key: z.string(), label: z.string(), count, share, filter: ReportCaseFilterSchema });
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

/** The top rows, and what the rest add up to. */
export const TopListSchema = z.object({ rows: z.array(BreakdownRowSchema), others: z.object({ count, items: count }) });
export type TopList = z.infer<typeof TopListSchema>;

export const RateFigureSchema = z.object({
  /** Cases whose disposition counts as resolved on first contact. */
  count,
  /** Cases wrapped up with any disposition: the rate's denominator. */
  of: count,
  rate: share.nullable(),
  filter: ReportCaseFilterSchema,
  /** The wrapped-up cases that were not resolved on first contact. */
  missedFilter: ReportCaseFilterSchema,
});
export type RateFigure = z.infer<typeof RateFigureSchema>;

const ms = z.number().int().min(0).nullable();
export const DurationStatsSchema = z.object({ mean: ms, median: ms, p90: ms });

export const HandleTimeRowSchema = z.object({
  key: z.union([CaseKindSchema, z.literal('all')]),
  label: z.string(),
  /** The shift's cases of this kind (what the filter lists). */
  count,
  /** Those with handle time recorded (talk, hold or wrap-up above zero): the statistics are over these. */
  timed: count,
  talk: DurationStatsSchema,
  hold: DurationStatsSchema,
  wrapUp: DurationStatsSchema,
  filter: ReportCaseFilterSchema,
});
export type HandleTimeRow = z.infer<typeof HandleTimeRowSchema>;

export const BacklogSchema = z.object({
  count,
  oldestCreatedAt: IsoTimeSchema.nullable(),
  /** Age of the oldest open case at the shift's end (or now, while the shift is under way). */
  oldestAgeMs: ms,
  /** Open service requests already past their SLA then (also counted in slaBreaches). */
  overdue: count,
  filter: ReportCaseFilterSchema,
});

export const SlaBreachesSchema = z.object({ count, resolvedLate: count, openOverdue: count, filter: ReportCaseFilterSchema });

export const HourRowSchema = z.object({ hour: count, from: IsoTimeSchema, to: IsoTimeSchema, label: z.string(), count, filter: ReportCaseFilterSchema });
export type HourRow = z.infer<typeof HourRowSchema>;

export const ShiftSummarySchema = z.object({
  shift: z.object({
    /** null when the window was asked for by instants (the server's GET /reports/shift without a name). */
    name: z.string().nullable(),
    date: LocalDateSchema.nullable(),
    from: IsoTimeSchema,
    to: IsoTimeSchema,
    hours: z.number().min(0),
  }),
  timeZone: TimeZoneSchema,
  /** The shift's end, or now while it is under way: backlog and overdue are measured then. */
  asOf: IsoTimeSchema,
  generatedAt: IsoTimeSchema,
  scope: ReportScopeSchema,
  top: z.number().int().min(1),
  interactions: CountFigureSchema,
  byChannel: z.array(BreakdownRowSchema),
  byKind: z.array(BreakdownRowSchema),
  byDepartment: z.array(BreakdownRowSchema),
  topServiceTypes: TopListSchema,
  byAgent: z.array(BreakdownRowSchema),
  handleTime: z.array(HandleTimeRowSchema),
  firstContact: RateFigureSchema,
  opened: CountFigureSchema,
  resolved: CountFigureSchema,
  backlog: BacklogSchema,
  slaBreaches: SlaBreachesSchema,
  perHour: z.array(HourRowSchema),
});
export type ShiftSummary = z.infer<typeof ShiftSummarySchema>;

export const MonthRowSchema = z.object({
  month: MonthKeySchema,
  label: z.string(),
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  count,
  byChannel: z.record(ChannelSchema, count),
  filter: ReportCaseFilterSchema,
});
export type MonthRow = z.infer<typeof MonthRowSchema>;

export const ChannelRowSchema = BreakdownRowSchema.extend({
  firstCaseAt: IsoTimeSchema.nullable(),
  /** Interactions of every channel since this channel's first case, and its share of them (a channel launched mid-period). */
  sinceFirstCase: z.object({ total: count, share }).nullable(),
});
export type ChannelRow = z.infer<typeof ChannelRowSchema>;

export const PeriodReportSchema = z.object({
  period: z.object({ from: LocalDateSchema, to: LocalDateSchema, fromAt: IsoTimeSchema, toAt: IsoTimeSchema, days: z.number().int().min(1) }),
  timeZone: TimeZoneSchema,
  generatedAt: IsoTimeSchema,
  scope: ReportScopeSchema,
  top: z.number().int().min(1),
  total: CountFigureSchema,
  information: CountFigureSchema,
  serviceRequests: CountFigureSchema,
  byKind: z.array(BreakdownRowSchema),
  byDepartment: TopListSchema,
  topServiceTypes: TopListSchema,
  byMonth: z.array(MonthRowSchema),
  busiestMonth: z.object({ month: MonthKeySchema, label: z.string(), count }).nullable(),
  byChannel: z.array(ChannelRowSchema),
  firstContact: RateFigureSchema,
  /** Cases answered from each knowledge-base article (their article_linked events in the period), most used first, top N. */
  answeredFromArticles: z.array(z.object({ articleId: z.string(), title: z.string(), count })),
});
export type PeriodReport = z.infer<typeof PeriodReportSchema>;
