import { z } from 'zod';
import { AgentSchema, DeskCodeSchema, IsoTimeSchema, RoleSchema } from '../domain';
import { CaseSummarySchema } from './cases';
import { SyncStatusSchema } from './sync';

export const DeskInfoSchema = z.object({
  deskCode: DeskCodeSchema,
  timeZone: z.string(),
  agent: AgentSchema.nullable(),
  /** Local agent profiles on this desk, for the sign-in screen. */
  agents: z.array(AgentSchema),
  sync: SyncStatusSchema,
  /** The start-up integrity check of the desk database, which runs in the background. */
  integrity: z.object({ state: z.enum(['checking', 'ok', 'damaged']), message: z.string().nullable() }),
  /** Locked after the idle time: the console shows only the lock screen until the agent unlocks it. */
  locked: z.boolean(),
  /** Whether unlocking (and signing in as this agent) asks for a password: city accounts have one. */
  agentHasPassword: z.boolean(),
  /** The desktop app's updater (absent in the browser console): shown when an update is on its way or failed. */
  update: z
    .object({ state: z.enum(['off', 'idle', 'checking', 'downloading', 'ready', 'error']), message: z.string(), version: z.string().optional() })
    .nullable(),
});
export type DeskInfo = z.infer<typeof DeskInfoSchema>;

export const NewAgentSchema = z
  .object({
    name: z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be at most 80 characters'),
    role: RoleSchema,
  })
  .strict();

export const CallerMatchSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  caseCount: z.number().int().min(1),
  openCount: z.number().int().min(0),
  lastCaseAt: IsoTimeSchema,
  /** Newest first, at most five. */
  recentCases: z.array(CaseSummarySchema),
});
export type CallerMatch = z.infer<typeof CallerMatchSchema>;
