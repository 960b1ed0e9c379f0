import { createHash } from 'node:crypto';
import { canonicalJson, digestLines, type DigestResponse, type SyncedCase } from '../../shared/sync';
import type { Database } from '../db/database';

/** GET /sync/digest: SHA-256 over the tenant's cases, note ids and event ids, as a desk computes it over its own. */
export async function tenantDigest(db: Database, tenant: string): Promise<DigestResponse> {
  // One transaction: PGlite runs it alone, so the three reads see the same data.
  const { cases, noteIds, eventIds } = await db.transaction(async (tx) => ({
    cases: await tx.query<{ data: string; deleted: boolean }>('SELECT data, deleted FROM cases WHERE tenant = $1', [tenant]),
    noteIds: (await tx.query<{ id: string }>('SELECT id FROM case_notes WHERE tenant = $1', [tenant])).map((r) => r.id),
    eventIds: (await tx.query<{ id: string }>('SELECT id FROM case_events WHERE tenant = $1', [tenant])).map((r) => r.id),
  }));
  const lines = digestLines(
    cases.map((row) => {
      const synced = JSON.parse(row.data) as SyncedCase;
      return { id: synced.id, json: canonicalJson(synced), deleted: row.deleted };
    }),
    noteIds,
    eventIds,
  );
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { digest, cases: cases.length, notes: noteIds.length, events: eventIds.length };
}
