import { z } from 'zod';

/** Where the problem is: an address from the city's list, free text, coordinates, or several of them. */
export const LocationSchema = z
  .object({
    addressId: z.string().min(1).max(64).optional(),
    addressText: z.string().trim().min(1).max(300).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), { message: 'lat and lng go together', path: ['lng'] });
export type Location = z.infer<typeof LocationSchema>;

export function hasLocation(location: Location | null | undefined): boolean {
  if (!location) return false;
  return Boolean(location.addressId || location.addressText || (location.lat !== undefined && location.lng !== undefined));
}
