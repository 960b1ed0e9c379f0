import { formatReference, type Case, type CaseEvent } from '../../../shared/domain';
import { importedCase, importedEventAfter, type CatalogAddition } from '../../../shared/domain/import-case';
import { localDayIn } from '../../../shared/domain/import-dates';
import type { GoodRow } from '../../../shared/domain/import-reader';
import { MUTATION_SCHEMA_VERSION } from '../../../shared/sync';
import { rowValuesOf } from '../cases/case-row';
import { indexCaseRange } from '../cases/search-index';
import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { insertRows, ROWS_PER_STATEMENT } from './bulk-insert';
import { saveCatalogAddition } from './catalog-additions';
import { createIdSource } from './id-source';

export interface ImportWriteOptions {
  deskCode: string;
  timeZone: string;
  /** The file's name, recorded with each imported case and each addition. */
  sourceFile: string;
  importedAt: number;
  /** Service types this import adds, with the first row that uses each. */
  additions: readonly { addition: CatalogAddition; line: number }[];
  /** Whether each case also goes into the outbox as a createCase mutation (docs/import.md: yes). */
  enqueueForSync: boolean;
  /** Rows per transaction: under a second of writing, so a console sharing the file never waits long. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

const EVENT_COLUMNS = ['id', 'case_id', 'type', 'actor_id', 'at', 'before', 'after'];
const OUTBOX_COLUMNS = ['name', 'args', 'schema_version', 'created_at', 'event', 'case_id', 'actor_role'];
const IMPORTED_COLUMNS = ['external_id', 'case_id', 'source_file', 'source_line', 'imported_at'];

/**
 * Writes imported cases oldest first, in transactions of a few thousand rows. Each case gets the
 * next reference of its requested day on this desk, a `created` event at its requested time, a
 * search entry, its external id and, for sync, a createCase mutation in the outbox: the rows
 * createCase writes (case-writes.ts), in the same columns and JSON, but many rows per statement,
 * which is what keeps a year of history inside the import budget (docs/import.md).
 */
export function writeImportedCases(db: WritableDb, rows: readonly GoodRow[], options: ImportWriteOptions): void {
  const ordered = [...rows].sort((a, b) => a.row.requestedAt - b.row.requestedAt || a.line - b.line);
  const batchSize = options.batchSize ?? 5_000;
  const ids = createIdSource();
  const lastSequence = statement(db, 'SELECT last_value FROM reference_sequences WHERE desk_code = ? AND day = ?').pluck();
  const saveSequence = statement(
    db,
    `INSERT INTO reference_sequences (desk_code, day, last_value) VALUES (?, ?, ?)
     ON CONFLICT (desk_code, day) DO UPDATE SET last_value = excluded.last_value`,
  );

  const writeBatch = db.transaction((batch: readonly GoodRow[], first: boolean) => {
    if (first) for (const { addition, line } of options.additions) saveCatalogAddition(db, addition, { file: options.sourceFile, line }, options.importedAt);
    // References as nextReference hands them out, continuing each day's sequence; read inside the
    // transaction, which holds the write lock, so a case saved at the console meanwhile cannot clash.
    const sequences = new Map<string, number>();
    const referenceOf = (requestedAt: number): string => {
      const day = localDayIn(requestedAt, options.timeZone);
      const sequence = (sequences.get(day) ?? ((lastSequence.get(options.deskCode, day) as number | undefined) ?? 0)) + 1;
      sequences.set(day, sequence);
      return formatReference(options.deskCode, day, sequence);
    };
    let firstSeq = 0;
    let lastSeq = 0;
    // A statement's worth of rows at a time: nothing of a case outlives its own INSERTs, which keeps
    // the garbage collector from copying a whole batch around.
    for (let from = 0; from < batch.length; from += ROWS_PER_STATEMENT) {
      const cases: Case[] = [];
      const events: CaseEvent[] = [];
      for (const { row, type } of batch.slice(from, from + ROWS_PER_STATEMENT)) {
        const reference = referenceOf(row.requestedAt);
        const created = importedCase(row, { id: ids.next(), reference, deskCode: options.deskCode, type });
        cases.push(created);
        events.push({ id: ids.next(), caseId: created.id, type: 'created', actorId: created.agentId, at: created.createdAt, before: null, after: importedEventAfter(reference, row) });
      }
      const caseRows = cases.map(rowValuesOf);
      lastSeq = insertRows(db, 'cases', Object.keys(caseRows[0]!), caseRows.map((values) => Object.values(values)));
      if (from === 0) firstSeq = lastSeq - cases.length + 1;
      insertRows(db, 'case_events', EVENT_COLUMNS, events.map((e) => [e.id, e.caseId, e.type, e.actorId, Date.parse(e.at), null, JSON.stringify(e.after)]));
      if (options.enqueueForSync) {
        insertRows(db, 'outbox', OUTBOX_COLUMNS, cases.map((c, i) => ['createCase', JSON.stringify({ case: c }), MUTATION_SCHEMA_VERSION, options.importedAt, JSON.stringify(events[i]), c.id, 'lead']));
      }
      insertRows(db, 'imported_cases', IMPORTED_COLUMNS, cases.map((c, i) => [batch[from + i]!.row.externalId, c.id, options.sourceFile, batch[from + i]!.line, options.importedAt]));
    }
    for (const [day, last] of sequences) saveSequence.run(options.deskCode, day, last);
    if (lastSeq - firstSeq + 1 !== batch.length) throw new Error('import: the cases of a batch did not get consecutive row ids');
    // Search entries last, in one statement: FTS5 flushes its pending terms whenever a statement
    // with a statement journal runs (each cases INSERT fires a trigger), so interleaved it would
    // write a tiny index segment per statement; here it writes one per batch, at commit.
    indexCaseRange(db, firstSeq, lastSeq);
  });

  withBulkSettings(db, () => {
    for (let start = 0; start < ordered.length; start += batchSize) {
      // The last commit waits for the disk, and with it every frame the batches before it appended
      // to the WAL: when the import reports success, all of it is durable.
      if (start + batchSize >= ordered.length) db.pragma('synchronous = FULL');
      writeBatch.immediate(ordered.slice(start, start + batchSize), start === 0);
      options.onProgress?.(Math.min(start + batchSize, ordered.length), ordered.length);
    }
  });
}

/**
 * Settings for this connection while it writes a year of rows, restored afterwards. Statement
 * journals go to memory rather than temporary files. Batches commit without waiting for the disk
 * (synchronous = NORMAL: atomic and consistent, but a power cut may undo the latest ones): waiting
 * for each would cost a quarter of the import, and a batch lost that way is imported by the next
 * run, since its external ids were lost with it.
 */
function withBulkSettings(db: WritableDb, work: () => void): void {
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  const tempStore = Number(db.pragma('temp_store', { simple: true }));
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = NORMAL');
  try {
    work();
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`temp_store = ${tempStore}`);
  }
}
