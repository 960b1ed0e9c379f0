import { defaultCatalog, type Catalog } from '../../shared/domain';
import { rememberedAgent } from './agents/agents';
import { createCallOperation, createConsoleHandlers, type CallOperation } from './console-api';
import { deskDatabasePath } from './data-dir';
import { openDeskDatabase, type WritableDb } from './db/connection';
import { quickCheckInBackground } from './db/background-check';
import { runIdleMaintenance } from './db/maintenance';
import type { DeskState } from './desk-session';
import { ensureDeskCode } from './desk-settings';
import { deskCatalog } from './import/catalog-additions';
import { warmAddressLookup } from './addresses/address-lookup';
import { bulkPullUnderway, finishBulkPull } from './sync/bulk-pull';
import type { FetchLike } from './sync/server-api';
import { SyncClient, type SyncClock } from './sync/sync-client';
import { readSyncSettings } from './sync/sync-store';
import { refuseWhileLocked, isLocked } from './agents/console-lock';
import { applyMachinePolicy } from './policy/desk-policy';
import { startHousekeeping } from './desk-housekeeping';
import type { PolicyFile } from './policy/policy-file';

/** How the desk talks to the sync server; tests inject a network and a clock. */
export interface DeskSyncOptions {
  fetch?: FetchLike;
  clock?: SyncClock;
  idleIntervalMs?: number;
  afterChangeMs?: number;
  pullPageLimit?: number;
}

/** A server that stops answering mid-request must not hold a sync run (or a sign-in) forever. */
const REQUEST_TIMEOUT_MS = 30_000;
const fetchWithTimeout: FetchLike = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

export interface DeskRuntimeOptions {
  dataDir: string;
  /** The desk database's encryption key (main/core/db/desk-key.ts); absent: the file is not encrypted. */
  databaseKey?: Buffer;
  /** The daily online backup (the desktop app turns it on; the policy's backup section sets where and how long). */
  dailyBackup?: false | { folder?: string; keepDays?: number };
  /** IT's machine policy file as read (policy/policy-file.ts); absent: none deployed. */
  policy?: PolicyFile;
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
  /** Background sync with the central server; `false` turns it off (the desk still works alone). */
  sync?: DeskSyncOptions | false;
}

/** One open desk: its database, who is signed in, and the console API over both. */
export interface DeskRuntime {
  file: string;
  db: WritableDb;
  /** Resolves when the start-up integrity check has finished (its verdict is in state.integrity). */
  integrityChecked: Promise<void>;
  state: DeskState;
  call: CallOperation;
  /** Background sync, absent when the runtime was opened with `sync: false`. */
  sync: SyncClient | null;
  /** The daily backup and retention purge (desk-housekeeping.ts); null when neither is asked for. */
  housekeeping: { runNow: () => Promise<void> } | null;
  close(): void;
}

/** Opens the desk the Electron shell and the browser host both serve. */
export function openDeskRuntime(options: DeskRuntimeOptions): DeskRuntime {
  const file = deskDatabasePath(options.dataDir);
  const { db } = openDeskDatabase(file, { quickCheck: 'caller-runs-it', ...(options.databaseKey ? { key: options.databaseKey } : {}) });
  const log = options.log ?? (() => {});
  let deskCode: string;
  let policy;
  try {
    policy = applyMachinePolicy(db, options.policy ?? { status: 'absent', path: '' });
    if (policy.problems.length > 0) {
      log(`the machine policy ${policy.file.path} ${policy.file.status === 'invalid' ? 'cannot be used' : 'does not fit this desk'}, so this desk works offline until IT corrects it: ${policy.problems.join('; ')}`);
    }
    deskCode = ensureDeskCode(db, policy.deskCode ?? options.deskCode);
  } catch (error) {
    db.close();
    throw error;
  }
  const state: DeskState = {
    session: { deskCode, timeZone: options.timeZone ?? 'America/Edmonton', agent: rememberedAgent(db) },
    // Service types a historic import added (flagged for review) belong to this desk's catalog too.
    catalog: deskCatalog(db, options.catalog ?? defaultCatalog),
    now: options.now ?? Date.now,
    integrity: { state: 'checking', message: null },
    fetch: (options.sync && options.sync.fetch) || fetchWithTimeout,
    policy,
    locked: isLocked(db),
  };
  // While IT's policy cannot be used the desk works offline: it might otherwise sync with the wrong server, or as the wrong desk.
  const sync = options.sync === false || policy.syncPaused ? null : startSync(db, state, options.sync ?? {}, log);
  // The address list's street index, built after the first paint rather than on the first keystroke.
  const warm = setTimeout(() => {
    try {
      warmAddressLookup(db);
    } catch (error) {
      log('preparing the address lookup failed', error);
    }
  }, 1_000);
  warm.unref();
  // A first pull the desk was closed in the middle of: its indexes and search entries are built now, in the background.
  if (bulkPullUnderway(db)) finishBulkPull(db).catch((error: unknown) => log('finishing the first pull failed', error));
  const check = quickCheckInBackground(file, options.integrityCheckDelayMs ?? 5_000, options.databaseKey);
  const integrity = check.verdict.then((verdict) => {
    if (!verdict) return;
    state.integrity = verdict.ok ? { state: 'ok', message: null } : { state: 'damaged', message: verdict.message };
    if (!verdict.ok) log(`the desk database ${file} failed quick_check: ${verdict.message}`);
  });
  const housekeeping =
    (options.dailyBackup ?? false) !== false || policy.policy?.retention
      ? startHousekeeping({ db, file, dataDir: options.dataDir, key: options.databaseKey, state, dailyBackup: options.dailyBackup ?? false, log })
      : null;
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
    sync,
    housekeeping,
    call: createCallOperation(createConsoleHandlers(db, state), { log, afterWrite: () => sync?.localChange(), guard: (name) => refuseWhileLocked(state, name) }),
    close: () => {
      sync?.stop();
      housekeeping?.stop();
      check.stop();
      if (timer) clearInterval(timer);
      clearTimeout(warm);
      db.close();
    },
  };
}

/** The sync client of a desk: it runs at once when settings exist, and from their first save otherwise. */
function startSync(db: WritableDb, state: DeskState, options: DeskSyncOptions, log: (message: string, error?: unknown) => void): SyncClient {
  const client = new SyncClient({
    db,
    deskCode: () => state.session.deskCode,
    fetch: state.fetch ?? fetchWithTimeout,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.idleIntervalMs !== undefined ? { idleIntervalMs: options.idleIntervalMs } : {}),
    ...(options.afterChangeMs !== undefined ? { afterChangeMs: options.afterChangeMs } : {}),
    ...(options.pullPageLimit !== undefined ? { pullPageLimit: options.pullPageLimit } : {}),
    log,
  });
  state.sync = client;
  if (readSyncSettings(db)) client.start();
  return client;
}
