import { describe, expect, it } from 'vitest';
import { describeAge, describeRule, describeWhere } from './duplicate-format';

const NOW = Date.parse('2026-11-27T15:30:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('duplicate suggestion wording', () => {
  it('says where a case is', () => {
    expect(describeWhere({ sameAddress: true, distanceMetres: 12 })).toBe('same address');
    expect(describeWhere({ sameAddress: false, distanceMetres: 40 })).toBe('40 m away');
    expect(describeWhere({ sameAddress: false, distanceMetres: 1_240 })).toBe('1.2 km away');
  });

  it('says how long ago a case was logged', () => {
    expect(describeAge(ago(10_000), NOW)).toBe('just now');
    expect(describeAge(ago(90_000), NOW)).toBe('1 min ago');
    expect(describeAge(ago(3 * 3_600_000 + 5), NOW)).toBe('3 h ago');
    expect(describeAge(ago(30 * 3_600_000), NOW)).toBe('yesterday');
    expect(describeAge(ago(5 * 86_400_000), NOW)).toBe('5 days ago');
    expect(describeAge(ago(21 * 86_400_000), NOW)).toBe('3 weeks ago');
    expect(describeAge(ago(200 * 86_400_000), NOW)).toBe('6 months ago');
  });

  it('says what the check looked for', () => {
    expect(describeRule({ radiusMetres: 50, windowDays: 30 })).toBe('Open cases of this type within 50 m, or at this address in the last 30 days');
    expect(describeRule({ radiusMetres: null, windowDays: 7 })).toBe('Open cases of this type at this address in the last 7 days');
  });
});
