import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';
import { deepLinkIn } from './launch-arguments';

describe('deepLinkIn', () => {
  it('finds the civicdesk:// link among the arguments of a second launch', () => {
    const argv = ['C:\\Program Files\\CivicDesk\\CivicDesk.exe', '--allow-file-access-from-files', 'civicdesk://case/D07-261127-0042'];
    expect(deepLinkIn(argv)).toBe('civicdesk://case/D07-261127-0042');
  });

  it('is null when there is none, or only something that looks like one', () => {
    expect(deepLinkIn(['/usr/bin/civicdesk'])).toBeNull();
    expect(deepLinkIn(['/usr/bin/civicdesk', 'https://civicdesk.example/'])).toBeNull();
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
