import { z } from 'zod';
import { IsoTimeSchema } from './case';
import { DeskCodeSchema } from './desk';
import { IdSchema } from './ids';

/** A conflict the server recorded: a change that overwrote a value its writer had not seen. Leads review them. */
export const ConflictSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  reference: z.string(),
  field: z.string(),
  deskCode: DeskCodeSchema,
  mutationId: z.number().int(),
  /** What the writing desk believed the field held. */
  seen: z.unknown(),
  /** What the field actually held on the server, now overwritten. */
  overwritten: z.unknown(),
  /** What the writer put there (the value that won). */
  written: z.unknown(),
  at: IsoTimeSchema,
});
export type Conflict = z.infer<typeof ConflictSchema>;
