import { DeskCodeSchema } from '../../shared/domain';
import type { ReadableDb, WritableDb } from './db/connection';
import { markOutboxRestored } from './outbox';
import { readDeskSetting, writeDeskSetting } from './db/desk-settings-table';

export const DESK_CODE_KEY = 'desk_code';

/** The desk code this database mints references with. Fixed once set: references must never repeat. */
export function readDeskCode(db: ReadableDb): string | null {
  return readDeskSetting(db, DESK_CODE_KEY);
}

export function ensureDeskCode(db: WritableDb, requested: string | undefined): string {
  const current = readDeskCode(db);
  if (current && requested && current !== requested) {
    throw new Error(`This desk database belongs to desk ${current}; it cannot mint references as ${requested}`);
  }
  const code = current ?? requested ?? 'D01';
  const parsed = DeskCodeSchema.safeParse(code);
  if (!parsed.success) throw new Error(`Desk code '${code}' ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  if (!current) {
    writeDeskSetting(db, DESK_CODE_KEY, code);
    // A new database may be a re-imaged desk whose code the server knows: its first push must wait
    // for a pull to say which mutation ids the server already applied, or they would be skipped as duplicates.
    markOutboxRestored(db);
  }
  return code;
}
