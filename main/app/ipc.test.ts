import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannelOf } from '../../shared/contract/bridge';
import type { ApiResult } from '../../shared/contract/errors';
import { OPERATION_NAMES, type OperationName } from '../../shared/contract/operations';
import { openDeskRuntime, type DeskRuntime } from '../core/desk-runtime';
import {
  createIpcDispatcher,
  createSenderCheck,
  registerIpcHandlers,
  type InvokeEventLike,
  type IpcHandlerRegistry,
  type SenderInfo,
} from './ipc';

const APP_WINDOW = 7;
const trusted: SenderInfo = { url: 'app://civicdesk/index.html', isMainFrame: true, webContentsId: APP_WINDOW };

let dataDir: string;
let runtime: DeskRuntime;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'civicdesk-ipc-'));
  runtime = openDeskRuntime({ dataDir, maintenanceIntervalMs: 0 });
});
afterAll(() => {
  runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function dispatcher(windowId: () => number | undefined = () => APP_WINDOW) {
  const call = vi.fn(runtime.call);
  const log = vi.fn<(message: string) => void>();
  const dispatch = createIpcDispatcher({ call, isTrustedSender: createSenderCheck(windowId), log });
  return { dispatch, call, log };
}

const expectRefused = async (answer: Promise<ApiResult<unknown>>) => {
  const result = await answer;
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_input');
  expect(result.error.issues).toEqual([{ field: 'sender', message: 'not the CivicDesk window' }]);
};

describe('IPC dispatcher', () => {
  it('passes a request from the CivicDesk window to the desk', async () => {
    const { dispatch, call } = dispatcher();
    const result = await dispatch('deskInfo', trusted, {});
    expect(call).toHaveBeenCalledWith('deskInfo', {});
    expect(result.ok).toBe(true);
  });

  it('trusts any page of app://civicdesk/, not only index.html', async () => {
    const { dispatch } = dispatcher();
    expect((await dispatch('catalog', { ...trusted, url: 'app://civicdesk/?step=review#caller' }, {})).ok).toBe(true);
  });

  const untrusted: [string, SenderInfo | null][] = [
    ['a subframe of the window', { ...trusted, isMainFrame: false }],
    ['another web contents', { ...trusted, webContentsId: APP_WINDOW + 1 }],
    ['a file:// page', { ...trusted, url: 'file:///opt/CivicDesk/resources/app.asar/dist/renderer/index.html' }],
    ['an http:// page', { ...trusted, url: 'http://127.0.0.1:5173/index.html' }],
    ['an https:// page', { ...trusted, url: 'https://civicdesk/index.html' }],
    ['another app:// host', { ...trusted, url: 'app://evil/index.html' }],
    ['a look-alike host', { ...trusted, url: 'app://civicdesk.evil.example/index.html' }],
    ['user info before the host', { ...trusted, url: 'app://civicdesk@evil/index.html' }],
    ['a port', { ...trusted, url: 'app://civicdesk:8080/index.html' }],
    ['about:blank', { ...trusted, url: 'about:blank' }],
    ['an empty url', { ...trusted, url: '' }],
    ['a frame that is gone', null],
  ];
  it.each(untrusted)('refuses %s without calling the desk', async (_label, sender) => {
    const { dispatch, call, log } = dispatcher();
    await expectRefused(dispatch('createAgent', sender, { name: 'Mallory' }));
    expect(call).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('IPC createAgent refused'));
  });

  it('refuses everything before the window exists', async () => {
    const { dispatch, call } = dispatcher(() => undefined);
    await expectRefused(dispatch('deskInfo', trusted, {}));
    expect(call).not.toHaveBeenCalled();
  });

  it('lets malformed input reach the desk, which refuses it naming the field', async () => {
    const { dispatch, call } = dispatcher();
    const result = await dispatch('signIn', trusted, { agentId: '', extra: true });
    expect(call).toHaveBeenCalledTimes(1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['agentId']));
  });

  it('treats a missing input as empty, as the desk does', async () => {
    const { dispatch } = dispatcher();
    expect((await dispatch('deskInfo', trusted, undefined)).ok).toBe(true);
  });
});

type Listener = Parameters<IpcHandlerRegistry['handle']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registry: IpcHandlerRegistry = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { registry, handlers };
}

const eventFrom = (frame: InvokeEventLike['senderFrame'], id = APP_WINDOW): InvokeEventLike => ({ sender: { id }, senderFrame: frame });

describe('registerIpcHandlers', () => {
  it('registers exactly one channel per contract operation, and removes them all', () => {
    const { registry, handlers } = fakeIpcMain();
    const unregister = registerIpcHandlers(registry, dispatcher().dispatch);
    expect([...handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannelOf).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('reads the sender from the event: main frame of the window passes, a subframe does not', async () => {
    const { registry, handlers } = fakeIpcMain();
    registerIpcHandlers(registry, dispatcher().dispatch);
    const deskInfo = handlers.get(ipcChannelOf('deskInfo'));
    if (!deskInfo) throw new Error('deskInfo is not registered');
    const mainFrame = { url: 'app://civicdesk/index.html', parent: null };
    expect((await deskInfo(eventFrom(mainFrame), {})).ok).toBe(true);
    await expectRefused(deskInfo(eventFrom({ url: 'app://civicdesk/index.html', parent: mainFrame }), {}));
    await expectRefused(deskInfo(eventFrom(mainFrame, APP_WINDOW + 1), {}));
    await expectRefused(deskInfo(eventFrom(null), {}));
  });

  it('refuses when reading the frame throws (Electron does so for a disposed frame)', async () => {
    const { registry, handlers } = fakeIpcMain();
    const { dispatch, call } = dispatcher();
    registerIpcHandlers(registry, dispatch);
    const disposed: InvokeEventLike = {
      sender: { id: APP_WINDOW },
      get senderFrame(): InvokeEventLike['senderFrame'] {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expectRefused(handlers.get(ipcChannelOf('catalog'))!(disposed, {}));
    expect(call).not.toHaveBeenCalled();
  });
});

describe('every operation of the contract, through its registered handler', () => {
  function registered() {
    const { registry, handlers } = fakeIpcMain();
    const { dispatch, call } = dispatcher();
    registerIpcHandlers(registry, dispatch);
    const handlerOf = (name: OperationName): Listener => {
      const handler = handlers.get(ipcChannelOf(name));
      if (!handler) throw new Error(`${name} has no IPC handler`);
      return handler;
    };
    return { handlerOf, call };
  }
  const appFrame = { url: 'app://civicdesk/index.html', parent: null };
  const strangers: [string, InvokeEventLike][] = [
    ['another web contents', eventFrom(appFrame, APP_WINDOW + 1)],
    ['a subframe of the window', eventFrom({ url: 'app://civicdesk/index.html', parent: appFrame })],
    ['a page from another origin', eventFrom({ url: 'https://evil.example/', parent: null })],
    ['a file:// page', eventFrom({ url: 'file:///tmp/index.html', parent: null })],
    ['a frame that is gone', eventFrom(null)],
  ];

  it.each(OPERATION_NAMES)('%s refuses every sender that is not the CivicDesk window, before the desk sees it', async (name) => {
    const { handlerOf, call } = registered();
    for (const [, event] of strangers) await expectRefused(handlerOf(name)(event, {}));
    expect(call).not.toHaveBeenCalled();
  });

  it.each(OPERATION_NAMES)('%s refuses malformed input from the window, naming the field', async (name) => {
    const { handlerOf } = registered();
    const notAnObject = await handlerOf(name)(eventFrom(appFrame), 'DROP TABLE cases');
    expect(notAnObject).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(new RegExp(`^${name}: \\(input\\): `)), issues: [{ field: '(input)', message: expect.stringContaining('expected object') }] },
    });
    const stray = await handlerOf(name)(eventFrom(appFrame), { mallory: true });
    expect(stray.ok).toBe(false);
    if (stray.ok) return;
    expect(stray.error.code).toBe('invalid_input');
    expect(stray.error.issues.length).toBeGreaterThan(0);
    for (const issue of stray.error.issues) {
      expect(issue.field).not.toBe('');
      expect(stray.error.message).toContain(`${issue.field}: ${issue.message}`);
    }
  });
});
