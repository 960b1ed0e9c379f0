import type { AddressMatch } from '../../../../shared/contract/addresses';
import type { Location } from '../../../../shared/domain';

/** A chosen address fills the whole location: the list's id, its full address and its coordinates. */
export const locationFromMatch = (match: AddressMatch): Location => ({ addressId: match.addressId, addressText: match.fullAddress, lat: match.lat, lng: match.lng });

/** Typing replaces any chosen address: what is typed is free text until a match is chosen again. */
export const locationFromText = (text: string): Location | null => (text.trim() === '' ? null : { addressText: text });

export type AddressFlag = 'listed' | 'free_text' | 'no_list' | null;

/**
 * What the field tells the specialist about the location: in the city's list, free text the
 * list does not hold (flagged, still allowed), or free text on a desk that has no list yet.
 */
export function addressFlag(location: Location | null, listSize: number | null): AddressFlag {
  if (!location) return null;
  if (location.addressId) return 'listed';
  if (!location.addressText) return null;
  return listSize === 0 ? 'no_list' : 'free_text';
}

export const FLAG_TEXT: Record<Exclude<AddressFlag, null>, string> = {
  listed: 'In the city’s address list',
  free_text: 'Not in the city’s address list — kept as typed',
  no_list: 'This desk has no address list yet — kept as typed',
};
