import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeskDatabase } from './connection';
import { migrate, MigrationLedgerError, migrationState } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-migrate-'));
  file = join(dir, 'desk.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NEXT = MIGRATIONS.length + 1;
const second: Migration = { id: NEXT, name: 'add_case_tags', sql: 'CREATE TABLE case_tags (case_id TEXT NOT NULL REFERENCES cases (id), tag TEXT NOT NULL) STRICT;' };

describe('migrations', () => {
  it('creates every table on a new file, STRICT, with WAL, synchronous FULL and foreign keys on', () => {
    const { db, migrations } = openDeskDatabase(file);
    expect(migrations).toEqual({ current: MIGRATIONS.length, latest: MIGRATIONS.length, applied: MIGRATIONS.map((m) => m.id) });
    // Full-text indexes (FTS5 virtual tables, their shadow tables, the vocabulary view) are SQLite's own.
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'cases_search%' AND name NOT LIKE 'kb_search%' AND name <> 'kb_vocab'")
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['address_sync', 'addresses', 'kb_article_services', 'kb_articles', 'kb_state', 'bulk_pull_steps', 'case_events', 'case_notes', 'case_totals', 'cases', 'catalog_additions', 'desk_settings', 'imported_cases', 'intake_drafts', 'local_agents', 'outbox', 'reference_sequences', 'schema_migrations', 'sqlite_sequence', 'sync_parked_rows', 'sync_rejections', 'sync_state', 'sync_unconfirmed'].sort(),
    );
    for (const table of tables.filter((t) => t.name !== 'sqlite_sequence')) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies nothing the second time and keeps the ledger', () => {
    openDeskDatabase(file).db.close();
    const { db, migrations } = openDeskDatabase(file);
    expect(migrations.applied).toEqual([]);
    expect(migrationState(db)).toEqual({ current: MIGRATIONS.length, latest: MIGRATIONS.length });
    db.close();
  });

  it('applies a new migration on an existing database, keeping its data', () => {
    const { db } = openDeskDatabase(file);
    db.prepare("INSERT INTO desk_settings (key, value) VALUES ('desk_code', 'D07')").run();
    const report = migrate(db, [...MIGRATIONS, second]);
    expect(report.applied).toEqual([NEXT]);
    expect(db.prepare("SELECT value FROM desk_settings WHERE key = 'desk_code'").get()).toEqual({ value: 'D07' });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'case_tags'").get()).toEqual({ name: 'case_tags' });
    db.close();
  });

  it('stops loudly, changing nothing, when the database was migrated by a newer build', () => {
    const { db } = openDeskDatabase(file);
    migrate(db, [...MIGRATIONS, second]);
    db.close();
    expect(() => openDeskDatabase(file)).toThrow(MigrationLedgerError);
    expect(() => openDeskDatabase(file)).toThrow(new RegExp(`records migration ${NEXT} 'add_case_tags', which this build does not have`));
  });

  it('stops loudly when a shipped migration was edited', () => {
    openDeskDatabase(file).db.close();
    const raw = new Database(file);
    const edited: Migration = { ...MIGRATIONS[0]!, sql: `${MIGRATIONS[0]!.sql}\n-- edited` };
    expect(() => migrate(raw, [edited])).toThrow(/migration 1 was applied as 'initial' with checksum .* but this build has 'initial' with checksum/);
    raw.close();
  });

  it('rolls back a failing migration and its ledger row together', () => {
    const { db } = openDeskDatabase(file);
    const broken: Migration = { id: NEXT, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER) STRICT; SELECT * FROM no_such_table;' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no such table/);
    expect(migrationState(db).current).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a migration list that skips a number', () => {
    const { db } = openDeskDatabase(file);
    expect(() => migrate(db, [...MIGRATIONS, { ...second, id: NEXT + 1 }])).toThrow(/numbered 1, 2, 3/);
    db.close();
  });

  it('0004 gives outbox rows written before it the case they change', () => {
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 3));
    // Outbox rows written by a build before sync:
    const insert = raw.prepare('INSERT INTO outbox (name, args, schema_version, created_at) VALUES (?, ?, 1, 0)');
    insert.run('createCase', JSON.stringify({ case: { id: 'case-a' } }));
    insert.run('updateCase', JSON.stringify({ id: 'case-b', before: {}, after: {} }));
    insert.run('addNote', JSON.stringify({ note: { id: 'note-1', caseId: 'case-c' } }));
    migrate(raw, MIGRATIONS);
    expect(raw.prepare('SELECT case_id FROM outbox ORDER BY mutation_id').all()).toEqual([{ case_id: 'case-a' }, { case_id: 'case-b' }, { case_id: 'case-c' }]);
    expect(raw.prepare('SELECT pull_cursor, acked_mutation_id FROM sync_state').get()).toEqual({ pull_cursor: 0, acked_mutation_id: 0 });
    expect(() => raw.prepare('UPDATE sync_state SET pull_cursor = 5').run()).not.toThrow();
    expect(() => raw.prepare('UPDATE sync_state SET pull_cursor = 4').run()).toThrow(/never move back/);
    raw.close();
  });

  it('0013 keeps every audit event, append-only, and accepts the contact and article events', () => {
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    migrate(raw, MIGRATIONS.slice(0, 12));
    raw.prepare("INSERT INTO cases (id, reference, desk_code, agent_id, channel, kind, service_code, department_code, priority, status, caller_anonymous, created_at, updated_at) VALUES ('case-a', 'D07-261127-0001', 'D07', 'agent', 'phone', 'information', 'general-information', 'call-centre', 'normal', 'new', 1, 1, 1)").run();
    const event = raw.prepare("INSERT INTO case_events (id, case_id, type, actor_id, at, before, after) VALUES (?, 'case-a', ?, 'agent', ?, NULL, ?)");
    event.run('event-1', 'created', 1, '{"reference":"D07-261127-0001"}');
    event.run('event-2', 'note_added', 2, '{"noteId":"note-1"}');
    expect(() => event.run('event-x', 'contact_added', 3, '{}')).toThrow(/CHECK/);
    const before = raw.prepare('SELECT * FROM case_events ORDER BY seq').all();
    migrate(raw, MIGRATIONS);
    expect(raw.prepare('SELECT * FROM case_events ORDER BY seq').all()).toEqual(before);
    event.run('event-3', 'contact_added', 3, '{"reason":"repeat_contact"}');
    event.run('event-4', 'article_linked', 4, '{"articleId":"kb-1","title":"Garbage day"}');
    expect(() => event.run('event-5', 'teleported', 5, '{}')).toThrow(/CHECK/);
    expect(() => raw.prepare("UPDATE case_events SET type = 'updated' WHERE id = 'event-1'").run()).toThrow(/append-only/);
    expect(() => raw.prepare("DELETE FROM case_events WHERE id = 'event-1'").run()).toThrow(/append-only/);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_events' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual([
      'case_events_article_links',
      'case_events_by_case',
    ]);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
  });
});
