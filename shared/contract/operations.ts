import { z } from 'zod';
import { AgentSchema, CaseNoteSchema, ContactRecordedSchema, NewContactSchema, CaseSchema, CatalogSchema, IdSchema, IsoTimeSchema, NewCaseSchema, PersistedIntakeSchema, WrapUpSchema } from '../domain';
import {
  CaseChangesSchema,
  CaseDetailSchema,
  CaseFiltersSchema,
  CaseSummarySchema,
  DraftSchema,
  PageLimitSchema,
  StatusEventSchema,
  requiredText,
} from './cases';
import { CallerMatchSchema, DeskInfoSchema, NewAgentSchema } from './desk';
import { PasswordSignInSchema, SyncConflictSchema, SyncSettingsInputSchema, SyncSettingsSchema, SyncStatusSchema } from './sync';
import { addressOperations } from './addresses';
import { kbOperations } from './kb';
import { duplicateOperations } from './duplicates';
import { policyOperations } from './policy';
import { networkOp, nothing, op, type Operation } from './operation';
import {
  ExportedFileSchema,
  ExportReportInputSchema,
  PeriodReportInputSchema,
  PeriodReportSchema,
  ReportCasesInputSchema,
  ReportCasesSchema,
  ShiftScheduleSchema,
  ShiftScheduleViewSchema,
  ShiftSummaryInputSchema,
  ShiftSummarySchema,
} from './reports';

/**
 * The console API: every operation the renderer may ask main for, named once. The Electron IPC
 * bridge, the preload and the HTTP host are all generated from this table.
 */
export const consoleApi = {
  deskInfo: op(nothing, DeskInfoSchema, false, true),
  createAgent: op(NewAgentSchema, AgentSchema, true, true),
  signIn: op(z.object({ agentId: z.string().min(1, 'must name an agent') }).strict(), DeskInfoSchema, true, true),
  signOut: op(nothing, DeskInfoSchema, true, true),
  catalog: op(nothing, CatalogSchema, false, true),
  findCallers: op(
    z.object({ query: requiredText(100) }).strict(),
    z.object({ callers: z.array(CallerMatchSchema) }),
    false,
  ),
  createCase: op(NewCaseSchema, CaseSchema, true),
  getCase: op(z.object({ id: IdSchema }).strict(), CaseDetailSchema, false),
  updateCase: op(
    z.object({ id: IdSchema, expectedVersion: z.number().int().min(1), changes: CaseChangesSchema }).strict(),
    CaseSchema,
    true,
  ),
  transitionCase: op(
    z.object({ id: IdSchema, expectedVersion: z.number().int().min(1).optional(), event: StatusEventSchema }).strict(),
    CaseSchema,
    true,
  ),
  /**
   * Records this interaction on an existing case instead of opening another: the caller again about
   * an open case, or a second report of the same problem. The id is the interaction's.
   */
  addContact: op(NewContactSchema, ContactRecordedSchema, true),
  addNote: op(z.object({ caseId: IdSchema, body: requiredText(10_000) }).strict(), CaseNoteSchema, true),
  wrapUpCase: op(WrapUpSchema.strict(), CaseSchema, true),
  searchCases: op(
    z.object({ query: requiredText(200), limit: PageLimitSchema.default(50) }).strict(),
    z.object({ items: z.array(CaseSummarySchema) }),
    false,
  ),
  listCases: op(
    z
      .object({
        filters: CaseFiltersSchema.default({}),
        limit: PageLimitSchema.default(100),
        /** Opaque: the nextCursor of the previous page. */
        cursor: z.string().max(200).optional(),
      })
      .strict(),
    z.object({
      items: z.array(CaseSummarySchema),
      nextCursor: z.string().nullable(),
      /** Exact, or — for a broad search — a lower bound (totalIsExact false: "1,000+"). */
      total: z.number().int().min(0),
      totalIsExact: z.boolean(),
    }),
    false,
  ),
  saveDraft: op(z.object({ id: IdSchema, persisted: PersistedIntakeSchema }).strict(), z.object({ savedAt: IsoTimeSchema }), true),
  restoreDraft: op(nothing, z.object({ draft: DraftSchema.nullable() }), false),
  discardDraft: op(z.object({ id: IdSchema }).strict(), z.object({ discarded: z.boolean() }), true),
  syncStatus: op(nothing, SyncStatusSchema, false, true),
  syncNow: networkOp(nothing, SyncStatusSchema, true, true),
  getSyncSettings: op(nothing, SyncSettingsSchema, false, true),
  /** Before anyone signs in only while the desk has no settings; afterwards a lead or admin changes them. */
  setSyncSettings: networkOp(SyncSettingsInputSchema, SyncSettingsSchema, true, true),
  /** Central account sign-in: against the server when it answers, else against this desk's saved verifier. */
  signInWithPassword: networkOp(PasswordSignInSchema, DeskInfoSchema, true, true),
  /** Conflicts recorded by the server, for leads signed in with their central account. */
  syncConflicts: networkOp(nothing, z.object({ conflicts: z.array(SyncConflictSchema) }), false),
  /** The centre's shifts and the one under way now; anyone signed in may read them. */
  getShiftSchedule: op(nothing, ShiftScheduleViewSchema, false),
  /** Leads and admins only. */
  setShiftSchedule: op(ShiftScheduleSchema, ShiftScheduleViewSchema, true),
  /** Leads: the team from the server when it answers, else this desk's cases; specialists: their own (scope.source says which). */
  shiftSummary: networkOp(ShiftSummaryInputSchema, ShiftSummarySchema, false),
  /** Leads and admins: any range of local dates, team-wide from the server when it answers. */
  periodReport: networkOp(PeriodReportInputSchema, PeriodReportSchema, false),
  /** Drill-down: the cases behind one figure of a summary or report, newest first. */
  reportCases: op(ReportCasesInputSchema, ReportCasesSchema, false),
  /** A shift summary or period report as a CSV or print-ready PDF file. */
  exportReport: networkOp(ExportReportInputSchema, ExportedFileSchema, false),
  ...kbOperations,
  ...addressOperations,
  ...duplicateOperations,
  ...policyOperations,
} as const satisfies Record<string, Operation>;

export type ConsoleApi = typeof consoleApi;
export type OperationName = keyof ConsoleApi;
export type OperationInput<K extends OperationName> = z.input<ConsoleApi[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<ConsoleApi[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<ConsoleApi[K]['output']>;

/** Operations whose result arrives as a promise: every bridge awaits them. */
export type AsyncOperationName = { [K in OperationName]: ConsoleApi[K]['async'] extends true ? K : never }[OperationName];

export const OPERATION_NAMES = Object.keys(consoleApi) as OperationName[];

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(consoleApi, name);
