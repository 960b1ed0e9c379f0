import { describe, expect, it } from 'vitest';
import { planUpdates } from './update-plan';
import { describeUpdateError, initialUpdateStatus, reduceUpdateStatus, type UpdateStatus, type UpdateStatusEvent } from './update-status';

const FEED = 'https://updates.lethbridge.example/civicdesk/';
const on = planUpdates({ enabled: true, feedUrl: FEED, channel: 'latest', checkEveryHours: 4 }, '1.4.2');
const pinned = planUpdates({ enabled: true, feedUrl: FEED, channel: 'latest', pinVersion: '1.3.0', checkEveryHours: 4 }, '1.4.2');
const AT = Date.parse('2026-11-27T15:30:00Z');

const run = (status: UpdateStatus, ...events: UpdateStatusEvent[]) => events.reduce(reduceUpdateStatus, status);

describe('the update status', () => {
  it('starts off with the plan’s reason, or idle with the channel and the pin', () => {
    expect(initialUpdateStatus({ kind: 'off', reason: 'no update feed in the machine policy' }, '1.4.2')).toEqual({
      state: 'off',
      currentVersion: '1.4.2',
      channel: null,
      message: 'Updates are off: no update feed in the machine policy.',
    });
    expect(initialUpdateStatus(on, '1.4.2')).toEqual({ state: 'idle', currentVersion: '1.4.2', channel: 'latest', message: 'CivicDesk 1.4.2 is up to date' });
    expect(initialUpdateStatus(pinned, '1.4.2')).toMatchObject({ pinnedVersion: '1.3.0', message: 'CivicDesk 1.4.2 runs; the machine policy pins version 1.3.0' });
  });

  it('stays off whatever happens', () => {
    const off = initialUpdateStatus({ kind: 'off', reason: 'updates are turned off by the machine policy' }, '1.4.2');
    expect(run(off, { type: 'checking' }, { type: 'downloading', version: '1.5.0' }, { type: 'failed', message: 'x', at: AT })).toBe(off);
  });

  it('goes checking → up to date, stamping the check', () => {
    const status = run(initialUpdateStatus(on, '1.4.2'), { type: 'checking' });
    expect(status).toMatchObject({ state: 'checking', message: 'Looking for an update…' });
    expect(run(status, { type: 'up-to-date', at: AT })).toMatchObject({ state: 'idle', lastCheckedAt: '2026-11-27T15:30:00.000Z' });
  });

  it('shows a version turned down, and why', () => {
    const status = run(initialUpdateStatus(on, '1.4.2'), { type: 'checking' }, { type: 'turned-down', version: '1.5.0-beta.1', reason: 'it is a pre-release', at: AT });
    expect(status).toMatchObject({ state: 'idle', version: '1.5.0-beta.1', message: 'Version 1.5.0-beta.1 is on the update feed but is not installed here: it is a pre-release.' });
  });

  it('follows a download to ready, and says when it installs', () => {
    let status = run(initialUpdateStatus(on, '1.4.2'), { type: 'checking' }, { type: 'downloading', version: '1.5.0' });
    expect(status).toMatchObject({ state: 'downloading', version: '1.5.0', percent: 0 });
    status = run(status, { type: 'progress', percent: 42.7 });
    expect(status).toMatchObject({ percent: 42, message: 'Downloading version 1.5.0 (42%)…' });
    const waiting = run(status, { type: 'ready', version: '1.5.0', intakeInProgress: true });
    expect(waiting).toMatchObject({ state: 'ready', version: '1.5.0', message: 'Version 1.5.0 is ready; it installs after this call.' });
    expect(waiting.percent).toBeUndefined();
    expect(run(waiting, { type: 'installing', version: '1.5.0' }).message).toBe('Installing version 1.5.0; CivicDesk restarts in a moment.');
    expect(run(waiting, { type: 'installs-at-quit', version: '1.5.0' }).message).toBe('Version 1.5.0 installs as CivicDesk closes; the next start runs it.');
  });

  it('keeps a ready update ready through later checks and errors', () => {
    const ready = run(initialUpdateStatus(on, '1.4.2'), { type: 'ready', version: '1.5.0', intakeInProgress: true });
    expect(run(ready, { type: 'checking' }, { type: 'failed', message: 'x', at: AT }, { type: 'up-to-date', at: AT })).toBe(ready);
  });

  it('ignores progress that is not a download’s, and keeps downloading through a check', () => {
    const idle = initialUpdateStatus(on, '1.4.2');
    expect(run(idle, { type: 'progress', percent: 10 })).toBe(idle);
    const downloading = run(idle, { type: 'downloading', version: '1.5.0' });
    expect(run(downloading, { type: 'checking' })).toBe(downloading);
  });

  it('shows an error with its message, then recovers at the next check', () => {
    const failed = run(initialUpdateStatus(on, '1.4.2'), { type: 'checking' }, { type: 'failed', message: 'The update feed could not be reached.', at: AT });
    expect(failed).toMatchObject({ state: 'error', message: 'The update feed could not be reached.', lastCheckedAt: '2026-11-27T15:30:00.000Z' });
    expect(run(failed, { type: 'checking' }, { type: 'up-to-date', at: AT + 1 })).toMatchObject({ state: 'idle' });
  });

  it('returns to idle when a download is cancelled', () => {
    const status = run(initialUpdateStatus(on, '1.4.2'), { type: 'downloading', version: '1.5.0' }, { type: 'cancelled' });
    expect(status.state).toBe('idle');
    expect(status.version).toBeUndefined();
  });
});

describe('describeUpdateError', () => {
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

  it.each([
    [coded('ERR_UPDATER_INVALID_SIGNATURE', 'New version 1.5.0 is not signed by the application owner: publisherNames: X'), /not signed by the expected publisher.*tell IT/],
    [coded('ERR_CHECKSUM_MISMATCH', 'sha512 checksum mismatch, expected abc'), /does not match the checksum/],
    [coded('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'Cannot find channel "latest.yml" update info: HttpError: 404'), /lists no release for this desk.*tell IT/],
    [coded('ENOTFOUND', 'getaddrinfo ENOTFOUND updates.lethbridge.example'), /could not be reached/],
    [new Error('net::ERR_INTERNET_DISCONNECTED'), /could not be reached/],
    [new Error('Code signature at URL file:///… did not pass validation: code failed to satisfy specified code requirement(s)'), /code signature did not verify/],
    ['something odd', /ran into a problem/],
  ])('%s', (error, expected) => {
    const message = describeUpdateError(error, 4);
    expect(message).toMatch(expected);
    expect(message).toContain('tries again within 4 hours');
    expect(message).not.toMatch(/https?:|\bat \w+ \(/);
  });
});
