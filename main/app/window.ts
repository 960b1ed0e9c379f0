import { BrowserWindow, screen, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import {
  MIN_WINDOW_SIZE,
  createWindowStateSaver,
  placeWindow,
  readWindowState,
  writeWindowState,
  type Rect,
} from './window-state';

type Log = (message: string) => void;

export interface MainWindowOptions {
  preloadFile: string;
  windowStateFile: string;
  log: Log;
}

const lockedDown = new WeakSet<WebContents>();

/**
 * No navigation, no redirects, no webviews, no new windows, for any web contents: the console is
 * one page, and a link in a case note must not turn the window into a browser that still holds
 * the bridge. main.ts applies this to every web contents as it is created.
 */
export function lockDownWebContents(contents: WebContents, log: Log): void {
  if (lockedDown.has(contents)) return;
  lockedDown.add(contents);
  const refuse = (what: string, event: { preventDefault(): void }, url: string | undefined) => {
    event.preventDefault();
    log(`${what} refused: ${url ?? '(no url)'}`);
  };
  // will-frame-navigate also sees subframes; will-navigate is kept for the main frame as the
  // long-standing event every Electron security checklist names.
  contents.on('will-navigate', (event) => refuse('navigation', event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuse('frame navigation', event, event.url);
  });
  contents.on('will-redirect', (event) => refuse('redirect', event, event.url));
  contents.on('will-attach-webview', (event, _preferences, params) => refuse('webview', event, params.src));
  contents.setWindowOpenHandler(({ url }) => {
    log(`new window refused: ${url}`);
    return { action: 'deny' };
  });
}

/** The console needs no camera, microphone, location, notifications or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The displays' work areas, the primary first, for placeWindow. */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
}

function rememberBounds(window: BrowserWindow, file: string, log: Log): void {
  const saver = createWindowStateSaver({
    read: () => {
      if (window.isDestroyed()) return null;
      // The normal bounds, not the maximized ones, so un-maximizing after a restart lands right.
      const { x, y, width, height } = window.getNormalBounds();
      return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: window.isMaximized() };
    },
    write: (state) => writeWindowState(file, state),
    log,
  });
  window.on('move', saver.schedule);
  window.on('resize', saver.schedule);
  window.on('maximize', saver.schedule);
  window.on('unmaximize', saver.schedule);
  window.on('close', saver.flush);
  window.on('closed', saver.cancel);
}

/**
 * The console window's security settings, every one stated even where it is Electron's default, so
 * a change of default cannot weaken them. Only the preload path is added beside them.
 * `npm run dist:check` reads this object from this file and fails if any setting is weaker.
 */
export const CONSOLE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  webviewTag: false,
  spellcheck: true,
} as const satisfies WebPreferences;

/** The console window: sandboxed, isolated, no Node, served from app://civicdesk/. */
export function createMainWindow({ preloadFile, windowStateFile, log }: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(readWindowState(windowStateFile, log), workAreas());
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'CivicDesk',
    show: false,
    webPreferences: { ...CONSOLE_WEB_PREFERENCES, preload: preloadFile },
  });
  lockDownWebContents(window.webContents, log);
  denyAllPermissions(window.webContents.session);
  rememberBounds(window, windowStateFile, log);
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  let lastReload = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    log(`console renderer gone: ${details.reason}`);
    // The intake draft is saved on every transition, so a reload brings the call back. Not twice
    // within ten seconds, though: a renderer that dies at start would only die again.
    if (details.reason === 'clean-exit' || window.isDestroyed() || Date.now() - lastReload < 10_000) return;
    lastReload = Date.now();
    window.webContents.reload();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`could not load ${APP_ENTRY_URL}: ${String(error)}`));
  return window;
}
