import type { WritableDb } from '../db/connection';
import { pendingCount } from '../outbox';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { ServerApi, ServerError, ServerUnreachable, type FetchLike } from './server-api';
import { SyncStopped, syncOnce, type SyncSession } from './sync-cycle';
import { readSyncProgress, readSyncSettings, recordSyncError, recordSyncSuccess } from './sync-store';

/** Time and timers, injected so tests (and the simulation) decide when things happen. */
export interface SyncClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

export interface SyncClientState {
  configured: boolean;
  online: boolean;
  syncing: boolean;
  pendingMutations: number;
  lastSuccessAt: number | null;
  lastError: string | null;
  conflicts: number;
  /** The server refused this desk's protocol version (426): sync stops until the desk is updated. */
  updateRequired: boolean;
}

export interface SyncClientOptions {
  db: WritableDb;
  deskCode: () => string;
  fetch: FetchLike;
  clock?: SyncClock;
  /** How often an idle desk asks for other desks' changes. */
  idleIntervalMs?: number;
  /** How soon after a local change it pushes. */
  afterChangeMs?: number;
  backoff?: BackoffPolicy;
  pullPageLimit?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Syncs the desk in the background: push then pull, one run at a time, never holding a database
 * transaction across a network wait. Runs when started, periodically while idle, soon after a
 * local change, and on "sync now"; after a failure it backs off exponentially with full jitter.
 */
export class SyncClient {
  private readonly clock: SyncClock;
  private readonly token: { value: string | null } = { value: null };
  private timer: { handle: unknown; dueAt: number } | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private online = false;
  private updateRequired = false;
  private lastError: string | null = null;

  constructor(private readonly options: SyncClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.lastError = readSyncProgress(options.db).lastError;
  }

  state(): SyncClientState {
    if (this.stopped) throw new Error('sync: the client has stopped (the desk closed)');
    const progress = readSyncProgress(this.options.db);
    return {
      configured: readSyncSettings(this.options.db) !== null,
      online: this.online,
      syncing: this.running !== null,
      pendingMutations: pendingCount(this.options.db),
      lastSuccessAt: progress.lastSuccessAt,
      lastError: this.lastError,
      conflicts: progress.conflicts,
      updateRequired: this.updateRequired,
    };
  }

  /** Starts background sync (the first run at once). */
  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** Runs now, forgetting any back-off; resolves with the state after that run. */
  async syncNow(): Promise<SyncClientState> {
    this.failures = 0;
    this.updateRequired = false;
    this.cancelTimer();
    if (this.running) await this.running;
    await this.run();
    if (this.stopped) throw new SyncStopped('the desk closed during sync');
    return this.state();
  }

  /** A local write happened: push it soon — unless the desk is offline and backing off. */
  localChange(): void {
    if (!this.online || this.stopped || this.updateRequired) return;
    const delay = this.options.afterChangeMs ?? 1_000;
    if (this.timer && this.timer.dueAt <= this.clock.now() + delay) return;
    this.schedule(delay);
  }

  /** The server URL, tenant or desk secret changed: sign the desk in again and sync. */
  settingsChanged(): Promise<SyncClientState> {
    this.token.value = null;
    this.online = false;
    return this.syncNow();
  }

  private cancelTimer(): void {
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.updateRequired) return;
    this.cancelTimer();
    const handle = this.clock.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
    this.timer = { handle, dueAt: this.clock.now() + delayMs };
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const { db } = this.options;
    const settings = readSyncSettings(db);
    if (!settings) return; // nothing to sync with until someone enters a server
    const api = new ServerApi(settings.serverUrl, this.options.fetch);
    const session: SyncSession = {
      db,
      api,
      settings,
      deskCode: this.options.deskCode(),
      now: () => this.clock.now(),
      token: this.token,
      isStopped: () => this.stopped,
      log: (message) => this.options.log?.(message),
    };
    try {
      if (!this.online) await api.health();
      this.online = true;
      await syncOnce(session, this.options.pullPageLimit);
      if (this.stopped) return;
      this.failures = 0;
      this.lastError = null;
      recordSyncSuccess(db, this.clock.now());
      this.schedule(pendingCount(db) > 0 ? 0 : (this.options.idleIntervalMs ?? 15_000));
    } catch (error) {
      if (error instanceof SyncStopped || this.stopped) return;
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    const { db } = this.options;
    if (error instanceof ServerError && error.status === 426) {
      this.updateRequired = true;
      this.lastError = `Update required: the sync server no longer accepts this version of CivicDesk. Install the latest version to sync again. (${error.message})`;
    } else if (error instanceof ServerError && error.status === 401) {
      this.lastError = `The sync server refused this desk's credentials (desk ${this.options.deskCode()}): check the tenant, desk code and desk secret in sync settings. (${error.message})`;
    } else {
      this.lastError = error instanceof Error ? error.message : String(error);
    }
    if (error instanceof ServerUnreachable) this.online = false;
    this.options.log?.(`sync failed: ${this.lastError}`, error instanceof ServerUnreachable || error instanceof ServerError ? undefined : error);
    recordSyncError(db, this.lastError, this.clock.now());
    this.failures += 1;
    this.schedule(backoffDelay(this.failures, () => this.clock.random(), this.options.backoff ?? DEFAULT_BACKOFF));
  }
}
