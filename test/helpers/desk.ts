import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalog, type Agent } from '../../shared/domain';
import { openDeskDatabase, type WritableDb } from '../../main/core/db/connection';
import type { CoreDeps } from '../../main/core/desk-session';
import { createCallOperation, createConsoleHandlers, type CallOperation } from '../../main/core/console-api';

export const SPECIALIST: Agent = { id: 'agent-ana', name: 'Ana Specialist', role: 'specialist' };
export const LEAD: Agent = { id: 'agent-lee', name: 'Lee Lead', role: 'lead' };

export interface TestDesk {
  dir: string;
  file: string;
  db: WritableDb;
  deps: CoreDeps;
  /** Moves the desk's clock; every write is stamped from it. */
  clock: { now: number };
  call: CallOperation;
  signIn(agent: Agent): void;
  close(): void;
}

/** A real desk database in a fresh temporary folder, with a controllable clock. */
export function openTestDesk(options: { deskCode?: string; agent?: Agent; now?: number } = {}): TestDesk {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-test-'));
  const file = join(dir, 'desk.sqlite');
  const { db } = openDeskDatabase(file);
  const clock = { now: options.now ?? Date.parse('2026-11-27T15:30:00Z') };
  const deps: CoreDeps = {
    session: { deskCode: options.deskCode ?? 'D07', agent: options.agent ?? SPECIALIST, timeZone: 'America/Edmonton' },
    catalog: defaultCatalog,
    now: () => clock.now,
  };
  const call = createCallOperation(createConsoleHandlers(db, deps));
  return {
    dir,
    file,
    db,
    deps,
    clock,
    call,
    signIn: (agent) => {
      deps.session.agent = agent;
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tableCounts(db: WritableDb): Record<string, number> {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    cases: count('cases'),
    case_events: count('case_events'),
    case_notes: count('case_notes'),
    outbox: count('outbox'),
    intake_drafts: count('intake_drafts'),
    cases_search: count('cases_search'),
  };
}
