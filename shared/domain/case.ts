import { z } from 'zod';
import { AnswersSchema } from './answers';
import { DeskCodeSchema } from './desk';
import { CaseKindSchema, CaseStatusSchema, ChannelSchema, DispositionSchema, PrioritySchema } from './enums';
import { IdSchema } from './ids';
import { LocationSchema } from './location';
import { ReferenceSchema } from './reference';

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number of 7 to 15 digits');

export const KnownCallerSchema = z.object({
  anonymous: z.literal(false),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  phone: PhoneSchema.optional(),
  email: z.email('must be an email address').optional(),
});
export const AnonymousCallerSchema = z.object({ anonymous: z.literal(true) });
export const CallerSchema = z.discriminatedUnion('anonymous', [KnownCallerSchema, AnonymousCallerSchema]);
export type Caller = z.infer<typeof CallerSchema>;

/** Handle time in milliseconds, owned by the intake machine's clock. */
export const HandleTimeSchema = z.object({
  talkMs: z.number().int().min(0),
  holdMs: z.number().int().min(0),
  wrapUpMs: z.number().int().min(0),
});
export type HandleTime = z.infer<typeof HandleTimeSchema>;

export const IsoTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' });

export const CaseSchema = z.object({
  id: IdSchema,
  reference: ReferenceSchema,
  deskCode: DeskCodeSchema,
  agentId: z.string().min(1),
  channel: ChannelSchema,
  kind: CaseKindSchema,
  serviceCode: z.string().min(1),
  departmentCode: z.string().min(1),
  priority: PrioritySchema,
  status: CaseStatusSchema,
  statusEpoch: z.number().int().min(0),
  statusRank: z.number().int().min(0),
  caller: CallerSchema,
  location: LocationSchema.nullable(),
  answers: AnswersSchema,
  description: z.string(),
  disposition: DispositionSchema.nullable(),
  wrapUpNote: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  handleTime: HandleTimeSchema,
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  resolvedAt: IsoTimeSchema.nullable(),
  closedAt: IsoTimeSchema.nullable(),
  /** Local row version, bumped on every change; updateCase uses it to refuse stale edits. */
  version: z.number().int().min(1),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseNoteSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  authorId: z.string().min(1),
  body: z.string(),
  createdAt: IsoTimeSchema,
});
export type CaseNote = z.infer<typeof CaseNoteSchema>;

/**
 * contact_added: another interaction about an existing case (the caller phoned again, or a second
 * resident reported the same problem) — each one raises the case's caller count. article_linked:
 * the knowledge-base article the specialist answered from.
 */
export const CASE_EVENT_TYPES = ['created', 'updated', 'status_changed', 'note_added', 'wrapped_up', 'contact_added', 'article_linked'] as const;
export const CaseEventSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  type: z.enum(CASE_EVENT_TYPES),
  actorId: z.string().min(1),
  at: IsoTimeSchema,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

/** Why an interaction was recorded on an existing case instead of opening a new one. */
export const CONTACT_REASONS = ['repeat_contact', 'duplicate_report'] as const;
export const ContactReasonSchema = z.enum(CONTACT_REASONS);
export type ContactReason = z.infer<typeof ContactReasonSchema>;

/** One more interaction about an existing case: what a contact_added event records. */
export const CaseContactSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  channel: ChannelSchema,
  caller: CallerSchema,
  reason: ContactReasonSchema,
  agentId: z.string().min(1),
  deskCode: DeskCodeSchema,
  at: IsoTimeSchema,
  handleTime: HandleTimeSchema,
});
export type CaseContact = z.infer<typeof CaseContactSchema>;

/** What the console asks for to record an interaction on an existing case; the id is the interaction's. */
export const NewContactSchema = z
  .object({ id: IdSchema, caseId: IdSchema, channel: ChannelSchema, caller: CallerSchema, reason: ContactReasonSchema, handleTime: HandleTimeSchema })
  .strict();
export type NewContact = z.infer<typeof NewContactSchema>;

/** The case it was recorded on, with its caller count now. */
export const ContactRecordedSchema = z.object({ caseId: IdSchema, reference: z.string(), callerCount: z.number().int().min(1) });
export type ContactRecorded = z.infer<typeof ContactRecordedSchema>;

/** The knowledge-base article a case was answered from: what an article_linked event records. */
export const ArticleLinkSchema = z.object({
  caseId: IdSchema,
  articleId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200),
});
export type ArticleLink = z.infer<typeof ArticleLinkSchema>;

export { PhoneSchema };

/**
 * What the intake hands to createCase. The id is the interaction's id, minted when the call began,
 * so saving the same interaction twice (a retry, a restored draft) can never create two cases.
 * Agent and desk are not part of it: main stamps them from the signed-in session.
 */
export const NewCaseSchema = z.object({
  id: IdSchema,
  channel: ChannelSchema,
  kind: CaseKindSchema,
  serviceCode: z.string().min(1, 'must name a service type'),
  priority: PrioritySchema.optional(),
  caller: CallerSchema,
  location: LocationSchema.nullable(),
  answers: AnswersSchema,
  description: z.string().max(10_000, 'must be at most 10,000 characters'),
  /** The knowledge-base article the specialist answered from, if any: recorded as an article_linked event. */
  article: z.object({ id: z.string().min(1).max(64), title: z.string().trim().min(1).max(200) }).strict().optional(),
});
export type NewCase = z.infer<typeof NewCaseSchema>;

export const WrapUpSchema = z.object({
  caseId: IdSchema,
  disposition: DispositionSchema,
  note: z.string().max(10_000, 'must be at most 10,000 characters'),
  handleTime: HandleTimeSchema,
});
export type WrapUp = z.infer<typeof WrapUpSchema>;
