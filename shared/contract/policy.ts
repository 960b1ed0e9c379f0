import { z } from 'zod';
import { DeskInfoSchema } from './desk';
import { networkOp, op, nothing } from './operation';

/** The settings a machine policy can fix; the console shows them read-only with "set by IT". */
export const POLICY_MANAGED_SETTINGS = ['server', 'deskCode', 'updates', 'shiftSchedule', 'idleLockMinutes', 'retention', 'backup', 'encryption'] as const;
export const PolicyManagedSettingSchema = z.enum(POLICY_MANAGED_SETTINGS);

/** Minutes of no input before the console locks, where the policy does not say. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export const MachinePolicyViewSchema = z.object({
  /** absent: IT deployed no policy (the desk's own settings apply); invalid: the file could not be used. */
  status: z.enum(['absent', 'valid', 'invalid']),
  path: z.string(),
  /** Each thing wrong, by where it is ("updates.channel: must be 'latest' or 'beta'"), for the banner. */
  problems: z.array(z.string()),
  managed: z.array(PolicyManagedSettingSchema),
  /** While the policy cannot be used, the desk works offline: it does not sync. */
  syncPaused: z.boolean(),
  /** The idle lock in force (the policy's, or the default); 0 means off. */
  idleLockMinutes: z.number().int().min(0),
  /** Resolved cases already on the server leave this desk after this many days; null keeps them. */
  retentionDays: z.number().int().nullable(),
});
export type MachinePolicyView = z.infer<typeof MachinePolicyViewSchema>;

export const UnlockInputSchema = z
  .object({
    /** The signed-in agent's city password, when their account has one on this desk. */
    password: z.string().max(512, 'must be at most 512 characters').optional(),
  })
  .strict();

export const policyOperations = {
  /** IT's machine policy as this desk applied it; anyone may read it, before sign-in too. */
  machinePolicy: op(nothing, MachinePolicyViewSchema, false, true),
  /** The console locks itself after the idle time (or on Alt+L); until unlocked, main answers only these three and sign-out. */
  lockConsole: op(nothing, DeskInfoSchema, true, true),
  unlockConsole: networkOp(UnlockInputSchema, DeskInfoSchema, true, true),
} as const;
