import { describe, expect, it } from 'vitest';
import { planUpdates, type EnabledUpdatePlan } from './update-plan';
import { applyUpdaterSettings, publisherNames, appUpdateConfigProblem, type UpdaterSettingsTarget } from './updater-settings';

const FEED = 'https://updates.lethbridge.example/civicdesk/';

/** Behaves as electron-updater's AppUpdater does where it matters: setting `channel` turns allowDowngrade on. */
function updaterLike() {
  const feeds: unknown[] = [];
  let channel: string | null = null;
  const target: UpdaterSettingsTarget = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowPrerelease: false,
    allowDowngrade: false,
    disableWebInstaller: false,
    get channel() {
      return channel;
    },
    set channel(value) {
      channel = value;
      target.allowDowngrade = true;
    },
    setFeedURL: (options) => feeds.push(options),
  };
  return { target, feeds };
}

const enabled = (pinVersion?: string, channel: 'latest' | 'beta' = 'latest'): EnabledUpdatePlan => {
  const plan = planUpdates({ enabled: true, feedUrl: FEED, channel, checkEveryHours: 4, ...(pinVersion ? { pinVersion } : {}) }, '1.4.2');
  if (plan.kind !== 'on') throw new Error(plan.reason);
  return plan;
};

describe('applyUpdaterSettings', () => {
  it('points the updater at the feed, downloads only on our say-so, installs at quit', () => {
    const { target, feeds } = updaterLike();
    applyUpdaterSettings(target, enabled());
    expect(feeds).toEqual([{ provider: 'generic', url: FEED, channel: 'latest' }]);
    expect(target).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true, disableWebInstaller: true, channel: 'latest', allowPrerelease: false });
  });

  it('leaves downgrades off unless pinned below, although setting the channel turns them on', () => {
    const unpinned = updaterLike();
    applyUpdaterSettings(unpinned.target, enabled());
    expect(unpinned.target.allowDowngrade).toBe(false);
    const pinnedAbove = updaterLike();
    applyUpdaterSettings(pinnedAbove.target, enabled('1.5.0'));
    expect(pinnedAbove.target.allowDowngrade).toBe(false);
    const rollback = updaterLike();
    applyUpdaterSettings(rollback.target, enabled('1.3.0'));
    expect(rollback.target.allowDowngrade).toBe(true);
  });

  it('follows the beta channel', () => {
    const { target, feeds } = updaterLike();
    applyUpdaterSettings(target, enabled(undefined, 'beta'));
    expect(feeds).toEqual([{ provider: 'generic', url: FEED, channel: 'beta' }]);
    expect(target).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
  });
});

describe('appUpdateConfigProblem', () => {
  // What electron-builder writes into resources/app-update.yml.
  const written = 'provider: generic\nurl: https://updates.invalid/civicdesk\nchannel: latest\npublisherName:\n  - City of Lethbridge 311\nupdaterCacheDirName: civicdesk-updater\n';

  it('lets Windows update only when app-update.yml names a publisher', () => {
    expect(appUpdateConfigProblem('win32', written)).toBeNull();
    expect(appUpdateConfigProblem('win32', 'provider: generic\nurl: https://x.example\nupdaterCacheDirName: civicdesk-updater\n')).toMatch(/names no publisher/);
    expect(appUpdateConfigProblem('win32', null)).toMatch(/has no app-update.yml/);
  });

  it('needs the file, but no publisher, on macOS and Linux', () => {
    const noPublisher = 'provider: generic\nurl: https://x.example\nupdaterCacheDirName: civicdesk-updater\n';
    expect(appUpdateConfigProblem('darwin', noPublisher)).toBeNull();
    expect(appUpdateConfigProblem('linux', noPublisher)).toBeNull();
    expect(appUpdateConfigProblem('darwin', null)).toMatch(/has no app-update.yml/);
    expect(appUpdateConfigProblem('linux', null)).toMatch(/has no app-update.yml/);
  });

  it('reads the publisher names in each YAML form', () => {
    expect(publisherNames(written)).toEqual(['City of Lethbridge 311']);
    expect(publisherNames('publisherName: "City of Lethbridge 311"\n')).toEqual(['City of Lethbridge 311']);
    expect(publisherNames("publisherName: ['A', B]\n")).toEqual(['A', 'B']);
    expect(publisherNames('publisherName:\n  - CN=City, O=City of Lethbridge\n  - Other\nurl: x\n')).toEqual(['CN=City, O=City of Lethbridge', 'Other']);
    expect(publisherNames('publisherName: null\n')).toEqual([]);
    expect(publisherNames('publisherName:\nurl: x\n')).toEqual([]);
  });
});
