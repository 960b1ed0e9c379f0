import { formatReference, parseReference } from '../../../shared/domain';
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

/**
 * Moves this desk's sequence for a day past every given reference of its own: a desk restored from
 * a backup (or one whose sequences were otherwise behind) must never mint again a reference the
 * server already holds. Called with each pulled page's case references; others' are ignored.
 */
export function raiseReferenceSequences(db: WritableDb, deskCode: string, references: Iterable<string>): void {
  const highest = new Map<string, number>();
  for (const reference of references) {
    const parts = parseReference(reference);
    if (!parts || parts.deskCode !== deskCode) continue;
    highest.set(parts.date, Math.max(highest.get(parts.date) ?? 0, parts.sequence));
  }
  const raise = statement(
    db,
    `INSERT INTO reference_sequences (desk_code, day, last_value) VALUES (?, ?, ?)
     ON CONFLICT (desk_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
  );
  for (const [day, sequence] of highest) raise.run(deskCode, day, sequence);
}
