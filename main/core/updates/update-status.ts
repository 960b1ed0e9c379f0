import type { UpdateChannel, UpdatePlan } from './update-plan';

/** What the console shows about updates, in words a specialist can read. */
export interface UpdateStatus {
  state: 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error';
  /** The version this desk runs. */
  currentVersion: string;
  /** The version being downloaded, ready to install, or last turned down. */
  version?: string;
  /** Download progress, 0–100, while downloading. */
  percent?: number;
  message: string;
  /** The version the machine policy pins this desk to. */
  pinnedVersion?: string;
  channel: UpdateChannel | null;
  /** When the feed last answered (ISO time). */
  lastCheckedAt?: string;
}

/** What happened, as the update controller (update-controller.ts) reports it. `at` is epoch ms. */
export type UpdateStatusEvent =
  | { type: 'checking' }
  | { type: 'up-to-date'; at: number }
  | { type: 'turned-down'; version: string; reason: string; at: number }
  | { type: 'downloading'; version: string }
  | { type: 'progress'; percent: number }
  | { type: 'ready'; version: string; intakeInProgress: boolean }
  | { type: 'installing'; version: string }
  | { type: 'installs-at-quit'; version: string }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string; at: number };

export function initialUpdateStatus(plan: UpdatePlan, currentVersion: string): UpdateStatus {
  if (plan.kind === 'off') return { state: 'off', currentVersion, channel: null, message: `Updates are off: ${plan.reason}.` };
  const pinned = plan.pinVersion === null ? {} : { pinnedVersion: plan.pinVersion };
  return { state: 'idle', currentVersion, channel: plan.channel, ...pinned, message: idleMessage(plan.pinVersion, currentVersion) };
}

/**
 * The status after an event. Once an update is ready only its installing changes the status: a
 * verified download stays ready whatever a later check or error says.
 */
export function reduceUpdateStatus(status: UpdateStatus, event: UpdateStatusEvent): UpdateStatus {
  if (status.state === 'off') return status;
  const { version: _version, percent: _percent, ...base } = status;
  if (status.state === 'ready' && event.type !== 'installing' && event.type !== 'installs-at-quit' && event.type !== 'ready') return status;
  switch (event.type) {
    case 'checking':
      if (status.state === 'downloading') return status;
      return { ...base, state: 'checking', message: 'Looking for an update…' };
    case 'up-to-date':
      return { ...base, state: 'idle', lastCheckedAt: iso(event.at), message: idleMessage(status.pinnedVersion ?? null, status.currentVersion) };
    case 'turned-down':
      return {
        ...base,
        state: 'idle',
        version: event.version,
        lastCheckedAt: iso(event.at),
        message: `Version ${event.version} is on the update feed but is not installed here: ${event.reason}.`,
      };
    case 'downloading':
      return { ...base, state: 'downloading', version: event.version, percent: 0, message: `Downloading version ${event.version}…` };
    case 'progress': {
      if (status.state !== 'downloading' || status.version === undefined) return status;
      const percent = Math.max(0, Math.min(100, Math.floor(event.percent)));
      return { ...status, percent, message: `Downloading version ${status.version} (${percent}%)…` };
    }
    case 'ready':
      return {
        ...base,
        state: 'ready',
        version: event.version,
        message: event.intakeInProgress
          ? `Version ${event.version} is ready; it installs after this call.`
          : `Version ${event.version} is ready; it installs when CivicDesk is between calls.`,
      };
    case 'installing':
      return { ...base, state: 'ready', version: event.version, message: `Installing version ${event.version}; CivicDesk restarts in a moment.` };
    case 'installs-at-quit':
      return { ...base, state: 'ready', version: event.version, message: `Version ${event.version} installs as CivicDesk closes; the next start runs it.` };
    case 'cancelled':
      return { ...base, state: 'idle', message: `${idleMessage(status.pinnedVersion ?? null, status.currentVersion)} (the download was stopped; it is tried again at the next check).` };
    case 'failed':
      return { ...base, state: 'error', lastCheckedAt: status.lastCheckedAt ?? iso(event.at), message: event.message };
  }
}

function idleMessage(pinVersion: string | null, currentVersion: string): string {
  if (pinVersion === null) return `CivicDesk ${currentVersion} is up to date`;
  if (pinVersion === currentVersion) return `CivicDesk ${currentVersion} is the version the machine policy pins`;
  return `CivicDesk ${currentVersion} runs; the machine policy pins version ${pinVersion}`;
}

const iso = (at: number): string => new Date(at).toISOString();

/**
 * A specialist-readable account of an updater error (the full error goes to the log). Never a
 * stack or a URL: the specialist can only carry on and tell IT.
 */
export function describeUpdateError(error: unknown, retryHours: number): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const text = error instanceof Error ? error.message : String(error);
  const later = `CivicDesk keeps working and tries again within ${retryHours} hour${retryHours === 1 ? '' : 's'}`;
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return `An update was refused: it is not signed by the expected publisher. ${later}; tell IT.`;
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(text)) {
    return `An update was refused: the download does not match the checksum the update feed lists. ${later}.`;
  }
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND') {
    return `The update feed lists no release for this desk. ${later}; tell IT.`;
  }
  if (/code signature|not signed|signature/i.test(text)) return `An update was refused: its code signature did not verify. ${later}; tell IT.`;
  if (/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|net::ERR_|timeout|socket hang up|HttpError|status code/i.test(`${code} ${text}`)) {
    return `The update feed could not be reached. ${later}.`;
  }
  return `Updates ran into a problem. ${later}.`;
}
