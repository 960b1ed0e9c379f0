import { describe, expect, it } from 'vitest';
import { formatReference, parseReference, ReferenceSchema } from './reference';

describe('reference numbers', () => {
  it('formats desk code, local date and a zero-padded sequence', () => {
    expect(formatReference('D07', '2026-11-27', 42)).toBe('D07-261127-0042');
    expect(formatReference('WALK1', '2027-01-01', 12345)).toBe('WALK1-270101-12345');
  });

  it('parses what it formats, forgiving case and spaces', () => {
    expect(parseReference(' d07-261127-0042 ')).toEqual({ deskCode: 'D07', date: '2026-11-27', sequence: 42 });
    expect(parseReference('pothole on 4th')).toBeNull();
  });

  it('refuses a malformed date or sequence', () => {
    expect(() => formatReference('D07', '27/11/2026', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => formatReference('D07', '2026-11-27', 0)).toThrow(/sequence/);
    expect(ReferenceSchema.safeParse('D07-2611-0001').success).toBe(false);
  });
});
