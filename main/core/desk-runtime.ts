import { defaultCatalog, type Catalog } from '../../shared/domain';
import { rememberedAgent } from './agents/agents';
import { createCallOperation, createConsoleHandlers, type CallOperation } from './console-api';
import { deskDatabasePath } from './data-dir';
import { openDeskDatabase, type WritableDb } from './db/connection';
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
  log?: (message: string, error?: unknown) => void;
}

/** One open desk: its database, who is signed in, and the console API over both. */
export interface DeskRuntime {
  file: string;
  db: WritableDb;
  state: DeskState;
  call: CallOperation;
  close(): void;
}

/** Opens the desk the Electron shell and the browser host both serve. */
export function openDeskRuntime(options: DeskRuntimeOptions): DeskRuntime {
  const file = deskDatabasePath(options.dataDir);
  const { db } = openDeskDatabase(file);
  const log = options.log ?? (() => {});
  const state: DeskState = {
    session: {
      deskCode: ensureDeskCode(db, options.deskCode),
      timeZone: options.timeZone ?? 'America/Edmonton',
      agent: rememberedAgent(db),
    },
    catalog: options.catalog ?? defaultCatalog,
    now: options.now ?? Date.now,
  };
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
    state,
    call: createCallOperation(createConsoleHandlers(db, state), log),
    close: () => {
      if (timer) clearInterval(timer);
      db.close();
    },
  };
}
