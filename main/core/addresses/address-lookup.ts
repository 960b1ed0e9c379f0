import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { AddressLookup, AddressMatch } from '../../../shared/contract/addresses';
import {
  buildStreetCatalogue,
  civicValue,
  perfectStreetScore,
  rankStreets,
  readAddressQuery,
  typoDistance,
  type QueryReading,
  type StreetCatalogue,
} from '../../../shared/domain/addresses';
import type { ReadableDb, WritableDb } from '../db/connection';

/**
 * Matches a typed address against the desk's list. The few thousand streets are scored in memory
 * (shared/domain/addresses/street-match.ts); then the civic number is read from SQLite on the best
 * streets only, through addresses_by_street. The exact civic number dominates the ranking; a
 * number one typo away, or the nearest number on the right street, is offered below it.
 */

/** Streets whose civic numbers are read for one reading of the query. */
const STREETS_PER_READING = 30;
/** Streets on which a civic number that is not there is answered with its near neighbours. */
const STREETS_WITH_NEIGHBOURS = 3;
const CIVIC_EXACT = 10;
const CIVIC_SAME_NUMBER = 7;
const CIVIC_ONE_TYPO = 6;
const CIVIC_NEAREST = 2;
const UNIT_EXACT = 3;
const UNIT_NONE = 1;
const UNIT_OTHER = -1;
const BEST_POSSIBLE_EXTRA = CIVIC_EXACT + UNIT_EXACT;

interface Row {
  addressId: string;
  fullAddress: string;
  lat: number;
  lng: number;
  streetKey: string;
  civic: string;
  civicValue: number | null;
  unitKey: string;
}

const COLUMNS = 'address_id AS addressId, full_address AS fullAddress, lat, lng, street_key AS streetKey, civic, civic_value AS civicValue, unit_key AS unitKey';

interface Prepared {
  generation: Statement<[], { generation: number }>;
  byStreetAndNumber: Statement<[string, number], Row>;
  byStreetNear: Statement<[string, number, number], Row>;
  byStreet: Statement<[string, number], Row>;
  byNumber: Statement<[number, number], Row>;
}

interface Cache {
  prepared: Prepared;
  generation: number;
  catalogue: StreetCatalogue;
  size: number;
}

const caches = new WeakMap<ReadableDb | WritableDb, Cache>();

function prepare(db: ReadableDb | WritableDb): Prepared {
  return {
    generation: db.prepare('SELECT generation FROM address_sync WHERE id = 1'),
    byStreetAndNumber: db.prepare(`SELECT ${COLUMNS} FROM addresses WHERE street_key = ? AND civic_value = ?`),
    byStreetNear: db.prepare(`SELECT ${COLUMNS} FROM addresses WHERE street_key = ? AND civic_value BETWEEN ? AND ? AND unit_key = ''`),
    byStreet: db.prepare(`SELECT ${COLUMNS} FROM addresses WHERE street_key = ? ORDER BY civic_value, unit_key LIMIT ?`),
    byNumber: db.prepare(`SELECT ${COLUMNS} FROM addresses WHERE civic_value = ? LIMIT ?`),
  };
}

/** The street list of the current generation, rebuilt (tens of milliseconds) only after the addresses change. */
function currentCache(db: ReadableDb | WritableDb): Cache {
  let cache = caches.get(db);
  const prepared = cache?.prepared ?? prepare(db);
  const generation = prepared.generation.get()?.generation ?? 0;
  if (!cache || cache.generation !== generation) {
    const streets = db.prepare('SELECT street_key AS key, count(*) AS n FROM addresses GROUP BY street_key').all() as { key: string; n: number }[];
    const catalogue = buildStreetCatalogue(streets.map((s) => s.key));
    cache = { prepared, generation, catalogue, size: streets.reduce((sum, s) => sum + s.n, 0) };
    caches.set(db, cache);
  }
  return cache;
}

/** Builds the street list now (at start or after a sync) so the first keystroke does not wait for it. */
export function warmAddressLookup(db: ReadableDb | WritableDb): void {
  currentCache(db);
}

const unitBonus = (reading: QueryReading, row: Row): number => {
  if (reading.unit === null) return row.unitKey === '' ? UNIT_NONE : 0;
  if (row.unitKey === reading.unit) return UNIT_EXACT;
  return row.unitKey === '' ? UNIT_NONE : UNIT_OTHER;
};

/** Candidates on one street for the typed civic number, each with its civic bonus. */
function onStreet(prepared: Prepared, key: string, civic: string, withNeighbours: boolean): { row: Row; civicBonus: number }[] {
  const value = civicValue(civic);
  if (value === null) return [];
  const same = prepared.byStreetAndNumber.all(key, value);
  if (same.length > 0) return same.map((row) => ({ row, civicBonus: row.civic === civic ? CIVIC_EXACT : CIVIC_SAME_NUMBER }));
  if (!withNeighbours) return [];
  const near = prepared.byStreetNear.all(key, Math.max(0, value - 100), value + 100);
  const typos = near.filter((row) => typoDistance(civic, row.civic, 1) <= 1).map((row) => ({ row, civicBonus: CIVIC_ONE_TYPO }));
  const closest = [...near].sort((a, b) => Math.abs((a.civicValue ?? 0) - value) - Math.abs((b.civicValue ?? 0) - value)).slice(0, 2);
  return [...typos, ...closest.map((row) => ({ row, civicBonus: CIVIC_NEAREST }))];
}

interface Scored {
  row: Row;
  total: number;
  best: number;
}

function scoreReading(cache: Cache, reading: QueryReading, limit: number, into: Map<string, Scored>): void {
  const keep = (row: Row, total: number, best: number) => {
    const before = into.get(row.addressId);
    if (!before || before.total < total) into.set(row.addressId, { row, total, best });
  };
  const { prepared } = cache;
  if (reading.street.length === 0) {
    const value = reading.civic === null ? null : civicValue(reading.civic);
    if (value === null) return;
    for (const row of prepared.byNumber.all(value, limit * 20)) {
      if (row.civic !== reading.civic) continue;
      keep(row, CIVIC_EXACT + unitBonus(reading, row) - reading.penalty, BEST_POSSIBLE_EXTRA);
    }
    return;
  }
  const streets = rankStreets(cache.catalogue, reading.street, reading.lastIsPartial, STREETS_PER_READING);
  streets.forEach(({ street, score }, rank) => {
    const best = perfectStreetScore(street) + BEST_POSSIBLE_EXTRA;
    if (reading.civic === null) {
      for (const row of prepared.byStreet.all(street.key, limit)) keep(row, score + unitBonus(reading, row) - reading.penalty, best);
      return;
    }
    for (const { row, civicBonus } of onStreet(prepared, street.key, reading.civic, rank < STREETS_WITH_NEIGHBOURS)) {
      keep(row, score + civicBonus + unitBonus(reading, row) - reading.penalty, best);
    }
  });
}

const byRank = (a: Scored, b: Scored): number =>
  b.total - a.total ||
  a.row.streetKey.localeCompare(b.row.streetKey) ||
  (a.row.civicValue ?? 0) - (b.row.civicValue ?? 0) ||
  a.row.unitKey.localeCompare(b.row.unitKey, 'en', { numeric: true });

/** The best `limit` addresses for what the specialist has typed so far, best first. */
export function lookupAddresses(db: ReadableDb | WritableDb, query: string, limit: number): AddressLookup {
  const cache = currentCache(db);
  const readings = readAddressQuery(query);
  if (cache.size === 0 || readings.length === 0) return { matches: [], listSize: cache.size };
  const scored = new Map<string, Scored>();
  for (const reading of readings) scoreReading(cache, reading, limit, scored);
  const matches: AddressMatch[] = [...scored.values()]
    .sort(byRank)
    .slice(0, limit)
    .map(({ row, total, best }) => ({
      addressId: row.addressId,
      fullAddress: row.fullAddress,
      lat: row.lat,
      lng: row.lng,
      score: Math.round(Math.min(1, Math.max(0, total / best)) * 1000) / 1000,
    }));
  return { matches, listSize: cache.size };
}
