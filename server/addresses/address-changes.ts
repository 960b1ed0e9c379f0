import type { AddressChange, AddressChanges } from '../../shared/domain/addresses';
import type { Queryable } from '../db/database';

interface ChangeRow {
  address_id: string;
  civic_number: string;
  street: string;
  unit: string;
  full_address: string;
  lat: number;
  lng: number;
  deleted: boolean;
  version: number;
}

/**
 * One page of the address list's changes after `cursor`, in version order, tombstones included.
 * Read by addresses_by_version, so a desk that is up to date costs one index probe.
 */
export async function addressChanges(db: Queryable, tenant: string, cursor: number, limit: number): Promise<AddressChanges> {
  const found = await db.query<ChangeRow>(
    `SELECT address_id, civic_number, street, unit, full_address, lat, lng, deleted, version::float8 AS version
       FROM addresses WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3`,
    [tenant, cursor, limit + 1],
  );
  const page = found.slice(0, limit);
  const rows = page.map(
    (r): AddressChange =>
      r.deleted
        ? { addressId: r.address_id, version: r.version, deleted: true }
        : { addressId: r.address_id, civicNumber: r.civic_number, street: r.street, unit: r.unit, fullAddress: r.full_address, lat: r.lat, lng: r.lng, version: r.version, deleted: false },
  );
  return { rows, cursor: page.length > 0 ? page[page.length - 1]!.version : cursor, hasMore: found.length > limit };
}
