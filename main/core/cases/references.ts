import { formatReference } from '../../../shared/domain';
import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/** Hands out the desk's next reference for a local day. Call inside the transaction that uses it. */
export function nextReference(db: WritableDb, deskCode: string, day: string): string {
  const row = statement(
    db,
    `INSERT INTO reference_sequences (desk_code, day, last_value) VALUES (?, ?, 1)
     ON CONFLICT (desk_code, day) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  ).get(deskCode, day) as { last_value: number };
  return formatReference(deskCode, day, row.last_value);
}
