import { describe, expect, it } from 'vitest';
import { readAddressQuery } from './address-query';
import { canonicalCivic, canonicalUnit, streetKey } from './address-tokens';
import { tokenQuality, typoDistance } from './street-match';

const first = (text: string) => {
  const [reading] = readAddressQuery(text);
  return reading && { civic: reading.civic, unit: reading.unit, street: reading.street.join(' ') };
};

describe('canonical address words', () => {
  it('reduces types, directionals, ordinals and hyphenated names to one spelling', () => {
    expect(streetKey('Mayor Magrath Drive South')).toBe('mayor magrath dr s');
    expect(streetKey('3rd Avenue North East')).toBe('3 ave ne');
    expect(streetKey('Whoop-Up Dr. W.')).toBe('whoop up dr w');
    expect(streetKey('Third Ave S')).toBe('3 ave s');
    expect(canonicalCivic('0123A')).toBe('123a');
    expect(canonicalUnit('Unit #04')).toBe('4');
  });
});

describe('reading a typed address', () => {
  it('finds the unit in every usual form', () => {
    for (const typed of ['unit 4 123 Main St', '#4 123 Main St', 'apt 4, 123 Main St', '4-123 Main St', '123 Main St unit 4', '123 Main St #4', 'Suite 4 123 main street']) {
      expect(first(typed)).toEqual({ civic: '123', unit: '4', street: 'main st' });
    }
    expect(first('apt E, 326 32 ave north')).toEqual({ civic: '326', unit: 'e', street: '32 ave n' });
  });

  it('reads "4 123 Main St" as a unit, but "123 4 Ave S" as a numbered avenue', () => {
    expect(first('4 123 Main St')).toEqual({ civic: '123', unit: '4', street: 'main st' });
    expect(first('123 4 Ave S')).toEqual({ civic: '123', unit: null, street: '4 ave s' });
  });

  it('also reads a leading number as the street when there may be no civic number ("13 St N")', () => {
    expect(readAddressQuery('13 St N').map((r) => [r.civic, r.street.join(' ')])).toEqual([
      ['13', 'st n'],
      [null, '13 st n'],
    ]);
  });

  it('knows the last word may still be typed', () => {
    expect(readAddressQuery('123 Mayor Mag')[0]?.lastIsPartial).toBe(true);
    expect(readAddressQuery('123 Mayor Mag ')[0]?.lastIsPartial).toBe(false);
  });
});

describe('matching one word', () => {
  it('takes one typo in a word of four letters or more, never in a number', () => {
    expect(typoDistance('magarth', 'magrath', 2)).toBe(1);
    expect(tokenQuality('magarth', 'magrath', false)).toBe(0.75);
    expect(tokenQuality('13', '3', false)).toBe(0);
    expect(tokenQuality('rivr', 'aspen', true)).toBe(0);
    expect(tokenQuality('avenye', 'ave', false)).toBeGreaterThan(0);
    expect(tokenQuality('mag', 'magrath', true)).toBeGreaterThan(0.8);
  });
});
