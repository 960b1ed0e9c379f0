import { z } from 'zod';

/**
 * A persisted intake: the machine's own persisted snapshot beside the version of the machine that
 * wrote it. A draft from another version is not restored (its states may mean something else).
 */
export const PersistedIntakeSchema = z.object({
  machineVersion: z.number().int().min(1),
  snapshot: z.record(z.string(), z.unknown()),
});
export type PersistedIntake = z.infer<typeof PersistedIntakeSchema>;
