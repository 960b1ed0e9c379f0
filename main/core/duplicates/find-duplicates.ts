import type { DuplicateCandidate } from '../../../shared/contract';
import type { Location } from '../../../shared/domain';
import { duplicateRuleFor, type DuplicateRule } from '../../../shared/domain/duplicate-rules';
import { callerCountOf } from '../cases/case-links';
import { summaryColumns, summaryFromRow, type SummaryRow } from '../cases/case-row';
import type { ReadableDb } from '../db/connection';
import { addressKeySql, OPEN_CASE_SQL } from '../db/migrations/0012-duplicate-lookup';
import { statement } from '../db/statements';
import { boundingBox, distanceMetres, type Point } from './geo';

export interface DuplicateQuery {
  serviceCode: string;
  location: Location;
  /** Epoch ms: the same-address window ends here. */
  now: number;
  excludeCaseId?: string | undefined;
}

const DAY_MS = 86_400_000;
export const MAX_DUPLICATES = 10;
/**
 * Rows read per lookup at most. Far more open cases of one type than this in one spot means a
 * placeholder location (a city-hall pin), where the first rows read are as near as any.
 */
const ROWS_PER_LOOKUP = 200;

type FoundRow = SummaryRow & { lat: number | null; lng: number | null };
const COLUMNS = `${summaryColumns()}, lat, lng`;

const nearbySql = `SELECT ${COLUMNS} FROM cases
  WHERE service_code = @serviceCode AND lat BETWEEN @south AND @north AND lng BETWEEN @west AND @east AND ${OPEN_CASE_SQL}
  LIMIT ${ROWS_PER_LOOKUP}`;
const byAddressIdSql = `SELECT ${COLUMNS} FROM cases
  WHERE service_code = @serviceCode AND address_id = @addressId AND created_at >= @since AND ${OPEN_CASE_SQL}
  ORDER BY created_at DESC LIMIT ${ROWS_PER_LOOKUP}`;
const byAddressTextSql = `SELECT ${COLUMNS} FROM cases
  WHERE service_code = @serviceCode AND ${addressKeySql('address_text')} = ${addressKeySql('@addressText')} AND created_at >= @since
    AND ${OPEN_CASE_SQL} AND address_text IS NOT NULL
  ORDER BY created_at DESC LIMIT ${ROWS_PER_LOOKUP}`;

/** For the test that checks each lookup reads its index of migration 12. */
export const LOOKUP_SQL = { nearby: nearbySql, byAddressId: byAddressIdSql, byAddressText: byAddressTextSql };

const pointOf = (location: Location): Point | null => (location.lat !== undefined && location.lng !== undefined ? { lat: location.lat, lng: location.lng } : null);

function nearbyCases(db: ReadableDb, serviceCode: string, centre: Point, radius: number): Map<string, { row: FoundRow; metres: number }> {
  const rows = statement(db, nearbySql).all({ serviceCode, ...boundingBox(centre, radius) }) as FoundRow[];
  const found = new Map<string, { row: FoundRow; metres: number }>();
  for (const row of rows) {
    if (row.lat === null || row.lng === null) continue;
    const metres = distanceMetres(centre, { lat: row.lat, lng: row.lng });
    if (metres <= radius) found.set(row.id, { row, metres });
  }
  return found;
}

function sameAddressCases(db: ReadableDb, serviceCode: string, location: Location, since: number): FoundRow[] {
  if (location.addressId) return statement(db, byAddressIdSql).all({ serviceCode, addressId: location.addressId, since }) as FoundRow[];
  if (location.addressText) return statement(db, byAddressTextSql).all({ serviceCode, addressText: location.addressText, since }) as FoundRow[];
  return [];
}

/** Same address sorts as distance zero: the strongest sign of the same problem. */
const closeness = (c: Pick<DuplicateCandidate, 'sameAddress' | 'distanceMetres'>): number => (c.sameAddress ? 0 : (c.distanceMetres ?? Number.POSITIVE_INFINITY));

/**
 * Open cases of the service type that may be the problem a caller is reporting now: within the
 * type's radius of the location (however old), or at the same address and logged in the type's
 * window (shared/domain/duplicate-rules.ts). Same address first, then nearest, newest first among
 * equals; at most ten.
 */
export function findDuplicates(db: ReadableDb, query: DuplicateQuery): { items: DuplicateCandidate[]; rule: DuplicateRule } {
  const rule = duplicateRuleFor(query.serviceCode);
  const centre = pointOf(query.location);
  const nearby = centre && rule.radiusMetres !== null ? nearbyCases(db, query.serviceCode, centre, rule.radiusMetres) : new Map<string, { row: FoundRow; metres: number }>();
  const atAddress = sameAddressCases(db, query.serviceCode, query.location, query.now - rule.windowDays * DAY_MS);
  const candidates = new Map<string, Omit<DuplicateCandidate, 'callerCount'>>();
  for (const { row, metres } of nearby.values()) candidates.set(row.id, { ...summaryFromRow(row), distanceMetres: Math.round(metres), sameAddress: false });
  for (const row of atAddress) {
    const near = nearby.get(row.id);
    candidates.set(row.id, { ...summaryFromRow(row), distanceMetres: near ? Math.round(near.metres) : null, sameAddress: true });
  }
  if (query.excludeCaseId) candidates.delete(query.excludeCaseId);
  const items = [...candidates.values()]
    .sort((a, b) => closeness(a) - closeness(b) || b.createdAt.localeCompare(a.createdAt) || a.reference.localeCompare(b.reference))
    .slice(0, MAX_DUPLICATES);
  // How many residents have reported each already: the first caller and every contact linked since.
  return { items: items.map((item) => ({ ...item, callerCount: callerCountOf(db, item.id) })), rule };
}
