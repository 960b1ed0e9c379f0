import { z } from 'zod';
import {
  CallerSchema,
  CaseEventSchema,
  CaseKindSchema,
  CaseNoteSchema,
  CaseSchema,
  CaseStatusSchema,
  ChannelSchema,
  IdSchema,
  IsoTimeSchema,
  LocationSchema,
  PrioritySchema,
  AnswersSchema,
  PersistedIntakeSchema,
  ReferenceSchema,
} from '../domain';

const text = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString('en-CA')} characters`);
const required = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const CaseSummarySchema = z.object({
  id: IdSchema,
  reference: ReferenceSchema,
  status: CaseStatusSchema,
  kind: CaseKindSchema,
  channel: ChannelSchema,
  serviceCode: z.string(),
  departmentCode: z.string(),
  priority: PrioritySchema,
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  addressText: z.string().nullable(),
  /** The first 200 characters of the description. */
  summary: z.string(),
  createdAt: IsoTimeSchema,
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const StatusEventTypeSchema = z.enum(['OPEN', 'START_WORK', 'RESOLVE', 'CLOSE', 'REOPEN', 'CANCEL']);

/** What the lifecycle machine accepts from a person; main adds their role from the session. */
export const StatusEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('OPEN') }),
  z.object({ type: z.literal('START_WORK') }),
  z.object({ type: z.literal('RESOLVE'), note: required(10_000) }),
  z.object({ type: z.literal('CLOSE') }),
  z.object({ type: z.literal('REOPEN'), reason: required(2_000) }),
  z.object({ type: z.literal('CANCEL'), reason: required(2_000) }),
]);
export type StatusEvent = z.infer<typeof StatusEventSchema>;

export const CaseChangesSchema = z
  .object({
    kind: CaseKindSchema,
    serviceCode: z.string().min(1),
    priority: PrioritySchema,
    caller: CallerSchema,
    location: LocationSchema.nullable(),
    answers: AnswersSchema,
    description: text(10_000),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'must change at least one field' });
export type CaseChanges = z.infer<typeof CaseChangesSchema>;

export const CaseDetailSchema = z.object({
  case: CaseSchema,
  notes: z.array(CaseNoteSchema),
  events: z.array(CaseEventSchema),
  /** Status events the signed-in agent may send now, as decided by the lifecycle machine. */
  allowedStatusEvents: z.array(StatusEventTypeSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

const listOf = <T extends z.ZodType>(item: T) => z.array(item).max(20, 'must list at most 20 values').optional();

export const CaseFiltersSchema = z
  .object({
    status: listOf(CaseStatusSchema),
    channel: listOf(ChannelSchema),
    kind: listOf(CaseKindSchema),
    departmentCode: listOf(z.string().min(1)),
    serviceCode: listOf(z.string().min(1)),
    createdFrom: IsoTimeSchema.optional(),
    createdTo: IsoTimeSchema.optional(),
    text: z.string().max(200).optional(),
  })
  .strict()
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    message: 'must not be after createdTo',
    path: ['createdFrom'],
  });
export type CaseFilters = z.infer<typeof CaseFiltersSchema>;

export const PageLimitSchema = z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500');

export const DraftSchema = z.object({ id: IdSchema, persisted: PersistedIntakeSchema, updatedAt: IsoTimeSchema });
export type Draft = z.infer<typeof DraftSchema>;

export { text as maxText, required as requiredText };
