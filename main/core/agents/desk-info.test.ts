import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { deskInfo } from './agents';

let desk: TestDesk | null = null;
afterEach(() => desk?.close());

describe('deskInfo', () => {
  it('carries the desktop updater’s status when there is one, and null in the browser console', () => {
    desk = openTestDesk();
    const state = { session: desk.deps.session, catalog: desk.deps.catalog, now: desk.deps.now };
    expect(deskInfo(desk.db, state).update).toBeNull();
    const withUpdater = { ...state, updateStatus: () => ({ state: 'ready' as const, message: 'Version 1.5.0 is ready; it installs after this call.', version: '1.5.0' }) };
    expect(deskInfo(desk.db, withUpdater)).toMatchObject({ update: { state: 'ready', version: '1.5.0', message: expect.stringContaining('after this call') }, locked: false });
  });
});
