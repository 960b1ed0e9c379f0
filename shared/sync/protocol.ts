import { z } from 'zod';
import { CaseEventSchema, CaseNoteSchema, CaseSchema, ConflictSchema, DeskCodeSchema, IdSchema, IsoTimeSchema, RoleSchema } from '../domain';
import { MUTATION_SCHEMA_VERSION, MutationSchema } from './mutations';

/**
 * The desk ⇄ server sync protocol (docs/sync-protocol.md). Every message that crosses the wire is
 * one of these schemas; both ends parse with them, so nothing is declared twice.
 */

/** The server accepts mutations of this schema version and the one before; anything else is `update_required`. */
export const ACCEPTED_SCHEMA_VERSIONS = [MUTATION_SCHEMA_VERSION - 1, MUTATION_SCHEMA_VERSION].filter((v) => v >= 1);
export const PUSH_BATCH_MAX = 1000;
export const PULL_PAGE_MAX = 5000;
/** A request body larger than this is refused with 413 before it is parsed. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

// ── auth ────────────────────────────────────────────────────────────────────────────────────────

export const SignInRequestSchema = z.object({
  tenant: z.string().trim().min(1).max(64),
  username: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const ServerUserSchema = z.object({
  id: IdSchema,
  tenant: z.string(),
  team: z.string().nullable(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
});
export type ServerUser = z.infer<typeof ServerUserSchema>;

export const SignInResponseSchema = z.object({ token: z.string(), expiresAt: IsoTimeSchema, user: ServerUserSchema });
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

export const DeskSignInRequestSchema = z.object({
  tenant: z.string().trim().min(1).max(64),
  deskCode: DeskCodeSchema,
  deskSecret: z.string().min(16).max(256),
});
export type DeskSignInRequest = z.infer<typeof DeskSignInRequestSchema>;
export const DeskSignInResponseSchema = z.object({ token: z.string(), expiresAt: IsoTimeSchema, deskCode: DeskCodeSchema, team: z.string().nullable() });
export type DeskSignInResponse = z.infer<typeof DeskSignInResponseSchema>;

// ── push ────────────────────────────────────────────────────────────────────────────────────────

/** One outbox row on the wire: the mutation, its per-desk id, and the audit event the desk recorded with it. */
export const PushedMutationSchema = z.object({
  mutationId: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  /** Desk clock, informational only: the server never orders by it. */
  createdAt: z.number().int(),
  mutation: MutationSchema,
  event: CaseEventSchema.nullable(),
});
export type PushedMutation = z.infer<typeof PushedMutationSchema>;

export const PushRequestSchema = z.object({
  deskCode: DeskCodeSchema,
  schemaVersion: z.number().int().min(1),
  mutations: z.array(PushedMutationSchema).min(1).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PUSH_OUTCOMES = ['applied', 'duplicate', 'rejected'] as const;
export const PushResultSchema = z.object({
  mutationId: z.number().int(),
  outcome: z.enum(PUSH_OUTCOMES),
  /** Why a mutation was rejected (permanently; its id still advances). */
  reason: z.string().optional(),
  conflicts: z.number().int().min(0).default(0),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.object({
  /** Highest mutation id of this desk the server has applied or rejected; the desk drops its outbox up to here. */
  lastMutationId: z.number().int().min(0),
  results: z.array(PushResultSchema),
  /** Set when the batch skipped ids: the server stopped before this id and applied nothing from it on. */
  gapAt: z.number().int().nullable(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

// ── pull ────────────────────────────────────────────────────────────────────────────────────────

/** A case as the server holds it: the desk's fields without its local row version. */
export const SyncedCaseSchema = CaseSchema.omit({ version: true });
export type SyncedCase = z.infer<typeof SyncedCaseSchema>;

export const SyncRowSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case'), version: z.number().int().min(1), deleted: z.boolean(), case: SyncedCaseSchema }),
  z.object({ type: z.literal('note'), version: z.number().int().min(1), note: CaseNoteSchema }),
  z.object({ type: z.literal('event'), version: z.number().int().min(1), event: CaseEventSchema }),
]);
export type SyncRow = z.infer<typeof SyncRowSchema>;

export const PullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0),
  /** 0: no rows, only the desk's last applied mutation id (what a restored or new desk asks before pushing). */
  limit: z.coerce.number().int().min(0).max(PULL_PAGE_MAX).default(PULL_PAGE_MAX),
  /** The desk's mutation schema version; a desk too old to send it is version 1. */
  schema: z.coerce.number().int().min(1).default(1),
});

/** Event types a desk of an older schema version cannot store: the server leaves them out of its pulls (they change no case). */
export const EVENT_TYPES_SINCE: Readonly<Record<string, number>> = { contact_added: 2, article_linked: 2 };
export const PullResponseSchema = z.object({
  rows: z.array(SyncRowSchema),
  /** Pass back as `cursor` next time; never lower than the cursor sent. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** This desk's last applied (or rejected) mutation id: outbox rows up to it are acknowledged. */
  lastMutationId: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ── digest and conflicts ────────────────────────────────────────────────────────────────────────

export const DigestResponseSchema = z.object({
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  cases: z.number().int().min(0),
  notes: z.number().int().min(0),
  events: z.number().int().min(0),
});
export type DigestResponse = z.infer<typeof DigestResponseSchema>;

/** Conflicts are a domain record (shared/domain/conflict.ts), listed on the wire as they are. */
export { ConflictSchema, type Conflict } from '../domain';
export const ConflictListSchema = z.object({ conflicts: z.array(ConflictSchema) });

// ── errors ──────────────────────────────────────────────────────────────────────────────────────

export const SYNC_ERROR_CODES = ['invalid_input', 'unauthorized', 'forbidden', 'not_found', 'update_required', 'too_large', 'conflict', 'internal'] as const;
export const SyncErrorSchema = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;
export const HTTP_STATUS_OF_SYNC_ERROR: Record<(typeof SYNC_ERROR_CODES)[number], number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  update_required: 426,
  too_large: 413,
  conflict: 409,
  internal: 500,
};
