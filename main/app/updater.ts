// Updates with electron-updater, from the feed the machine policy names. The only file that imports
// electron-updater. Every decision lives in main/core/updates/ (tested without Electron): what the
// policy allows (update-plan.ts), what to download (shouldDownload), when to install
// (apply-decision.ts, never during an intake), what the status says (update-status.ts), and the
// sequence of it all (update-controller.ts). This file sets autoUpdater up and relays its events.
//
// What verifies an update, and is never weakened here (no forceDevUpdateConfig, no custom
// verifyUpdateCodeSignature or isUserWithinRollout, web installers refused):
// - Every OS: the downloaded file's sha512 must equal the one in the feed's latest*.yml, which the
//   desk fetches over https (update-plan.ts refuses a plain http feed).
// - Windows (NSIS): before 'update-downloaded', electron-updater runs Get-AuthenticodeSignature on
//   the new installer and requires a valid signature whose signer matches `publisherName` in
//   resources/app-update.yml. With no publisherName it would skip that check silently, so this
//   refuses to update at all then (appUpdateConfigProblem).
// - macOS: electron-updater hands the zip to Squirrel.Mac (Electron's autoUpdater), which installs
//   only an app whose code signature satisfies the running app's designated requirement (same
//   Developer ID team); the running app itself must be signed for updates to work at all.
// - Linux (AppImage, deb): nothing signs the package; the https feed's sha512 is the check.
import { app } from 'electron';
import electronUpdater, { type ProgressInfo, type UpdateInfo } from 'electron-updater';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUpdateController, type UpdaterEvent } from '../core/updates/update-controller';
import type { UpdatePlan } from '../core/updates/update-plan';
import type { UpdateStatus } from '../core/updates/update-status';
import { appUpdateConfigProblem, applyUpdaterSettings } from '../core/updates/updater-settings';

export interface StartUpdaterOptions {
  /** planFromPolicyFile(policyFile, app.getVersion()) or planUpdates(policy.updates, app.getVersion()). */
  plan: UpdatePlan;
  log: (message: string, error?: unknown) => void;
  /** intakeInProgress(runtime.db) (main/core/drafts/intake-in-progress.ts); true when it cannot tell. */
  intakeInProgress: () => boolean;
  /** Called with every new status (for the console, once it has somewhere to show it). */
  publish: (status: UpdateStatus) => void;
}

export interface RunningUpdater {
  status(): UpdateStatus;
  /** The console finished or cancelled an intake: a ready update may install now instead of at the next 30 s poll. */
  intakeEnded(): void;
  stop(): void;
}

export function startUpdater(options: StartUpdaterOptions): RunningUpdater {
  const { plan, log } = options;
  const unavailable =
    plan.kind === 'off'
      ? null
      : app.isPackaged
        ? appUpdateConfigProblem(process.platform, readAppUpdateConfig(log))
        : 'updates run only in an installed CivicDesk, and this is a development run';
  const enabled = plan.kind === 'on' && !unavailable;
  // Reading electron-updater's autoUpdater creates the platform's updater; a desk with updates off
  // never does, so nothing, not even an update downloaded in an earlier session, installs on it.
  const autoUpdater = enabled ? electronUpdater.autoUpdater : null;

  const controller = createUpdateController({
    plan,
    currentVersion: app.getVersion(),
    unavailable,
    log,
    publish: options.publish,
    intakeInProgress: options.intakeInProgress,
    updater: {
      checkForUpdates: async () => autoUpdater?.checkForUpdates(),
      downloadUpdate: async () => autoUpdater?.downloadUpdate(),
      // Silent, and CivicDesk starts again on the new version.
      quitAndInstall: () => autoUpdater?.quitAndInstall(true, true),
    },
  });

  const relay = (event: UpdaterEvent) => () => controller.handle(event);
  const offered = (info: UpdateInfo) => ({ version: info.version, ...(info.stagingPercentage === undefined ? {} : { stagingPercentage: info.stagingPercentage }) });
  const listeners = {
    'checking-for-update': relay({ type: 'checking-for-update' }),
    'update-available': (info: UpdateInfo) => controller.handle({ type: 'update-available', info: offered(info) }),
    'update-not-available': (info: UpdateInfo) => controller.handle({ type: 'update-not-available', info: offered(info) }),
    'download-progress': (progress: ProgressInfo) => controller.handle({ type: 'download-progress', percent: progress.percent }),
    'update-downloaded': (info: UpdateInfo) => controller.handle({ type: 'update-downloaded', info: offered(info) }),
    'update-cancelled': relay({ type: 'update-cancelled' }),
    error: (error: Error) => controller.handle({ type: 'error', error }),
  };
  if (autoUpdater && plan.kind === 'on') {
    autoUpdater.logger = {
      info: (message?: unknown) => log(`electron-updater: ${String(message)}`),
      warn: (message?: unknown) => log(`electron-updater (warning): ${String(message)}`),
      error: (message?: unknown) => log(`electron-updater (error): ${String(message)}`),
    };
    applyUpdaterSettings(autoUpdater, plan);
    autoUpdater.on('checking-for-update', listeners['checking-for-update']);
    autoUpdater.on('update-available', listeners['update-available']);
    autoUpdater.on('update-not-available', listeners['update-not-available']);
    autoUpdater.on('download-progress', listeners['download-progress']);
    autoUpdater.on('update-downloaded', listeners['update-downloaded']);
    autoUpdater.on('update-cancelled', listeners['update-cancelled']);
    autoUpdater.on('error', listeners.error);
  }
  const onQuit = (): void => controller.quitting();
  app.on('before-quit', onQuit);
  controller.start();

  return {
    status: () => controller.status(),
    intakeEnded: () => controller.intakeEnded(),
    stop: () => {
      controller.stop();
      app.off('before-quit', onQuit);
      if (!autoUpdater) return;
      autoUpdater.off('checking-for-update', listeners['checking-for-update']);
      autoUpdater.off('update-available', listeners['update-available']);
      autoUpdater.off('update-not-available', listeners['update-not-available']);
      autoUpdater.off('download-progress', listeners['download-progress']);
      autoUpdater.off('update-downloaded', listeners['update-downloaded']);
      autoUpdater.off('update-cancelled', listeners['update-cancelled']);
      autoUpdater.off('error', listeners.error);
    },
  };
}

/** electron-builder's resources/app-update.yml: the updater's cache folder and, on Windows, the publisher an installer must be signed by. */
function readAppUpdateConfig(log: StartUpdaterOptions['log']): string | null {
  const file = join(process.resourcesPath, 'app-update.yml');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    log(`updates: cannot read ${file}`, error);
    return null;
  }
}
