import { z } from 'zod';
import { op, type Operation } from './operation';

export const AddressMatchSchema = z.object({
  addressId: z.string(),
  fullAddress: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** 1 for every word, number and unit matched exactly; lower for abbreviations, typos and missing words. */
  score: z.number().min(0).max(1),
});
export type AddressMatch = z.infer<typeof AddressMatchSchema>;

export const AddressLookupSchema = z.object({
  /** Best first. */
  matches: z.array(AddressMatchSchema),
  /** How many addresses this desk holds: 0 means the city's list has not reached it yet. */
  listSize: z.number().int().min(0),
});
export type AddressLookup = z.infer<typeof AddressLookupSchema>;

/** The address list's console operations (spread into consoleApi). */
export const addressOperations = {
  /** Matches what the specialist is typing against the city's address list on this desk, offline. */
  lookupAddress: op(
    z.object({ query: z.string().max(200, 'must be at most 200 characters'), limit: z.number().int().min(1).max(20).default(8) }).strict(),
    AddressLookupSchema,
    false,
  ),
} as const satisfies Record<string, Operation>;
