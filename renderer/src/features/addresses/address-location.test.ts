import { describe, expect, it } from 'vitest';
import { addressFlag, locationFromMatch, locationFromText } from './address-location';

describe('the location an address field sends', () => {
  it('fills id, full address and coordinates from a chosen match', () => {
    const match = { addressId: 'LETH-1', fullAddress: '123 3 Ave S', lat: 49.69, lng: -112.84, score: 1 };
    expect(locationFromMatch(match)).toEqual({ addressId: 'LETH-1', addressText: '123 3 Ave S', lat: 49.69, lng: -112.84 });
    expect(addressFlag(locationFromMatch(match), 100)).toBe('listed');
  });

  it('keeps typed text alone, flagged as not in the list', () => {
    expect(locationFromText('behind the arena')).toEqual({ addressText: 'behind the arena' });
    expect(locationFromText('   ')).toBeNull();
    expect(addressFlag({ addressText: 'behind the arena' }, 100_000)).toBe('free_text');
    expect(addressFlag({ addressText: 'behind the arena' }, 0)).toBe('no_list');
    expect(addressFlag(null, 100)).toBeNull();
  });
});
