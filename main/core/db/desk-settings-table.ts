import type { ReadableDb, WritableDb } from './connection';
import { statement } from './statements';

/**
 * The desk_settings table (key → text): the one place that reads and writes it, so every setting
 * (desk code, who is signed in, the lock, the shift schedule, the restored-outbox floor) is read
 * the same way. docs/desk-database.md lists the keys.
 */
export function readDeskSetting(db: ReadableDb, key: string): string | null {
  const row = statement(db, 'SELECT value FROM desk_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeDeskSetting(db: WritableDb, key: string, value: string): void {
  statement(db, 'INSERT INTO desk_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteDeskSetting(db: WritableDb, key: string): void {
  statement(db, 'DELETE FROM desk_settings WHERE key = ?').run(key);
}
