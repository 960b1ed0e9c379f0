import { describe, expect, it } from 'vitest';
import { SCREEN_POP_CHANNEL, SCREEN_POP_READY_CHANNEL } from '../../shared/contract/screen-pop';
import { createEventsBridge, type IpcRendererLike } from './screen-pop-bridge';

type Listener = (event: unknown, value: unknown) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const sent: [string, boolean][] = [];
  const ipc: IpcRendererLike = {
    on: (channel, listener) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener),
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
    send: (channel, listening) => void sent.push([channel, listening]),
  };
  const push = (value: unknown) => listeners.get(SCREEN_POP_CHANNEL)?.forEach((listener) => listener({ sender: 'the IPC event' }, value));
  return { ipc, sent, push, count: () => listeners.get(SCREEN_POP_CHANNEL)?.size ?? 0 };
}

describe('createEventsBridge', () => {
  it('exposes one named subscription and nothing else', () => {
    expect(Object.keys(createEventsBridge(fakeIpc().ipc))).toEqual(['onScreenPop']);
    expect(Object.isFrozen(createEventsBridge(fakeIpc().ipc))).toBe(true);
  });

  it('relays only the pushed value (never the IPC event), says when it listens and when it stops', () => {
    const { ipc, sent, push, count } = fakeIpc();
    const seen: unknown[] = [];
    const stop = createEventsBridge(ipc).onScreenPop((value) => seen.push(value));
    expect(sent).toEqual([[SCREEN_POP_READY_CHANNEL, true]]);
    push({ channel: 'phone' });
    expect(seen).toEqual([{ channel: 'phone' }]);
    stop();
    expect(count()).toBe(0);
    expect(sent).toEqual([[SCREEN_POP_READY_CHANNEL, true], [SCREEN_POP_READY_CHANNEL, false]]);
  });
});
