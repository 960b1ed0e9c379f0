import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';

/**
 * Whether an intake is under way on this desk, for the updater: may the app restart now?
 *
 * The console saves an intake's draft on every event its machine receives and discards it when the
 * call is done or cancelled (renderer/src/features/intake/use-intake.ts, drafts.ts). A draft whose
 * snapshot still has no channel is a blank interaction that never started (an event the first step
 * ignores also saves one), so it does not count. Anything else does, conservatively:
 * - any agent's draft, not only the signed-in one's, and a draft a crash left behind;
 * - a snapshot of a shape this code does not know (no `context.channel` at all).
 * A wrong "yes" only postpones an update to the next quit; a wrong "no" would cut a call off.
 */
export function intakeInProgress(db: ReadableDb): boolean {
  const row = statement(
    db,
    `SELECT EXISTS (
       SELECT 1 FROM intake_drafts WHERE json_type(snapshot, '$.context.channel') IS NOT 'null'
     ) AS busy`,
  ).get() as { busy: number };
  return row.busy === 1;
}
