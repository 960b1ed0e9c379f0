import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { parseReference } from '../../shared/domain';
import { openDeskDatabase } from '../../main/core/db/connection';
import { MIGRATIONS } from '../../main/core/db/migrations';

/**
 * Crash test: a child process writes cases through the console API in a loop; we SIGKILL it in the
 * middle of the stream (no shutdown, a transaction very likely half done) and check what is on disk.
 * The writer is killed three times on the same file, so each restart also proves that a killed
 * database reopens and its reference sequences carry on without reusing a number.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'test/crash/crash-writer.ts');

/** What the writer said it committed, across every run on one file. */
interface Reported {
  cases: Map<string, string>; // id -> reference
  notes: Map<string, string>; // note id -> case id
  versions: Map<string, number>; // case id -> last version reported by a transition
}

interface RunResult {
  committed: { id: string; reference: string }[];
  signal: NodeJS.Signals | null;
}

/** Starts the writer on `file`, kills it with SIGKILL once it has reported `commits` cases, and collects every line it wrote. */
function runAndKill(file: string, commits: number, reported: Reported): Promise<RunResult> {
  return new Promise((done, fail) => {
    // node --import tsx rather than the tsx binary: the binary runs the script in a grandchild a SIGKILL would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: { id: string; reference: string }[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    const onLine = (line: string) => {
      const [what, id, a, b] = line.split(' ');
      if (!id || !a) throw new Error(`writer wrote an unexpected line: ${line}`);
      if (what === 'committed') {
        committed.push({ id, reference: a });
        reported.cases.set(id, a);
      } else if (what === 'noted') {
        reported.notes.set(a, id);
      } else if (what === 'moved') {
        reported.versions.set(id, Number(b));
      } else {
        throw new Error(`writer wrote an unexpected line: ${line}`);
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      try {
        for (const line of lines) onLine(line);
      } catch (error) {
        child.kill('SIGKILL');
        fail(error);
      }
      if (!killed && committed.length >= commits) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    // 'close' comes after the exit and after stdout has drained: every line the writer got out is counted.
    child.on('close', (code, signal) => {
      // A line the kill cut short (none is expected: each is one write(2) under PIPE_BUF) counts as not reported.
      if (!killed) fail(new Error(`the writer stopped by itself (exit ${code}, signal ${signal}) after ${committed.length} commits: ${stderr}`));
      else done({ committed, signal });
    });
  });
}

const count = (db: Database.Database, sql: string, ...params: unknown[]): number => (db.prepare(sql).pluck().get(...params) as number);
const column = <T>(db: Database.Database, sql: string): T[] => db.prepare(sql).pluck().all() as T[];

/** Opens the killed database on a fresh connection and checks that nothing is half-written. */
function verify(file: string, reported: Reported): { cases: number; lastSequence: Map<string, number> } {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const cases = new Map(
      (db.prepare('SELECT id, reference FROM cases').all() as { id: string; reference: string }[]).map((r) => [r.id, r.reference]),
    );
    // Everything the writer reported after a call returned is there, with the reference it was given.
    for (const [id, reference] of reported.cases) expect(cases.get(id), `reported case ${id} ${reference}`).toBe(reference);
    for (const [noteId, caseId] of reported.notes) {
      expect(db.prepare('SELECT case_id FROM case_notes WHERE id = ?').pluck().get(noteId), `reported note ${noteId}`).toBe(caseId);
    }
    for (const [id, version] of reported.versions) {
      expect(count(db, 'SELECT version FROM cases WHERE id = ?', id), `reported transition of ${id}`).toBeGreaterThanOrEqual(version);
    }

    // Every case is whole: one created event, one search row on its seq, one createCase mutation.
    expect(column(db, "SELECT id FROM cases c WHERE (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.type = 'created') <> 1")).toEqual([]);
    expect(column(db, 'SELECT id FROM cases c WHERE (SELECT count(*) FROM cases_search s WHERE s.rowid = c.seq) <> 1')).toEqual([]);
    expect(column(db, 'SELECT c.id FROM cases c JOIN cases_search s ON s.rowid = c.seq WHERE s.reference <> c.reference')).toEqual([]);
    expect(count(db, 'SELECT count(*) FROM cases_search')).toBe(cases.size);
    const mutations = db
      .prepare("SELECT json_extract(args, '$.case.id') AS id, json_extract(args, '$.case.reference') AS reference, count(*) AS n FROM outbox WHERE name = 'createCase' GROUP BY 1, 2")
      .all() as { id: string; reference: string; n: number }[];
    expect(mutations.filter((m) => m.n !== 1 || cases.get(m.id) !== m.reference)).toEqual([]);
    expect(mutations.length).toBe(cases.size);

    // Notes: each with its event, its mutation and its words in the search row.
    const notes = count(db, 'SELECT count(*) FROM case_notes');
    expect(count(db, "SELECT count(*) FROM case_events WHERE type = 'note_added'")).toBe(notes);
    expect(count(db, "SELECT count(*) FROM outbox WHERE name = 'addNote'")).toBe(notes);
    expect(
      column(
        db,
        `SELECT n.id FROM case_notes n
         WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = n.case_id AND e.type = 'note_added' AND json_extract(e.after, '$.noteId') = n.id)
            OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.name = 'addNote' AND json_extract(o.args, '$.note.id') = n.id)
            OR NOT EXISTS (SELECT 1 FROM cases c JOIN cases_search s ON s.rowid = c.seq WHERE c.id = n.case_id AND instr(s.notes, n.body) > 0)`,
      ),
    ).toEqual([]);

    // Transitions: the version counts them, each has its mutation, the status is the last one recorded.
    expect(count(db, "SELECT count(*) FROM outbox WHERE name = 'transitionCase'")).toBe(count(db, "SELECT count(*) FROM case_events WHERE type = 'status_changed'"));
    expect(
      column(db, "SELECT id FROM cases c WHERE version <> 1 + (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.type = 'status_changed')"),
    ).toEqual([]);
    expect(
      column(
        db,
        `SELECT id FROM cases c WHERE status <> coalesce(
           (SELECT json_extract(e.after, '$.status') FROM case_events e WHERE e.case_id = c.id AND e.type = 'status_changed' ORDER BY e.seq DESC LIMIT 1), 'new')`,
      ),
    ).toEqual([]);

    // References: unique, and each day's sequence is exactly 1..n, n being the sequence table's last value.
    const references = [...cases.values()];
    expect(new Set(references).size).toBe(references.length);
    const byDay = new Map<string, number[]>();
    for (const reference of references) {
      const parts = parseReference(reference);
      if (!parts) throw new Error(`unparseable reference ${reference}`);
      byDay.set(parts.date, [...(byDay.get(parts.date) ?? []), parts.sequence]);
    }
    const lastSequence = new Map<string, number>();
    const sequences = db.prepare("SELECT day, last_value FROM reference_sequences WHERE desk_code = 'D07'").all() as { day: string; last_value: number }[];
    expect(sequences.map((s) => s.day).sort()).toEqual([...byDay.keys()].sort());
    for (const { day, last_value } of sequences) {
      const seen = (byDay.get(day) ?? []).sort((a, b) => a - b);
      expect(seen, `sequences of ${day}`).toEqual(Array.from({ length: last_value }, (_, i) => i + 1));
      lastSequence.set(day, last_value);
    }
    return { cases: cases.size, lastSequence };
  } finally {
    db.close();
  }
}

describe('a desk database killed mid-write', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'civicdesk-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every reported commit whole, reopens, and never reuses a reference across three kills', async () => {
    const file = join(dir, 'desk.sqlite');
    const reported: Reported = { cases: new Map(), notes: new Map(), versions: new Map() };
    let before = { cases: 0, lastSequence: new Map<string, number>() };
    for (const commits of [50, 200, 400]) {
      const run = await runAndKill(file, commits, reported);
      expect(run.signal).toBe('SIGKILL');
      expect(run.committed.length).toBeGreaterThanOrEqual(commits);

      const after = verify(file, reported);
      // At most the one call in flight was lost; nothing reported was.
      expect(after.cases).toBeGreaterThanOrEqual(before.cases + run.committed.length);
      expect(after.cases).toBeLessThanOrEqual(before.cases + run.committed.length + 1);
      // This run's references continue each day's sequence from where the killed run left it.
      for (const { reference } of run.committed) {
        const parts = parseReference(reference)!;
        expect(parts.sequence, reference).toBeGreaterThan(before.lastSequence.get(parts.date) ?? 0);
      }
      before = after;
    }

    // The app's own open path accepts the killed file: quick_check passes, nothing left to migrate.
    const { db, migrations } = openDeskDatabase(file);
    try {
      expect(migrations).toMatchObject({ current: MIGRATIONS.length, latest: MIGRATIONS.length, applied: [] });
      expect(count(db, 'SELECT count(*) FROM cases')).toBe(before.cases);
    } finally {
      db.close();
    }
  }, 60_000);
});
