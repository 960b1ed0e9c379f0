import { newId, type Case } from '../../../shared/domain';
import type { WritableDb } from '../db/connection';
import { DESCRIPTION_PHRASES } from './distributions';
import type { Random } from './random';
import { insertCase, recordEvent } from '../cases/case-store';
import { indexCase } from '../cases/search-index';
import { statement } from '../db/statements';

/** Writes one batch of generated cases in one transaction, with their events, notes and search rows. */
export function writeSeededCases(db: WritableDb, cases: readonly Case[], random: Random): void {
  const insertNote = statement(db, 'INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const c of cases) {
      const seq = insertCase(db, c);
      const at = Date.parse(c.createdAt);
      recordEvent(db, { caseId: c.id, type: 'created', actorId: c.agentId, at, before: null, after: { reference: c.reference } });
      let notes = '';
      if (random.chance(0.1)) {
        notes = random.pick(DESCRIPTION_PHRASES);
        insertNote.run(newId(), c.id, c.agentId, notes, at + 60_000);
      }
      indexCase(db, seq, c, notes);
    }
  })();
}
