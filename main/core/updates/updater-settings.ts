import type { EnabledUpdatePlan } from './update-plan';

/**
 * The settings of electron-updater's autoUpdater that CivicDesk sets, by shape, so the order they
 * are set in is tested here without Electron (main/app/updater.ts passes the real autoUpdater).
 */
export interface UpdaterSettingsTarget {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  disableWebInstaller: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
}

/**
 * Points the updater at the policy's feed. Nothing here weakens a check: no forceDevUpdateConfig,
 * no custom verifyUpdateCodeSignature, no isUserWithinRollout override (the staged rollout stays
 * electron-updater's own), and web installers, which may skip the signature check, are refused.
 */
export function applyUpdaterSettings(target: UpdaterSettingsTarget, plan: EnabledUpdatePlan): void {
  // We decide what to download (shouldDownload, on 'update-available').
  target.autoDownload = false;
  // A download that could not install during the session installs as the app quits.
  target.autoInstallOnAppQuit = true;
  target.disableWebInstaller = true;
  target.setFeedURL({ provider: 'generic', url: plan.feedUrl, channel: plan.channel });
  // Setting the channel also sets allowDowngrade to true, so allowDowngrade comes after it.
  target.channel = plan.channel;
  target.allowPrerelease = plan.allowPrerelease;
  target.allowDowngrade = plan.allowDowngrade;
}

/**
 * Why this installation cannot update safely, or null when it can. Reads resources/app-update.yml,
 * which electron-builder writes only when its configuration has a `publish` entry:
 * - every OS: electron-updater keeps its download cache where that file says; without the file a
 *   download fails, so updates are off with a reason IT can act on;
 * - Windows: electron-updater checks the new installer's Authenticode signature against the file's
 *   `publisherName` and silently skips the check when the key is missing. Updating unverified is
 *   refused here instead. (macOS's Squirrel.Mac checks code signatures without it; on Linux only
 *   the feed's sha512, fetched over https, vouches for a package.)
 */
export function appUpdateConfigProblem(platform: NodeJS.Platform, appUpdateYml: string | null): string | null {
  const fix = 'IT must install a build made with a publish entry and a publisher name (docs/it-deployment.md, "Updates")';
  if (appUpdateYml === null) return `this installation has no app-update.yml, so it cannot download or verify an update; ${fix}`;
  if (platform === 'win32' && publisherNames(appUpdateYml).length === 0) {
    return `this installation's app-update.yml names no publisher, so an update's signature could not be checked; ${fix}`;
  }
  return null;
}

/** The `publisherName` of electron-builder's app-update.yml: `publisherName: X` or a `- X` list under it. */
export function publisherNames(appUpdateYml: string): string[] {
  const lines = appUpdateYml.split(/\r?\n/);
  const at = lines.findIndex((line) => /^publisherName\s*:/.test(line));
  if (at < 0) return [];
  const inline = unquote(lines[at]!.replace(/^publisherName\s*:/, ''));
  if (inline.startsWith('[')) return inline.slice(1, inline.lastIndexOf(']')).split(',').map(unquote).filter((name) => name !== '');
  if (inline !== '' && inline !== 'null' && inline !== '~') return [inline];
  const names: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s*(.*)$/.exec(line);
    if (!item) break;
    const name = unquote(item[1]!);
    if (name !== '') names.push(name);
  }
  return names;
}

function unquote(text: string): string {
  const trimmed = text.replace(/\s+#.*$/, '').trim();
  const quoted = /^(['"])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2]! : trimmed;
}
