import { defaultCatalog, type Catalog } from '../../shared/domain';
import { rememberedAgent } from './agents/agents';
import { createCallOperation, createConsoleHandlers, type CallOperation } from './console-api';
import { deskDatabasePath } from './data-dir';
import { openDeskDatabase, type WritableDb } from './db/connection';
import { quickCheckInBackground } from './db/background-check';
import { runIdleMaintenance } from './db/maintenance';
import type { DeskState } from './desk-session';
import { ensureDeskCode } from './desk-settings';

export interface DeskRuntimeOptions {
  dataDir: string;
  /** Only for a new database; an existing one keeps its desk code. */
  deskCode?: string;
  timeZone?: string;
  catalog?: Catalog;
  now?: () => number;
  /** How often idle maintenance (search-index merging, WAL checkpoint) runs; 0 turns it off. */
  maintenanceIntervalMs?: number;
  /** When the background integrity check starts: after the console has come up, not during it. */
  integrityCheckDelayMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** One open desk: its database, who is signed in, and the console API over both. */
export interface DeskRuntime {
  file: string;
  db: WritableDb;
  /** Resolves when the start-up integrity check has finished (its verdict is in state.integrity). */
  integrityChecked: Promise<void>;
  state: DeskState;
  call: CallOperation;
  close(): void;
}

/** Opens the desk the Electron shell and the browser host both serve. */
export function openDeskRuntime(options: DeskRuntimeOptions): DeskRuntime {
  const file = deskDatabasePath(options.dataDir);
  const { db } = openDeskDatabase(file, { quickCheck: 'caller-runs-it' });
  const log = options.log ?? (() => {});
  let deskCode: string;
  try {
    deskCode = ensureDeskCode(db, options.deskCode);
  } catch (error) {
    db.close();
    throw error;
  }
  const state: DeskState = {
    session: { deskCode, timeZone: options.timeZone ?? 'America/Edmonton', agent: rememberedAgent(db) },
    catalog: options.catalog ?? defaultCatalog,
    now: options.now ?? Date.now,
    integrity: { state: 'checking', message: null },
  };
  const check = quickCheckInBackground(file, options.integrityCheckDelayMs ?? 5_000);
  const integrity = check.verdict.then((verdict) => {
    if (!verdict) return;
    state.integrity = verdict.ok ? { state: 'ok', message: null } : { state: 'damaged', message: verdict.message };
    if (!verdict.ok) log(`the desk database ${file} failed quick_check: ${verdict.message}`);
  });
  const interval = options.maintenanceIntervalMs ?? 15_000;
  const timer =
    interval > 0
      ? setInterval(() => {
          try {
            runIdleMaintenance(db);
          } catch (error) {
            log('idle maintenance failed', error);
          }
        }, interval)
      : null;
  timer?.unref();
  return {
    file,
    db,
    integrityChecked: integrity,
    state,
    call: createCallOperation(createConsoleHandlers(db, state), log),
    close: () => {
      check.stop();
      if (timer) clearInterval(timer);
      db.close();
    },
  };
}
