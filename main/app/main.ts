// The Electron entry (package.json "main"). Everything here needs the Electron runtime; the parts
// that can be tested without it live in the modules it wires together.
import { app, dialog, ipcMain, protocol, type BrowserWindow } from 'electron';
import { openDeskRuntime, type DeskRuntime } from '../core/desk-runtime';
import { APP_SCHEME } from './app-origin';
import { appPaths } from './app-paths';
import { serveRendererRequest } from './app-protocol';
import { createIpcDispatcher, createSenderCheck, registerIpcHandlers } from './ipc';
import { parseScreenPop } from '../../shared/domain/screen-pop';
import { DEEP_LINK_SCHEME, devProtocolClient, screenPopIn } from './launch-arguments';
import { createScreenPopDelivery, listenForScreenPopReady } from './screen-pop';
import { createMainWindow, lockDownWebContents } from './window';

const log = (message: string, error?: unknown): void => {
  if (error === undefined) console.error(`[civicdesk] ${message}`);
  else console.error(`[civicdesk] ${message}`, error);
};

// Both must happen before `ready`: the sandbox for every renderer, and the scheme's privileges
// (a scheme registered later silently loses them).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Screen-pops (docs/screen-pop.md) wait here until the console listens; malformed ones are logged.
const screenPops = createScreenPopDelivery(log);

function fail(title: string, error: unknown): void {
  log(title, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

function start(): void {
  let window: BrowserWindow | null = null;
  let windowContentsId: number | undefined;
  let runtime: DeskRuntime | null = null;
  const isTrustedSender = createSenderCheck(() => windowContentsId);

  const openWindow = (paths: ReturnType<typeof appPaths>): void => {
    const created = createMainWindow({ preloadFile: paths.preloadFile, windowStateFile: paths.windowStateFile, log });
    window = created;
    windowContentsId = created.webContents.id;
    // A reload or a crash drops the page's listener; pops wait until the new page listens.
    created.webContents.on('did-start-loading', () => screenPops.notReady());
    created.on('closed', () => {
      if (window === created) [window, windowContentsId] = [null, undefined];
      screenPops.notReady();
    });
  };

  // A second launch (a desktop shortcut clicked again, a civicdesk:// link) exits at once and
  // hands its arguments here: the specialist gets the window they already have.
  const bringToFront = (): void => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
  };
  app.on('second-instance', (_event, argv) => {
    bringToFront();
    screenPops.accept(screenPopIn(argv), 'a second launch');
  });
  // macOS hands a clicked link to the running app as an event, also at a first launch (before ready).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    bringToFront();
    screenPops.accept(parseScreenPop(url), 'open-url');
  });
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, log));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    runtime?.close();
    runtime = null;
  });

  app
    .whenReady()
    .then(() => {
      const userData = app.getPath('userData');
      const paths = appPaths(app.getAppPath(), userData);
      protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, paths.rendererDir, log));
      try {
        runtime = openDeskRuntime({ dataDir: userData, log });
      } catch (error) {
        fail('CivicDesk could not open this desk’s database', new Error(
          `${error instanceof Error ? error.message : String(error)}\n\nData folder: ${userData}\nIT can check it with: civicdesk db check --data "${userData}"`,
        ));
        return;
      }
      const dispatch = createIpcDispatcher({
        call: runtime.call,
        isTrustedSender,
        log,
      });
      registerIpcHandlers(ipcMain, dispatch);
      listenForScreenPopReady(ipcMain, { isTrustedSender, delivery: screenPops, log });
      const dev = devProtocolClient(process.defaultApp ?? false, process.execPath, process.argv);
      if (!(dev ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, dev.path, dev.args) : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME))) {
        log('could not register as the civicdesk: link handler; the installer’s registration still applies');
      }
      openWindow(paths);
      app.on('activate', () => {
        if (!window) openWindow(paths);
      });
      screenPops.accept(screenPopIn(process.argv), 'the command line');
    })
    .catch((error: unknown) => fail('CivicDesk could not start', error));
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
