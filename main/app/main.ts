// The Electron entry (package.json "main"). Everything here needs the Electron runtime; the parts
// that can be tested without it live in the modules it wires together.
import { app, dialog, ipcMain, protocol, safeStorage, type BrowserWindow } from 'electron';
import { openDeskLog, type DeskLog } from '../core/desk-log';
import { openDeskRuntime, type DeskRuntime } from '../core/desk-runtime';
import { intakeInProgress } from '../core/drafts/intake-in-progress';
import { machinePolicyPath, readMachinePolicy } from '../core/policy/policy-file';
import { planFromPolicyFile } from '../core/updates/update-plan';
import { deskDatabaseKey } from './desk-database-key';
import { startUpdater } from './updater';
import { APP_SCHEME } from './app-origin';
import { appPaths } from './app-paths';
import { serveRendererRequest } from './app-protocol';
import { createIpcDispatcher, createSenderCheck, registerIpcHandlers } from './ipc';
import { parseScreenPop } from '../../shared/domain/screen-pop';
import { DEEP_LINK_SCHEME, devProtocolClient, screenPopIn } from './launch-arguments';
import { createScreenPopDelivery, listenForScreenPopReady } from './screen-pop';
import { createMainWindow, lockDownWebContents } from './window';

// The desk's log file (<userData>/logs/civicdesk.log), which IT reads; echoed to stderr.
const log: DeskLog = openDeskLog(app.getPath('userData')).log;

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
  let stopUpdater = (): void => {};
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
    stopUpdater();
    runtime?.close();
    runtime = null;
  });

  app
    .whenReady()
    .then(() => {
      const userData = app.getPath('userData');
      const paths = appPaths(app.getAppPath(), userData);
      protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, paths.rendererDir, log));
      // IT's machine policy, read from the OS's fixed path only (docs/it-deployment.md). An unusable one
      // is named on screen and in the log, and the desk starts offline.
      const policyFile = readMachinePolicy(machinePolicyPath());
      const policy = policyFile.status === 'valid' ? policyFile.policy : null;
      try {
        // The database key from the OS keychain; a first start creates it (and encrypts an older, plaintext desk).
        const { key } = deskDatabaseKey({ dataDir: userData, safeStorage, recoveryPublicKey: policy?.encryption?.recoveryPublicKey, log });
        runtime = openDeskRuntime({ dataDir: userData, databaseKey: key, policy: policyFile, log, dailyBackup: {} });
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
      const desk = runtime;
      const updater = startUpdater({
        plan: planFromPolicyFile(policyFile, app.getVersion()),
        log,
        // An update never restarts the app while a call is being logged: it waits for the wrap-up to end.
        intakeInProgress: () => intakeInProgress(desk.db),
        publish: (status) => log(`update: ${status.state}: ${status.message}`),
      });
      desk.state.updateStatus = () => updater.status();
      stopUpdater = () => updater.stop();
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
