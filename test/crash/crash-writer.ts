/**
 * Child process for crash.test.ts: writes cases through the console API as fast as it can, forever,
 * and reports each write on stdout only after the call has returned ok (so after COMMIT).
 *
 *   node --import tsx test/crash/crash-writer.ts <dbfile>
 *
 * Run it with `node --import tsx`, not the tsx binary: the binary runs the script in a grandchild,
 * which a SIGKILL sent to the binary would leave running.
 *
 * Lines written, one per committed call:
 *   committed <caseId> <reference>
 *   noted <caseId> <noteId>
 *   moved <caseId> <status> <version>
 */
import { writeSync } from 'node:fs';
import { defaultCatalog, newId, type Case, type CaseNote, type CaseStatus, type NewCase } from '../../shared/domain';
import type { ApiResult, StatusEvent } from '../../shared/contract';
import { openDeskDatabase } from '../../main/core/db/connection';
import type { CoreDeps } from '../../main/core/desk-session';
import { createCallOperation, createConsoleHandlers } from '../../main/core/console-api';
import { SPECIALIST } from '../helpers/desk';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: crash-writer <dbfile>\n');
  process.exit(2);
}

/** Writes straight to fd 1, so nothing reported sits in a stream buffer when the kill comes. */
function report(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function ok<T>(what: string, result: ApiResult<unknown>): T {
  if (!result.ok) {
    process.stderr.write(`crash-writer: ${what} failed: ${result.error.code} ${result.error.message}\n`);
    process.exit(1);
  }
  return result.value as T;
}

const { db } = openDeskDatabase(file);
const deps: CoreDeps = {
  session: { deskCode: 'D07', agent: SPECIALIST, timeZone: 'America/Edmonton' },
  catalog: defaultCatalog,
  now: Date.now,
};
const call = createCallOperation(createConsoleHandlers(db, deps), (message, error) => {
  process.stderr.write(`crash-writer: ${message}: ${String(error)}\n`);
});

const NAMES = ['Olivia Brown', 'Liam Tremblay', 'Harpreet Sandhu', 'Mei Chen', 'Aiyana Crow Shoe', 'Tomasz Kowalski'];
/** The next lifecycle step a specialist may take, by current status. */
const NEXT: Partial<Record<CaseStatus, StatusEvent>> = {
  new: { type: 'OPEN' },
  open: { type: 'START_WORK' },
  in_progress: { type: 'RESOLVE', note: 'Answered the caller' },
};

const written: { id: string; status: CaseStatus }[] = [];
for (let i = 0; ; i++) {
  const input: NewCase = {
    id: newId(),
    channel: i % 11 === 0 ? 'walk_in' : 'phone',
    kind: 'information',
    serviceCode: 'general-information',
    caller: { anonymous: false, name: NAMES[i % NAMES.length]!, phone: `403-555-${String(i % 10_000).padStart(4, '0')}` },
    location: null,
    answers: {},
    description: `Crash test call ${i}: asked about city hall hours`,
  };
  const created = ok<Case>('createCase', call('createCase', input));
  report(`committed ${created.id} ${created.reference}`);
  written.push({ id: created.id, status: created.status });

  if (i % 3 === 1) {
    const target = written[(i * 7) % written.length]!;
    const note = ok<CaseNote>('addNote', call('addNote', { caseId: target.id, body: `follow-up ${i}` }));
    report(`noted ${target.id} ${note.id}`);
  }
  if (i % 4 === 2) {
    const target = written.find((w) => NEXT[w.status]);
    const event = target && NEXT[target.status];
    if (target && event) {
      const moved = ok<Case>('transitionCase', call('transitionCase', { id: target.id, event }));
      target.status = moved.status;
      report(`moved ${moved.id} ${moved.status} ${moved.version}`);
    }
  }
}
