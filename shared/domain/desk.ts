import { z } from 'zod';

/** A desk code is short enough to read aloud inside a reference number: a letter, then 1–5 letters or digits. */
export const DeskCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,5}$/, 'must be a capital letter followed by 1–5 capital letters or digits, like D07');
export type DeskCode = z.infer<typeof DeskCodeSchema>;

export const AgentSchema = z.object({
  id: z.string().min(1, 'must not be empty').max(64),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  role: z.enum(['specialist', 'lead', 'admin']),
});
export type Agent = z.infer<typeof AgentSchema>;
