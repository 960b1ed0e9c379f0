import { createHash } from 'node:crypto';
import { canonicalJson, digestLines } from '../../../shared/sync';
import { CASE_COLUMNS, type CaseRow } from '../cases/case-row';
import type { ReadableDb } from '../db/connection';
import { localStateOf } from './local-case';

export interface DeskDigest {
  digest: string;
  cases: number;
  notes: number;
  events: number;
}

/**
 * The same hash the server's GET /sync/digest returns, over this desk's rows: every case (deleted
 * ones included, without the local row version), every note id and every event id — except the
 * note and event of a change the server rejected.
 */
export function deskDigest(db: ReadableDb): DeskDigest {
  const cases = (db.prepare(`SELECT ${CASE_COLUMNS} FROM cases`).all() as CaseRow[]).map((row) => {
    const state = localStateOf(row);
    return { id: row.id, json: canonicalJson(state.case), deleted: state.deleted };
  });
  // Changes the server rejected keep their audit here but are not synced data.
  const noteIds = db.prepare('SELECT id FROM case_notes WHERE id NOT IN (SELECT note_id FROM sync_rejections WHERE note_id IS NOT NULL)').pluck().all() as string[];
  const eventIds = db.prepare('SELECT id FROM case_events WHERE id NOT IN (SELECT event_id FROM sync_rejections WHERE event_id IS NOT NULL)').pluck().all() as string[];
  const digest = createHash('sha256').update(digestLines(cases, noteIds, eventIds).join('\n')).digest('hex');
  return { digest, cases: cases.length, notes: noteIds.length, events: eventIds.length };
}
