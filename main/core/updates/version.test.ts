import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion, type AppVersion } from './version';

const v = (text: string): AppVersion => {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};

describe('parseVersion', () => {
  it('reads the versions electron-builder stamps', () => {
    expect(parseVersion('1.4.2')).toEqual({ major: 1, minor: 4, patch: 2, prerelease: [] });
    expect(parseVersion('1.5.0-beta.1')).toEqual({ major: 1, minor: 5, patch: 0, prerelease: ['beta', '1'] });
    expect(parseVersion('v2.0.0+build.7')).toEqual({ major: 2, minor: 0, patch: 0, prerelease: [] });
  });

  it.each(['', '1.4', '1.4.2.1', '01.4.2', '1.4.x', 'latest', '1.4.2-', '1.4.2-beta..1'])('refuses %j', (text) => {
    expect(parseVersion(text)).toBeNull();
  });
});

describe('compareVersions (semver precedence)', () => {
  // Each version is lower than the next one: semver.org's own example, and more.
  const ascending = [
    '0.9.9',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.2.0',
    '1.10.0',
    '2.0.0',
    '10.0.0',
  ];

  it('orders every pair as semver does', () => {
    for (let i = 0; i < ascending.length; i += 1) {
      for (let j = 0; j < ascending.length; j += 1) {
        expect(compareVersions(v(ascending[i]!), v(ascending[j]!)), `${ascending[i]} vs ${ascending[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('ignores build metadata and compares long numbers exactly', () => {
    expect(compareVersions(v('1.4.2+a'), v('1.4.2+b'))).toBe(0);
    expect(compareVersions(v('1.0.0-rc.99999999999999999999'), v('1.0.0-rc.100000000000000000000'))).toBe(-1);
  });
});
