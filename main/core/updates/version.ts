/**
 * Version order as semver defines it, for the x.y.z[-pre][+build] versions electron-builder stamps
 * on releases. Written here rather than imported: `semver` is only a transitive dependency.
 */

export interface AppVersion {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers: `1.5.0-beta.2` → ['beta', '2']; empty for a release. */
  prerelease: string[];
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;
const NUMERIC = /^\d+$/;

export function parseVersion(text: string): AppVersion | null {
  const match = VERSION.exec(text.trim());
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

export function isPrerelease(version: AppVersion): boolean {
  return version.prerelease.length > 0;
}

/** Negative when a comes first, positive when b does, 0 when they are the same version (build metadata ignored). */
export function compareVersions(a: AppVersion, b: AppVersion): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  // A release outranks its own pre-releases: 1.5.0-beta.9 < 1.5.0.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i += 1) {
    const order = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (order !== 0) return order;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

/** Numeric identifiers compare as numbers (any length) and before alphanumeric ones, which compare in ASCII order. */
function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    return Math.sign(x.length - y.length) || (x < y ? -1 : x > y ? 1 : 0);
  }
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
