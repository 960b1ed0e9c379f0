import { describeScreenPopProblems, type ScreenPop, type ScreenPopResult } from '../../shared/domain/screen-pop';
import { SCREEN_POP_CHANNEL, SCREEN_POP_READY_CHANNEL } from '../../shared/contract/screen-pop';
import { senderInfoOf, type InvokeEventLike, type IsTrustedSender } from './ipc';

/** At most this many pops wait for the console; a phone system that sends more is misbehaving. */
const MAX_PENDING = 5;

export type SendPop = (pop: ScreenPop) => void;

/**
 * Holds screen-pops until the console is listening, then hands each over once. A link that starts
 * the desk is read before the window exists, and a reload drops the page's listener: either way
 * the pop waits here instead of being lost.
 */
export interface ScreenPopDelivery {
  /** A launch's request (null: it asked for none); malformed ones are logged and go no further. */
  accept(request: ScreenPopResult | null, from: string): void;
  /** The console subscribed; `send` reaches it until `notReady`. */
  ready(send: SendPop): void;
  /** The page is going away (reload, close). */
  notReady(): void;
}

export function createScreenPopDelivery(log: (message: string) => void): ScreenPopDelivery {
  let pending: ScreenPop[] = [];
  let send: SendPop | null = null;
  return {
    accept(request, from) {
      if (request === null) return;
      if (!request.ok) {
        log(`screen-pop from ${from} refused, nothing opened: ${describeScreenPopProblems(request.problems)}`);
        return;
      }
      // The number stays out of the log: the log is for IT, the number is the caller's.
      const { pop } = request;
      log(`screen-pop from ${from}: new ${pop.channel} interaction${pop.queue ? ` (queue ${JSON.stringify(pop.queue)})` : ''}`);
      if (send) return send(pop);
      if (pending.length >= MAX_PENDING) log(`screen-pop: ${MAX_PENDING} already wait for the console; the oldest is dropped`);
      pending = [...pending.slice(-(MAX_PENDING - 1)), pop];
    },
    ready(next) {
      send = next;
      const waiting = pending;
      pending = [];
      for (const pop of waiting) next(pop);
    },
    notReady() {
      send = null;
    },
  };
}

/** The slice of Electron's `ipcMain` and of the event's sender that the ready signal needs. */
export interface ReadyEventLike extends InvokeEventLike {
  sender: { id: number; send(channel: string, value: unknown): void; isDestroyed(): boolean };
}
export interface IpcListenerRegistry {
  on(channel: string, listener: (event: ReadyEventLike, listening: unknown) => void): void;
}

/**
 * The console's "listening" / "not listening" signal, heeded only from the CivicDesk window (the
 * same check as every operation): another frame must not be able to receive the caller's number.
 */
export function listenForScreenPopReady(
  ipcMain: IpcListenerRegistry,
  options: { isTrustedSender: IsTrustedSender; delivery: ScreenPopDelivery; log: (message: string) => void },
): void {
  ipcMain.on(SCREEN_POP_READY_CHANNEL, (event, listening) => {
    const sender = senderInfoOf(event);
    if (sender === null || !options.isTrustedSender(sender)) {
      options.log(`screen-pop: ready signal refused from ${sender ? JSON.stringify(sender.url) : 'a frame that no longer exists'}`);
      return;
    }
    if (listening !== true) return options.delivery.notReady();
    const contents = event.sender;
    options.delivery.ready((pop) => {
      if (!contents.isDestroyed()) contents.send(SCREEN_POP_CHANNEL, pop);
    });
  });
}
