import { z } from 'zod';
import { IsoTimeSchema } from '../../shared/domain';
import { LocalDateSchema, PeriodReportSchema, ShiftSummarySchema, TimeZoneSchema } from '../../shared/domain/reports';
import type { Route } from '../http/router';
import { serverPeriodReport } from '../reports/server-period';
import { serverShiftSummary } from '../reports/server-shift';
import { serverLabels, teamScope } from '../reports/team-scope';
import type { RouteDeps } from './deps';

const MAX_SHIFT_MS = 48 * 3_600_000;
const MAX_PERIOD_DAYS = 3_660;
const Top = z.coerce.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(10);

/** A shift is asked for by its instants; its name and date only label the answer. */
const ShiftQuerySchema = z
  .object({ from: IsoTimeSchema, to: IsoTimeSchema, timeZone: TimeZoneSchema.default('UTC'), name: z.string().trim().min(1).max(40).optional(), date: LocalDateSchema.optional(), top: Top })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be before to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SHIFT_MS, { message: 'a shift spans at most 48 hours; use /reports/period for longer', path: ['to'] });

/** A period is local dates, both included, in the centre's time zone. */
const PeriodQuerySchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema, timeZone: TimeZoneSchema.default('UTC'), top: Top })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_PERIOD_DAYS, { message: 'the period must span at most 10 years', path: ['to'] });

/** Team reports for leads (their team's desks) and admins (every desk of the city); specialists get 403. */
export const reportRoutes = ({ db }: RouteDeps): Route[] => [
  {
    method: 'GET',
    path: '/reports/shift',
    async handle(ctx) {
      const user = ctx.requireUser(['lead', 'admin']);
      const query = ctx.query(ShiftQuerySchema);
      const scope = await teamScope(db, user);
      const summary = await serverShiftSummary(db, user.tenant, scope, await serverLabels(db, user.tenant), {
        window: { from: Date.parse(query.from), to: Date.parse(query.to) },
        shift: query.name && query.date ? { name: query.name, date: query.date } : null,
        timeZone: query.timeZone,
        top: query.top,
        now: Date.now(),
      });
      return { body: summary satisfies z.infer<typeof ShiftSummarySchema> };
    },
  },
  {
    method: 'GET',
    path: '/reports/period',
    async handle(ctx) {
      const user = ctx.requireUser(['lead', 'admin']);
      const query = ctx.query(PeriodQuerySchema);
      const scope = await teamScope(db, user);
      const report = await serverPeriodReport(db, user.tenant, scope, await serverLabels(db, user.tenant), { ...query, now: Date.now() });
      return { body: report satisfies z.infer<typeof PeriodReportSchema> };
    },
  },
];
