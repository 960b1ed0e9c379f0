import type { ApiResult } from '../../shared/contract/errors';
import { ipcChannelOf } from '../../shared/contract/bridge';
import { OPERATION_NAMES, type OperationName } from '../../shared/contract/operations';
import type { CallOperation } from '../core/console-api';
import { isAppUrl } from './app-origin';

/** What main knows about the frame an IPC request came from. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
  webContentsId: number;
}

export type IsTrustedSender = (sender: SenderInfo) => boolean;

/** Answers one operation for one sender; `null` when the sending frame is already gone. Some operations wait on the network, so the answer is a promise. */
export type IpcDispatcher = (name: OperationName, sender: SenderInfo | null, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * Trusted means: the main frame of the CivicDesk window, showing `app://civicdesk/…`. A subframe,
 * another window or webview, or a page that somehow got to `file://` or `http(s)://` is not.
 * `appWebContentsId` is read on every request, so a re-created window is trusted and the old one
 * is not; before the window exists nothing is.
 */
export function createSenderCheck(appWebContentsId: () => number | undefined): IsTrustedSender {
  return (sender) => {
    const trustedId = appWebContentsId();
    return trustedId !== undefined && sender.webContentsId === trustedId && sender.isMainFrame && isAppUrl(sender.url);
  };
}

const REFUSED: ApiResult<never> = {
  ok: false,
  error: {
    code: 'invalid_input',
    message: 'Refused: this request did not come from the CivicDesk window',
    issues: [{ field: 'sender', message: 'not the CivicDesk window' }],
  },
};

const describeSender = (sender: SenderInfo | null): string =>
  sender
    ? `${sender.isMainFrame ? 'main frame' : 'subframe'} ${JSON.stringify(sender.url)} of webContents ${sender.webContentsId}`
    : 'a frame that no longer exists';

export interface IpcDispatcherOptions {
  /** The desk's console API; it parses the input with the contract's schema. */
  call: CallOperation;
  isTrustedSender: IsTrustedSender;
  log?: (message: string) => void;
}

/** Checks the sender first, and only then lets the desk see the request. */
export function createIpcDispatcher({ call, isTrustedSender, log = () => {} }: IpcDispatcherOptions): IpcDispatcher {
  return async (name, sender, input) => {
    if (sender === null || !isTrustedSender(sender)) {
      log(`IPC ${name} refused: sent by ${describeSender(sender)}`);
      return REFUSED;
    }
    return await call(name, input);
  };
}

/**
 * The parts of Electron's IpcMainInvokeEvent the sender check reads. Electron's own type fits
 * this shape, and tests can build one without Electron.
 */
export interface InvokeEventLike {
  sender: { id: number };
  readonly senderFrame: { url: string; parent: unknown } | null;
}

/** Reading a frame that navigated away or was destroyed throws in Electron: that is "no sender". */
export function senderInfoOf(event: InvokeEventLike): SenderInfo | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return null;
    return { url: frame.url, isMainFrame: frame.parent === null, webContentsId: event.sender.id };
  } catch {
    return null;
  }
}

/** The slice of Electron's `ipcMain` the shell uses. */
export interface IpcHandlerRegistry {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>): void;
  removeHandler(channel: string): void;
}

/**
 * One `ipcMain.handle` per operation of the contract table, on the channel the preload invokes;
 * there is no generic channel. Returns a function that removes them all.
 */
export function registerIpcHandlers(ipcMain: IpcHandlerRegistry, dispatch: IpcDispatcher): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(ipcChannelOf(name), (event, input) => dispatch(name, senderInfoOf(event), input));
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(ipcChannelOf(name));
  };
}
