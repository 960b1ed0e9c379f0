import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { canonicalCivic, canonicalUnit, civicValue, streetKey, type AddressChanges, type AddressRecord } from '../../../shared/domain/addresses';
import type { ReadableDb, WritableDb } from '../db/connection';

/**
 * The desk's copy of the city's address list. Every change bumps address_sync.generation in the
 * same transaction, so the lookup rebuilds its in-memory street list exactly when it must.
 */

export interface AddressListState {
  cursor: number;
  generation: number;
  source: 'none' | 'server' | 'local';
  updatedAt: number | null;
}

export function addressListState(db: ReadableDb | WritableDb): AddressListState {
  const row = db.prepare('SELECT cursor, generation, source, updated_at AS updatedAt FROM address_sync WHERE id = 1').get() as AddressListState | undefined;
  return row ?? { cursor: 0, generation: 0, source: 'none', updatedAt: null };
}

const UPSERT = `
INSERT INTO addresses (address_id, civic_number, street, unit, full_address, lat, lng, street_key, civic, civic_value, unit_key)
VALUES (@addressId, @civicNumber, @street, @unit, @fullAddress, @lat, @lng, @streetKey, @civic, @civicValue, @unitKey)
ON CONFLICT (address_id) DO UPDATE SET
  civic_number = excluded.civic_number, street = excluded.street, unit = excluded.unit, full_address = excluded.full_address,
  lat = excluded.lat, lng = excluded.lng, street_key = excluded.street_key, civic = excluded.civic,
  civic_value = excluded.civic_value, unit_key = excluded.unit_key`;

const statements = new WeakMap<WritableDb, { upsert: Statement; remove: Statement }>();
function prepared(db: WritableDb) {
  let found = statements.get(db);
  if (!found) {
    found = { upsert: db.prepare(UPSERT), remove: db.prepare('DELETE FROM addresses WHERE address_id = ?') };
    statements.set(db, found);
  }
  return found;
}

/** The stored row of an address: its own fields and the canonical forms the lookup compares. */
function storedRow(record: AddressRecord) {
  const civic = canonicalCivic(record.civicNumber);
  const { addressId, civicNumber, street, unit, fullAddress, lat, lng } = record;
  return { addressId, civicNumber, street, unit, fullAddress, lat, lng, streetKey: streetKey(street), civic, civicValue: civicValue(civic), unitKey: canonicalUnit(unit) };
}

function recordChange(db: WritableDb, change: { cursor?: number; source?: AddressListState['source']; changed: boolean; now: number }): void {
  db.prepare(
    `UPDATE address_sync SET cursor = coalesce(@cursor, cursor), source = coalesce(@source, source),
       generation = generation + @bump, updated_at = CASE WHEN @bump = 1 THEN @now ELSE updated_at END WHERE id = 1`,
  ).run({ cursor: change.cursor ?? null, source: change.source ?? null, bump: change.changed ? 1 : 0, now: change.now });
}

/**
 * Applies one page of the server's changes in one transaction, the cursor with it, so a desk that
 * closes between pages resumes where it stopped. The first page a desk ever takes from the server
 * replaces a list imported locally: the server's list is the city's.
 */
export function applyAddressChanges(db: WritableDb, page: AddressChanges, askedFrom: number, now: number): number {
  if (page.cursor < askedFrom) throw new Error(`addresses: the server answered cursor ${askedFrom} with cursor ${page.cursor}; a cursor never moves back`);
  const { upsert, remove } = prepared(db);
  return db.transaction((): number => {
    const state = addressListState(db);
    // The list moved under this pull (a local import, another pull): this page answers a question no longer asked.
    if (state.cursor !== askedFrom) return 0;
    if (page.rows.length > 0 && state.cursor === 0 && state.source === 'local') db.prepare('DELETE FROM addresses').run();
    for (const row of page.rows) {
      if (row.deleted) remove.run(row.addressId);
      else upsert.run(storedRow(row));
    }
    const changed = page.rows.length > 0;
    recordChange(db, { cursor: page.cursor, ...(changed ? { source: 'server' as const } : {}), changed, now });
    return page.rows.length;
  })();
}

export interface ReplaceOutcome {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

const sameAddress = (a: AddressRecord, b: AddressRecord): boolean =>
  a.civicNumber === b.civicNumber && a.street === b.street && a.unit === b.unit && a.fullAddress === b.fullAddress && a.lat === b.lat && a.lng === b.lng;

/**
 * Makes the desk's list exactly `records` (a local import on a desk that works alone): new and
 * changed addresses written, missing ones removed, all in one transaction. The same file again
 * changes nothing. A list imported here is replaced by the server's at this desk's next sync.
 */
export function replaceAddresses(db: WritableDb, records: readonly AddressRecord[], now: number): ReplaceOutcome {
  const { upsert, remove } = prepared(db);
  return db.transaction(() => {
    const existing = new Map<string, AddressRecord>();
    const rows = db.prepare('SELECT address_id AS addressId, civic_number AS civicNumber, street, unit, full_address AS fullAddress, lat, lng FROM addresses').all() as AddressRecord[];
    for (const row of rows) existing.set(row.addressId, row);
    const outcome: ReplaceOutcome = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    for (const record of records) {
      const before = existing.get(record.addressId);
      existing.delete(record.addressId);
      if (before && sameAddress(before, record)) {
        outcome.unchanged += 1;
        continue;
      }
      upsert.run(storedRow(record));
      if (before) outcome.changed += 1;
      else outcome.added += 1;
    }
    for (const gone of existing.keys()) remove.run(gone);
    outcome.removed = existing.size;
    const changed = outcome.added + outcome.changed + outcome.removed > 0;
    recordChange(db, changed ? { cursor: 0, source: 'local', changed, now } : { changed, now });
    return outcome;
  })();
}
