import type { DuplicateCandidate } from '../../../../shared/contract';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Where the case is, relative to the caller's problem: "same address", "40 m away", "1.2 km away". */
export function describeWhere(candidate: Pick<DuplicateCandidate, 'sameAddress' | 'distanceMetres'>): string {
  if (candidate.sameAddress) return 'same address';
  const metres = candidate.distanceMetres;
  if (metres === null) return 'nearby';
  return metres < 1_000 ? `${metres} m away` : `${(metres / 1_000).toFixed(1)} km away`;
}

/** How long ago a case was logged, in the unit a specialist would say aloud. */
export function describeAge(createdAt: string, now: number): string {
  const age = Math.max(0, now - Date.parse(createdAt));
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  if (age < 2 * DAY) return 'yesterday';
  if (age < 14 * DAY) return `${Math.floor(age / DAY)} days ago`;
  if (age < 60 * DAY) return `${Math.floor(age / (7 * DAY))} weeks ago`;
  return `${Math.floor(age / (30 * DAY))} months ago`;
}

/** What the check looked for, e.g. "Open cases of this type within 50 m, or at this address in the last 30 days". */
export function describeRule(rule: { radiusMetres: number | null; windowDays: number }): string {
  const address = `at this address in the last ${rule.windowDays} days`;
  return rule.radiusMetres === null ? `Open cases of this type ${address}` : `Open cases of this type within ${rule.radiusMetres} m, or ${address}`;
}
