import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { intakeInProgress } from '../drafts/intake-in-progress';
import { createUpdateController, FIRST_CHECK_DELAY_MS, INSTALL_POLL_MS, type UpdateControllerOptions, type UpdaterPort } from './update-controller';
import { planUpdates, type UpdatePlan } from './update-plan';
import type { UpdateStatus } from './update-status';

const FEED = 'https://updates.lethbridge.example/civicdesk/';
const HOUR = 60 * 60 * 1000;
const plan = (extra: { pinVersion?: string; channel?: 'latest' | 'beta' } = {}): UpdatePlan =>
  planUpdates({ enabled: true, feedUrl: FEED, channel: 'latest', checkEveryHours: 4, ...extra }, '1.4.2');

/** A stand-in for electron-updater's autoUpdater: records what the controller asks of it. */
function fakeUpdater() {
  const calls: string[] = [];
  const port: UpdaterPort & { fail?: Error } = {
    checkForUpdates: () => {
      calls.push('check');
      return port.fail ? Promise.reject(port.fail) : Promise.resolve(null);
    },
    downloadUpdate: () => {
      calls.push('download');
      return Promise.resolve([]);
    },
    quitAndInstall: () => {
      calls.push('quitAndInstall');
    },
  };
  return { port, calls };
}

function setUp(options: Partial<UpdateControllerOptions> = {}) {
  const updater = fakeUpdater();
  const published: UpdateStatus[] = [];
  const logs: string[] = [];
  let busy = false;
  const controller = createUpdateController({
    plan: plan(),
    currentVersion: '1.4.2',
    updater: updater.port,
    intakeInProgress: () => busy,
    log: (message) => logs.push(message),
    publish: (status) => published.push(status),
    now: () => Date.parse('2026-11-27T15:30:00Z'),
    ...options,
  });
  return {
    controller,
    calls: updater.calls,
    port: updater.port,
    published,
    logs,
    setBusy: (value: boolean) => {
      busy = value;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the update controller', () => {
  it('does nothing but say why when updates are off', async () => {
    const { controller, calls, published, logs } = setUp({ plan: planUpdates(undefined, '1.4.2') });
    controller.start();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    controller.handle({ type: 'update-available', info: { version: '9.0.0' } });
    expect(calls).toEqual([]);
    expect(published).toEqual([expect.objectContaining({ state: 'off', message: 'Updates are off: no update feed in the machine policy.' })]);
    expect(logs).toEqual(['updates: off: no update feed in the machine policy; running 1.4.2']);
  });

  it('stays off when this installation could not verify a signature', async () => {
    const { controller, calls } = setUp({ unavailable: "this installation's app-update.yml names no publisher" });
    controller.start();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(calls).toEqual([]);
    expect(controller.status()).toMatchObject({ state: 'off', message: expect.stringContaining('names no publisher') });
  });

  it('checks a minute after start, then every checkEveryHours', async () => {
    const { controller, calls } = setUp();
    controller.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['check']);
    await vi.advanceTimersByTimeAsync(8 * HOUR);
    expect(calls).toEqual(['check', 'check', 'check']);
    controller.stop();
    await vi.advanceTimersByTimeAsync(8 * HOUR);
    expect(calls).toHaveLength(3);
  });

  it('downloads a newer version and, with no intake in progress, installs it at once', () => {
    const { controller, calls, published, logs } = setUp();
    controller.start();
    controller.handle({ type: 'checking-for-update' });
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    expect(calls).toEqual(['download']);
    controller.handle({ type: 'download-progress', percent: 50 });
    controller.handle({ type: 'update-downloaded', info: { version: '1.5.0' } });
    expect(calls).toEqual(['download', 'quitAndInstall']);
    expect(published.map((s) => s.state)).toEqual(['idle', 'checking', 'downloading', 'downloading', 'ready']);
    expect(controller.status().message).toBe('Installing version 1.5.0; CivicDesk restarts in a moment.');
    expect(logs.filter((line) => line.includes('1.5.0'))).toEqual([
      'updates: downloading version 1.5.0: version 1.5.0 is newer than 1.4.2',
      'updates: version 1.5.0 downloaded and verified',
      'updates: installing version 1.5.0 now, no intake in progress (the download finished); CivicDesk restarts',
    ]);
  });

  it('turns down what the plan does not allow, and says why', () => {
    const { controller, calls } = setUp({ plan: plan({ pinVersion: '1.4.2' }) });
    controller.start();
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    expect(calls).toEqual([]);
    expect(controller.status()).toMatchObject({
      state: 'idle',
      pinnedVersion: '1.4.2',
      message: 'Version 1.5.0 is on the update feed but is not installed here: this desk already runs 1.4.2, the version the machine policy pins.',
    });
  });

  it('holds a ready update during an intake, polls every 30 s, and installs when the intake ends', async () => {
    const { controller, calls, setBusy } = setUp();
    controller.start();
    setBusy(true);
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    controller.handle({ type: 'update-downloaded', info: { version: '1.5.0' } });
    expect(controller.status()).toMatchObject({ state: 'ready', message: 'Version 1.5.0 is ready; it installs after this call.' });
    await vi.advanceTimersByTimeAsync(10 * INSTALL_POLL_MS);
    expect(calls).toEqual(['download']);
    setBusy(false);
    await vi.advanceTimersByTimeAsync(INSTALL_POLL_MS);
    expect(calls).toEqual(['download', 'quitAndInstall']);
    await vi.advanceTimersByTimeAsync(10 * INSTALL_POLL_MS + 24 * HOUR);
    expect(calls).toEqual(['download', 'quitAndInstall']);
  });

  it('installs at once when told an intake ended, and never checks while an update is ready', async () => {
    const { controller, calls, setBusy } = setUp();
    controller.start();
    setBusy(true);
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    controller.handle({ type: 'update-downloaded', info: { version: '1.5.0' } });
    await vi.advanceTimersByTimeAsync(12 * HOUR);
    expect(calls).toEqual(['download']);
    controller.intakeEnded(); // still busy: a second interaction began before the first draft was gone
    expect(calls).toEqual(['download']);
    setBusy(false);
    controller.intakeEnded();
    expect(calls).toEqual(['download', 'quitAndInstall']);
  });

  it('treats "cannot tell" as an intake in progress', async () => {
    const { controller, calls, logs } = setUp({
      intakeInProgress: () => {
        throw new Error('The database connection is not open');
      },
    });
    controller.start();
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    controller.handle({ type: 'update-downloaded', info: { version: '1.5.0' } });
    await vi.advanceTimersByTimeAsync(5 * INSTALL_POLL_MS);
    expect(calls).toEqual(['download']);
    expect(logs).toContain('updates: could not tell whether an intake is in progress, so the update waits');
  });

  it('leaves a ready update to autoInstallOnAppQuit when the app quits, and stops checking', async () => {
    const { controller, calls, setBusy } = setUp();
    controller.start();
    setBusy(true);
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    controller.handle({ type: 'update-downloaded', info: { version: '1.5.0' } });
    controller.quitting();
    expect(controller.status().message).toBe('Version 1.5.0 installs as CivicDesk closes; the next start runs it.');
    setBusy(false);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(calls).toEqual(['download']);
  });

  it('shows a failed check once, in words a specialist can read, and never throws', async () => {
    const { controller, port, published, logs } = setUp();
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND updates.lethbridge.example'), { code: 'ENOTFOUND' });
    // electron-updater emits 'error' and then rejects checkForUpdates() with the same error.
    port.checkForUpdates = () => {
      controller.handle({ type: 'error', error });
      return Promise.reject(error);
    };
    controller.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(published.filter((s) => s.state === 'error')).toEqual([
      expect.objectContaining({ message: 'The update feed could not be reached. CivicDesk keeps working and tries again within 4 hours.' }),
    ]);
    expect(logs.filter((line) => line.includes('failed'))).toEqual(['updates: the update check failed; running 1.4.2']);
  });

  it('recovers from a failed download at the next check', async () => {
    const { controller, calls } = setUp();
    controller.start();
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    controller.handle({ type: 'error', error: Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }) });
    expect(controller.status()).toMatchObject({ state: 'error', message: expect.stringContaining('does not match the checksum') });
    controller.checkNow();
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    expect(calls).toEqual(['download', 'check', 'download']);
  });
});

describe('the update controller on a real desk', () => {
  let desk: TestDesk;
  beforeEach(() => {
    desk = openTestDesk();
  });
  afterEach(() => desk.close());

  it('waits for the call whose draft is saved, and installs once the console discards it', async () => {
    const updater = fakeUpdater();
    const controller = createUpdateController({
      plan: plan(),
      currentVersion: '1.4.2',
      updater: updater.port,
      intakeInProgress: () => intakeInProgress(desk.db),
      log: () => {},
      publish: () => {},
    });
    controller.start();
    const id = newId();
    expect(desk.call('saveDraft', { id, persisted: { machineVersion: 1, snapshot: { status: 'active', context: { channel: 'phone' } } } }).ok).toBe(true);
    controller.handle({ type: 'update-available', info: { version: '1.5.0' } });
    controller.handle({ type: 'update-downloaded', info: { version: '1.5.0' } });
    await vi.advanceTimersByTimeAsync(20 * INSTALL_POLL_MS);
    expect(updater.calls).toEqual(['download']);
    expect(desk.call('discardDraft', { id }).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(INSTALL_POLL_MS);
    expect(updater.calls).toEqual(['download', 'quitAndInstall']);
    controller.stop();
  });
});
