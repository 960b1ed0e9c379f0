// The Electron entry (package.json "main"). Everything here needs the Electron runtime; the parts
// that can be tested without it live in the modules it wires together.
import { app, dialog, ipcMain, protocol, type BrowserWindow } from 'electron';
import { openDeskRuntime, type DeskRuntime } from '../core/desk-runtime';
import { APP_SCHEME } from './app-origin';
import { appPaths } from './app-paths';
import { serveRendererRequest } from './app-protocol';
import { createIpcDispatcher, createSenderCheck, registerIpcHandlers } from './ipc';
import { deepLinkIn } from './launch-arguments';
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

/** A link or argument a launch brought: logged for now, as the contract has no pushed events yet. */
function handleLaunchArguments(argv: readonly string[]): void {
  const link = deepLinkIn(argv);
  if (link) log(`opened with ${link}`);
}

function fail(title: string, error: unknown): void {
  log(title, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

function start(): void {
  let window: BrowserWindow | null = null;
  let windowContentsId: number | undefined;
  let runtime: DeskRuntime | null = null;

  const openWindow = (paths: ReturnType<typeof appPaths>): void => {
    const created = createMainWindow({ preloadFile: paths.preloadFile, windowStateFile: paths.windowStateFile, log });
    window = created;
    windowContentsId = created.webContents.id;
    created.on('closed', () => {
      if (window === created) [window, windowContentsId] = [null, undefined];
    });
  };

  // A second launch (a desktop shortcut clicked again, a civicdesk:// link) exits at once and
  // hands its arguments here: the specialist gets the window they already have.
  app.on('second-instance', (_event, argv) => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
    handleLaunchArguments(argv);
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
        isTrustedSender: createSenderCheck(() => windowContentsId),
        log,
      });
      registerIpcHandlers(ipcMain, dispatch);
      openWindow(paths);
      app.on('activate', () => {
        if (!window) openWindow(paths);
      });
      handleLaunchArguments(process.argv);
    })
    .catch((error: unknown) => fail('CivicDesk could not start', error));
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
