import type { MachinePolicy } from '../../../shared/domain/machine-policy';
import type { PolicyFile } from '../policy/policy-file';
import { compareVersions, isPrerelease, parseVersion } from './version';

export type UpdatesPolicy = MachinePolicy['updates'];
export type UpdateChannel = NonNullable<UpdatesPolicy>['channel'];

/** What the updater does on this desk, decided once at start from the machine policy and the running version. */
export type UpdatePlan =
  | { kind: 'off'; reason: string }
  | {
      kind: 'on';
      /** A generic electron-updater feed: the folder holding latest.yml, latest-mac.yml, latest-linux.yml and the installers. */
      feedUrl: string;
      channel: UpdateChannel;
      /** The beta channel offers pre-release versions (1.5.0-beta.1); the latest channel never takes one unless pinned. */
      allowPrerelease: boolean;
      /** Only when pinned to a version below the running one: that is how IT rolls a desk back. */
      allowDowngrade: boolean;
      /** Install exactly this version and no other; null when not pinned. */
      pinVersion: string | null;
      checkIntervalMs: number;
    };

export type EnabledUpdatePlan = Extract<UpdatePlan, { kind: 'on' }>;

export const UPDATES_OFF_BY_POLICY = 'updates are turned off by the machine policy';
export const NO_UPDATE_FEED = 'no update feed in the machine policy';

const HOUR_MS = 60 * 60 * 1000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function planUpdates(policy: UpdatesPolicy | undefined, runningVersion: string): UpdatePlan {
  if (!policy) return { kind: 'off', reason: NO_UPDATE_FEED };
  if (!policy.enabled) return { kind: 'off', reason: UPDATES_OFF_BY_POLICY };
  if (policy.feedUrl === undefined) return { kind: 'off', reason: NO_UPDATE_FEED };
  const feedProblem = plainHttpFeed(policy.feedUrl);
  if (feedProblem) return { kind: 'off', reason: feedProblem };
  const running = parseVersion(runningVersion);
  if (!running) return { kind: 'off', reason: `this build's version '${runningVersion}' is not a version like 1.4.2, so it cannot be compared with the feed's` };
  let allowDowngrade = false;
  if (policy.pinVersion !== undefined) {
    const pin = parseVersion(policy.pinVersion);
    if (!pin) return { kind: 'off', reason: `the machine policy pins '${policy.pinVersion}', which is not a version like 1.4.2` };
    allowDowngrade = compareVersions(pin, running) < 0;
  }
  return {
    kind: 'on',
    feedUrl: policy.feedUrl,
    channel: policy.channel,
    allowPrerelease: policy.channel === 'beta',
    allowDowngrade,
    pinVersion: policy.pinVersion ?? null,
    checkIntervalMs: policy.checkEveryHours * HOUR_MS,
  };
}

/** The plan for the policy file as the desk read it: an unusable file turns updates off and says why. */
export function planFromPolicyFile(file: PolicyFile, runningVersion: string): UpdatePlan {
  if (file.status === 'absent') return { kind: 'off', reason: NO_UPDATE_FEED };
  if (file.status === 'invalid') return { kind: 'off', reason: `the machine policy file ${file.path} cannot be used (${file.problems.join('; ')}), so updates are off` };
  return planUpdates(file.policy.updates, runningVersion);
}

/**
 * On Linux nothing but the feed's own checksums vouches for a download, so the feed must be reached
 * over TLS; elsewhere plain http would still let anyone on the path hold updates back or replay an
 * old feed. Loopback is allowed for testing a feed on the desk itself.
 */
function plainHttpFeed(feedUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return `the update feed '${feedUrl}' is not an address`;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return null;
  return `the update feed must be an https:// address (the machine policy has ${url.protocol}//${url.host})`;
}

/** What the feed offered (electron-updater's UpdateInfo, the fields we read). */
export interface OfferedUpdate {
  version: string;
  stagingPercentage?: number;
}

export type DownloadDecision = { download: true; reason: string } | { download: false; reason: string };

/**
 * Whether to download what the feed offers. electron-updater has already applied the staged
 * rollout before it offers anything (it compares latest.yml's stagingPercentage with this
 * install's random id in `.updaterId`); this never re-rolls that, it only refuses more.
 */
export function shouldDownload(plan: UpdatePlan, runningVersion: string, offered: OfferedUpdate): DownloadDecision {
  if (plan.kind === 'off') return { download: false, reason: plan.reason };
  const version = parseVersion(offered.version);
  const running = parseVersion(runningVersion);
  if (!version) return { download: false, reason: `the feed offers '${offered.version}', which is not a version like 1.4.2` };
  if (!running) return { download: false, reason: `this build's version '${runningVersion}' is not a version like 1.4.2` };
  if (offered.stagingPercentage !== undefined && offered.stagingPercentage <= 0) {
    return { download: false, reason: `version ${offered.version} is on the feed with its rollout halted (stagingPercentage 0)` };
  }
  if (plan.pinVersion !== null) {
    const pin = parseVersion(plan.pinVersion);
    if (pin && compareVersions(running, pin) === 0) {
      return { download: false, reason: `this desk already runs ${plan.pinVersion}, the version the machine policy pins` };
    }
    if (!pin || compareVersions(version, pin) !== 0) {
      return { download: false, reason: `the feed offers ${offered.version}, but the machine policy pins this desk to ${plan.pinVersion}` };
    }
    return { download: true, reason: `version ${offered.version} is the version the machine policy pins` };
  }
  const order = compareVersions(version, running);
  if (order === 0) return { download: false, reason: `this desk already runs ${offered.version}` };
  if (order < 0) return { download: false, reason: `the feed offers ${offered.version}, older than the ${runningVersion} this desk runs` };
  if (isPrerelease(version) && !plan.allowPrerelease) {
    return { download: false, reason: `the feed offers the pre-release ${offered.version}, and this desk is on the ${plan.channel} channel` };
  }
  return { download: true, reason: `version ${offered.version} is newer than ${runningVersion}` };
}
