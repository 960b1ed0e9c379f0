import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';
import { deepLinkIn, devProtocolClient, screenPopIn } from './launch-arguments';

describe('deepLinkIn', () => {
  it('finds the civicdesk:// link among the arguments of a second launch', () => {
    const argv = ['C:\\Program Files\\CivicDesk\\CivicDesk.exe', '--allow-file-access-from-files', 'civicdesk://case/D07-261127-0042'];
    expect(deepLinkIn(argv)).toBe('civicdesk://case/D07-261127-0042');
  });

  it('is null when there is none, or only something that looks like one', () => {
    expect(deepLinkIn(['/usr/bin/civicdesk'])).toBeNull();
    expect(deepLinkIn(['/usr/bin/civicdesk', 'https://civicdesk.example/'])).toBeNull();
  });

  it('finds a link that does not parse too, so it is refused and logged rather than ignored', () => {
    expect(deepLinkIn(['CivicDesk.exe', 'civicdesk:%%'])).toBe('civicdesk:%%');
  });
});

describe('screenPopIn', () => {
  const POP = { channel: 'phone', phone: '403-555-0100', queue: 'Utility Billing', callerName: null };

  it('reads the link Windows passes to a second launch, after Chromium’s own switches', () => {
    const argv = ['C:\\Program Files\\CivicDesk\\CivicDesk.exe', '--allow-file-access-from-files', 'civicdesk://new/?channel=phone&phone=403-555-0100&queue=Utility%20Billing'];
    expect(screenPopIn(argv)).toEqual({ ok: true, pop: POP });
  });

  it('reads the link after the app folder in a development run (electron . <link>)', () => {
    expect(screenPopIn(['/repo/node_modules/electron/dist/electron', '.', 'civicdesk://new?channel=phone&phone=403-555-0100&queue=Utility+Billing'])).toEqual({ ok: true, pop: POP });
  });

  it('reads the --new switches when there is no link', () => {
    expect(screenPopIn(['/usr/bin/civicdesk', '--new', '--channel=phone', '--phone=403-555-0100', '--queue=Utility Billing'])).toEqual({ ok: true, pop: POP });
  });

  it('is null for a plain start, and names the problems of a malformed link', () => {
    expect(screenPopIn(['/usr/bin/civicdesk', '--no-sandbox'])).toBeNull();
    expect(screenPopIn(['CivicDesk.exe', 'civicdesk://new?channel=fax'])).toEqual({
      ok: false,
      problems: [{ parameter: 'channel', message: 'must be phone, walk_in, chat (got "fax")' }],
    });
  });
});

describe('devProtocolClient', () => {
  it('registers the defaults for an installed build, and Electron plus the app folder for a development run', () => {
    expect(devProtocolClient(false, 'C:\\CivicDesk\\CivicDesk.exe', ['C:\\CivicDesk\\CivicDesk.exe'])).toBeNull();
    expect(devProtocolClient(true, '/repo/node_modules/electron/dist/electron', ['/repo/node_modules/electron/dist/electron', '.'])).toEqual({
      path: '/repo/node_modules/electron/dist/electron',
      args: [resolve('.')],
    });
  });
});

describe('appPaths', () => {
  it('finds the renderer and preload under dist/ and the window state in the user data folder', () => {
    const [appRoot, userData] = [join('/opt', 'CivicDesk', 'resources', 'app.asar'), join('/home', 'sam', '.config', 'CivicDesk')];
    const paths = appPaths(appRoot, userData);
    expect(paths.rendererDir).toBe(join(appRoot, 'dist', 'renderer'));
    expect(paths.preloadFile).toBe(join(appRoot, 'dist', 'main', 'app', 'preload.cjs'));
    expect(paths.windowStateFile).toBe(join(userData, 'window-state.json'));
  });
});
