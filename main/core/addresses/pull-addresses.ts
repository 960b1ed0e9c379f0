import { AddressChangesSchema, ADDRESS_PAGE_DEFAULT } from '../../../shared/domain/addresses';
import type { ReferenceSession } from '../sync/reference-data';
import { addressListState, applyAddressChanges } from './address-store';
import { warmAddressLookup } from './address-lookup';

/**
 * Brings the desk's copy of the city's address list up to date; returns how many addresses
 * changed. One GET with the desk's own cursor (the list's version it holds) when nothing changed;
 * otherwise page after page, each applied with its cursor in one transaction, so a desk that stops
 * midway resumes where it was. Removed addresses arrive as tombstones.
 */
export async function pullAddresses(session: ReferenceSession, pageLimit = ADDRESS_PAGE_DEFAULT): Promise<number> {
  let cursor = addressListState(session.db).cursor;
  let changed = 0;
  for (;;) {
    const page = await session.get(`/addresses/changes?cursor=${cursor}&limit=${pageLimit}`, AddressChangesSchema);
    if (session.isStopped()) return changed;
    changed += applyAddressChanges(session.db, page, cursor, Date.now());
    if (!page.hasMore) break;
    // Read back rather than assumed: a page that found the list changed under it was not applied.
    const stored = addressListState(session.db).cursor;
    if (stored !== page.cursor) break;
    cursor = stored;
  }
  if (changed > 0) warmAddressLookup(session.db);
  return changed;
}
