import { applyDecision } from './apply-decision';
import { shouldDownload, type OfferedUpdate, type UpdatePlan } from './update-plan';
import { describeUpdateError, initialUpdateStatus, reduceUpdateStatus, type UpdateStatus, type UpdateStatusEvent } from './update-status';

/** The parts of electron-updater's autoUpdater the controller drives (main/app/updater.ts adapts it). */
export interface UpdaterPort {
  /** Failures arrive as an 'error' event as well as a rejection. */
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  /** Quits, installs silently and starts the new version. */
  quitAndInstall(): void;
}

/** electron-updater's events, with the fields the controller reads. */
export type UpdaterEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-available'; info: OfferedUpdate }
  | { type: 'update-not-available'; info?: OfferedUpdate }
  | { type: 'download-progress'; percent: number }
  | { type: 'update-downloaded'; info: OfferedUpdate }
  | { type: 'update-cancelled' }
  | { type: 'error'; error: unknown };

export interface UpdateControllerOptions {
  plan: UpdatePlan;
  currentVersion: string;
  updater: UpdaterPort;
  /** Whether a call is being taken (drafts/intake-in-progress.ts); a throw counts as yes. */
  intakeInProgress: () => boolean;
  log: (message: string, error?: unknown) => void;
  publish: (status: UpdateStatus) => void;
  /**
   * Why updates cannot run in this installation whatever the policy says: it could not verify an
   * update's signature (updater-settings.ts), or it is a development run. Updates stay off.
   */
  unavailable?: string | null;
  now?: () => number;
  /** The first check waits this long after start, so it never competes with the console coming up. */
  firstCheckDelayMs?: number;
  /** While an intake holds a ready update back, how often to ask again. */
  installPollMs?: number;
}

export interface UpdateController {
  start(): void;
  handle(event: UpdaterEvent): void;
  /** Looks for an update now (a menu item, a test). */
  checkNow(): void;
  /** The console finished or cancelled an intake: a ready update may install now. */
  intakeEnded(): void;
  /** The app is quitting: a ready update installs as it exits (autoInstallOnAppQuit). */
  quitting(): void;
  status(): UpdateStatus;
  stop(): void;
}

export const FIRST_CHECK_DELAY_MS = 60_000;
export const INSTALL_POLL_MS = 30_000;

/**
 * Decides everything about updates; the Electron side only forwards autoUpdater's events here and
 * carries out what this asks. Never throws: every failure is logged and shown in the status.
 */
export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const plan: UpdatePlan = options.unavailable ? { kind: 'off', reason: options.unavailable } : options.plan;
  const { updater, log, currentVersion } = options;
  const now = options.now ?? Date.now;
  const retryHours = plan.kind === 'on' ? plan.checkIntervalMs / 3_600_000 : 0;
  let status = initialUpdateStatus(plan, currentVersion);
  let firstCheck: ReturnType<typeof setTimeout> | undefined;
  let checks: ReturnType<typeof setInterval> | undefined;
  let installPoll: ReturnType<typeof setInterval> | undefined;
  let started = false;
  let stopped = false;
  let isQuitting = false;
  let downloading: string | null = null;
  let ready: string | null = null;
  let installing = false;
  let waitingLogged = false;
  let lastError: unknown;

  const set = (event: UpdateStatusEvent): void => {
    const next = reduceUpdateStatus(status, event);
    if (next === status) return;
    status = next;
    try {
      options.publish(status);
    } catch (error) {
      log('updates: could not show the update status', error);
    }
  };

  const failed = (error: unknown, during: string): void => {
    if (error === lastError) return; // electron-updater emits the error and also rejects with it
    lastError = error;
    log(`updates: ${during} failed${downloading ? ` (version ${downloading})` : ''}; running ${currentVersion}`, error);
    downloading = null;
    set({ type: 'failed', message: describeUpdateError(error, retryHours), at: now() });
  };

  const attempt = (during: string, run: () => Promise<unknown>): void => {
    try {
      run().catch((error: unknown) => failed(error, during));
    } catch (error) {
      failed(error, during);
    }
  };

  const busy = (): boolean => {
    try {
      return options.intakeInProgress();
    } catch (error) {
      log('updates: could not tell whether an intake is in progress, so the update waits', error);
      return true;
    }
  };

  const clearTimers = (): void => {
    clearTimeout(firstCheck);
    clearInterval(checks);
    clearInterval(installPoll);
    firstCheck = checks = installPoll = undefined;
  };

  const check = (): void => {
    if (stopped || isQuitting || plan.kind === 'off') return;
    if (ready || downloading) {
      log(`updates: check skipped: version ${ready ?? downloading} is ${ready ? 'ready' : 'downloading'}`);
      return;
    }
    attempt('the update check', () => updater.checkForUpdates());
  };

  const tryInstall = (trigger: string): void => {
    if (!ready || installing) return;
    const version = ready;
    const decision = applyDecision({ downloaded: true, intakeInProgress: isQuitting ? false : busy(), quitting: isQuitting });
    if (decision === 'at-quit') {
      log(`updates: version ${version} installs as CivicDesk quits (${trigger})`);
      set({ type: 'installs-at-quit', version });
      return;
    }
    if (decision === 'wait') {
      set({ type: 'ready', version, intakeInProgress: true });
      if (!waitingLogged) log(`updates: version ${version} is ready; it waits for the intake in progress to end (${trigger})`);
      waitingLogged = true;
      installPoll ??= setInterval(() => tryInstall('an intake check'), options.installPollMs ?? INSTALL_POLL_MS);
      return;
    }
    log(`updates: installing version ${version} now, no intake in progress (${trigger}); CivicDesk restarts`);
    installing = true;
    clearTimers();
    set({ type: 'installing', version });
    try {
      updater.quitAndInstall();
    } catch (error) {
      log(`updates: installing version ${version} failed; it installs as CivicDesk quits`, error);
      set({ type: 'installs-at-quit', version });
    }
  };

  return {
    start() {
      if (started) return;
      started = true;
      options.publish(status);
      if (plan.kind === 'off') {
        log(`updates: off: ${plan.reason}; running ${currentVersion}`);
        return;
      }
      const firstDelay = options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS;
      log(
        `updates: on: feed ${plan.feedUrl}, channel ${plan.channel}${plan.pinVersion ? `, pinned to ${plan.pinVersion}` : ''}` +
          `${plan.allowDowngrade ? ' (a downgrade)' : ''}, checked every ${retryHours} h, first in ${Math.round(firstDelay / 1000)} s; running ${currentVersion}`,
      );
      firstCheck = setTimeout(check, firstDelay);
      checks = setInterval(check, plan.checkIntervalMs);
    },

    handle(event) {
      if (stopped || plan.kind === 'off') return;
      switch (event.type) {
        case 'checking-for-update':
          log(`updates: checking the feed (running ${currentVersion}, channel ${plan.channel})`);
          set({ type: 'checking' });
          return;
        case 'update-not-available':
          log(`updates: nothing to install (the feed offers ${event.info?.version ?? 'no version'}; running ${currentVersion})`);
          set({ type: 'up-to-date', at: now() });
          return;
        case 'update-available': {
          const version = event.info.version;
          if (ready || downloading) return;
          const decision = shouldDownload(plan, currentVersion, event.info);
          if (!decision.download) {
            log(`updates: not downloading version ${version}: ${decision.reason}`);
            set({ type: 'turned-down', version, reason: decision.reason, at: now() });
            return;
          }
          log(`updates: downloading version ${version}: ${decision.reason}`);
          downloading = version;
          set({ type: 'downloading', version });
          attempt('the download', () => updater.downloadUpdate());
          return;
        }
        case 'download-progress':
          set({ type: 'progress', percent: event.percent });
          return;
        case 'update-downloaded':
          // electron-updater emits this only after the checksum, and on Windows the installer's
          // signature, have been verified (updater.ts says what verifies what on each OS).
          log(`updates: version ${event.info.version} downloaded and verified`);
          downloading = null;
          ready = event.info.version;
          waitingLogged = false;
          tryInstall('the download finished');
          return;
        case 'update-cancelled':
          log(`updates: the download of version ${downloading ?? '?'} was cancelled`);
          downloading = null;
          set({ type: 'cancelled' });
          return;
        case 'error':
          failed(event.error, downloading ? 'the download' : 'the update check');
          return;
      }
    },

    checkNow: check,

    intakeEnded() {
      if (!stopped) tryInstall('an intake ended');
    },

    quitting() {
      if (isQuitting) return;
      isQuitting = true;
      clearTimers();
      tryInstall('the app is quitting');
    },

    status: () => status,

    stop() {
      stopped = true;
      clearTimers();
    },
  };
}
