import { z } from 'zod';
import { DeskCodeSchema, IsoTimeSchema } from '../domain';
import { LocalDateSchema, ReportCaseFilterSchema, ReportSourceSchema, TimeZoneSchema } from '../domain/reports';
import { ShiftScheduleSchema } from '../domain/shift';
import { CaseSummarySchema, PageLimitSchema } from './cases';

export {
  PeriodReportSchema,
  ReportCaseFilterSchema,
  ReportScopeSchema,
  ShiftSummarySchema,
  type BreakdownRow,
  type ChannelRow,
  type CountFigure,
  type DurationStats,
  type HandleTimeRow,
  type HourRow,
  type MonthRow,
  type PeriodReport,
  type RateFigure,
  type ReportCaseFilter,
  type ReportScope,
  type ReportSource,
  type ShiftSummary,
  type TopList,
} from '../domain/reports';
export { DEFAULT_SHIFT_SCHEDULE, ShiftScheduleSchema, type Shift, type ShiftSchedule } from '../domain/shift';

const MAX_PERIOD_DAYS = 3_660;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export const ReportTopSchema = z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50');

export const ShiftScheduleViewSchema = z.object({
  schedule: ShiftScheduleSchema,
  /** The shift under way now (or the one that ended last, between shifts): the screen preselects it. */
  current: z.object({ shift: z.string(), date: LocalDateSchema, from: IsoTimeSchema, to: IsoTimeSchema }),
  timeZone: TimeZoneSchema,
  /** Whether the signed-in agent may change the schedule (leads and admins). */
  canEdit: z.boolean(),
  /** IT's machine policy sets the schedule: nobody edits it on the desk. */
  setByPolicy: z.boolean(),
});
export type ShiftScheduleView = z.infer<typeof ShiftScheduleViewSchema>;

const ShiftNameSchema = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

/** A shift by the local date it starts on and its name; both left out means the current shift. */
export const ShiftSummaryInputSchema = z
  .object({ date: LocalDateSchema.optional(), shift: ShiftNameSchema.optional(), top: ReportTopSchema.default(10) })
  .strict()
  .refine((input) => (input.date === undefined) === (input.shift === undefined), { message: 'give both date and shift, or neither for the current shift', path: ['shift'] });

const periodRange = <S extends z.ZodType<{ from: string; to: string }>>(schema: S): S =>
  schema
    .refine((input) => input.from <= input.to, { message: 'must not be after to', path: ['from'] })
    .refine((input) => dayNumber(input.to) - dayNumber(input.from) < MAX_PERIOD_DAYS, { message: 'the period must span at most 10 years', path: ['to'] });

/** Local dates, both included, in the desk's time zone. */
export const PeriodReportInputSchema = periodRange(z.object({ from: LocalDateSchema, to: LocalDateSchema, top: ReportTopSchema.default(10) }).strict());

export const ReportWindowSchema = z
  .object({ from: IsoTimeSchema, to: IsoTimeSchema })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'must be before to', path: ['from'] });

export const ReportCasesInputSchema = z
  .object({
    /** The summary's shift.from/shift.to, or the report's period.fromAt/period.toAt. */
    window: ReportWindowSchema,
    /** The summary's or report's scope, as it came (extra fields are ignored). */
    scope: z.object({ source: ReportSourceSchema, deskCodes: z.array(DeskCodeSchema).max(500).nullable() }),
    /** A figure's filter, as it came. */
    filter: ReportCaseFilterSchema,
    limit: PageLimitSchema.default(100),
    /** Opaque: the nextCursor of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const ReportCasesSchema = z.object({
  /** Newest first. A team-wide figure lists the team's cases this desk holds (as of its last sync). */
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().nullable(),
});

export const REPORT_FORMATS = ['csv', 'pdf'] as const;
const FormatSchema = z.enum(REPORT_FORMATS);

export const ExportReportInputSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('shift'), date: LocalDateSchema.optional(), shift: ShiftNameSchema.optional(), top: ReportTopSchema.default(10), format: FormatSchema })
    .strict()
    .refine((input) => (input.date === undefined) === (input.shift === undefined), { message: 'give both date and shift, or neither for the current shift', path: ['shift'] }),
  periodRange(z.object({ kind: z.literal('period'), from: LocalDateSchema, to: LocalDateSchema, top: ReportTopSchema.default(10), format: FormatSchema }).strict()),
]);

export const ExportedFileSchema = z.object({
  /** e.g. shift-2026-11-27-day.pdf, report-2022-01-01-to-2022-12-31.csv */
  fileName: z.string().min(1),
  mimeType: z.enum(['text/csv', 'application/pdf']),
  base64: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;
