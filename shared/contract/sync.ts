import { z } from 'zod';
import { DeskCodeSchema, IsoTimeSchema } from '../domain';

/** The desk's sync, as the header's indicator and the sync panel show it. */
export const SyncStatusSchema = z.object({
  /** One word for the indicator; the flags below say the same in detail. */
  state: z.enum(['offline', 'connecting', 'online', 'syncing', 'error', 'update_required']),
  /** Whether this desk has a server, tenant and desk secret to sync with. */
  configured: z.boolean(),
  online: z.boolean(),
  syncing: z.boolean(),
  pendingMutations: z.number().int().min(0),
  lastSuccessAt: IsoTimeSchema.nullable(),
  lastError: z.string().nullable(),
  /** Changes of this desk that overwrote a value its writer had not seen (leads review them). */
  conflicts: z.number().int().min(0),
  /** The server no longer accepts this version: sync has stopped until CivicDesk is updated. */
  updateRequired: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

const ServerUrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// address, like https://sync.example.city' })
  .max(500, 'must be at most 500 characters');

export const SyncSettingsInputSchema = z
  .object({
    serverUrl: ServerUrlSchema,
    tenant: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
    /** Only while this desk has not minted a reference: afterwards its code is fixed. */
    deskCode: DeskCodeSchema.optional(),
    deskSecret: z.string().min(16, 'must be at least 16 characters (IT gives it with the desk code)').max(256, 'must be at most 256 characters'),
  })
  .strict();

/** The settings as the console may read them: never the desk secret itself. */
export const SyncSettingsSchema = z.object({
  serverUrl: z.string().nullable(),
  tenant: z.string().nullable(),
  deskCode: DeskCodeSchema,
  deskSecretSet: z.boolean(),
  /** Fields IT's machine policy fixes: the form shows them read-only, and main refuses other values. */
  setByPolicy: z.array(z.enum(['serverUrl', 'tenant', 'deskCode'])),
});
export type SyncSettingsView = z.infer<typeof SyncSettingsSchema>;

export const PasswordSignInSchema = z
  .object({
    username: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  })
  .strict();

/** A recorded conflict, as the server's GET /sync/conflicts lists it for leads (one schema, in shared/domain). */
export { ConflictSchema as SyncConflictSchema, type Conflict as SyncConflict } from '../domain';
