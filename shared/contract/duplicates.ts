import { z } from 'zod';
import { hasLocation, IdSchema, LocationSchema } from '../domain';
import { CaseSummarySchema } from './cases';
import { op, type Operation } from './operation';

export const DuplicateCheckInputSchema = z
  .object({
    serviceCode: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
    location: LocationSchema.refine(hasLocation, { message: 'give an address or coordinates' }),
    /** The case being edited, which must not be offered as its own duplicate. */
    excludeCaseId: IdSchema.optional(),
  })
  .strict();

/** An open case that may be the same problem, and why it was found. */
export const DuplicateCandidateSchema = CaseSummarySchema.extend({
  /** Whole metres from the location asked about; null when the case was found by its address alone. */
  distanceMetres: z.number().int().min(0).nullable(),
  /** Same address id, or the same address text when the location has no id. */
  sameAddress: z.boolean(),
  /** Residents who reported it: its first caller and every one linked to it since. */
  callerCount: z.number().int().min(1),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;

export const DuplicateCheckSchema = z.object({
  /** Same address first, then nearest; newest first among equals. At most ten. */
  items: z.array(DuplicateCandidateSchema).max(10),
  /** The rule the type's check used, so the screen can say what "near" meant. */
  rule: z.object({ radiusMetres: z.number().int().min(1).nullable(), windowDays: z.number().int().min(1) }),
});
export type DuplicateCheck = z.infer<typeof DuplicateCheckSchema>;

/** The duplicate check's console operations (spread into consoleApi). */
export const duplicateOperations = {
  /** Open cases of the same service type near a location or at its address, while the call is taken. */
  findDuplicates: op(DuplicateCheckInputSchema, DuplicateCheckSchema, false),
} as const satisfies Record<string, Operation>;
