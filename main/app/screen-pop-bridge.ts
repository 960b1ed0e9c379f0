import { SCREEN_POP_CHANNEL, SCREEN_POP_READY_CHANNEL, type CivicDeskEvents } from '../../shared/contract/screen-pop';

/** Electron's `ipcRenderer`, as far as pushed events need it. */
export interface IpcRendererLike {
  on(channel: string, listener: (event: unknown, value: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, value: unknown) => void): void;
  send(channel: string, listening: boolean): void;
}

/**
 * `window.civicdeskEvents`: one named subscription, on one channel. The page never sees
 * ipcRenderer or the event object (which would hand it the sender), only the pushed value.
 */
export function createEventsBridge(ipc: IpcRendererLike): CivicDeskEvents {
  return Object.freeze({
    onScreenPop(listener: (pop: unknown) => void) {
      const relay = (_event: unknown, value: unknown) => listener(value);
      ipc.on(SCREEN_POP_CHANNEL, relay);
      ipc.send(SCREEN_POP_READY_CHANNEL, true);
      return () => {
        ipc.removeListener(SCREEN_POP_CHANNEL, relay);
        // Main keeps what arrives next until a page listens again.
        ipc.send(SCREEN_POP_READY_CHANNEL, false);
      };
    },
  });
}
