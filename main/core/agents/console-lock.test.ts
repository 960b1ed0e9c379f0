import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { tableCounts } from '../../../test/helpers/desk';
import { openDeskRuntime, type DeskRuntime } from '../desk-runtime';
import { makePasswordVerifier } from '../sync/password';
import { signIn } from './agents';
import { rememberCentralAccount } from './central-accounts';

let dir: string;
let desk: DeskRuntime | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-lock-'));
});
afterEach(() => {
  desk?.close();
  desk = null;
  rmSync(dir, { recursive: true, force: true });
});

const open = (): DeskRuntime => {
  desk?.close();
  desk = openDeskRuntime({ dataDir: dir, deskCode: 'D21', maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000, sync: false });
  return desk;
};

const newCase = () => ({
  id: newId(),
  channel: 'phone',
  kind: 'information',
  serviceCode: 'general-information',
  caller: { anonymous: false, name: 'Maria Lopez', phone: '403-555-0142' },
  location: null,
  answers: {},
  description: 'Asked when the recycling depot opens',
});

describe('the idle lock', () => {
  it('refuses everything but the lock screen’s needs in main, survives a restart, and unlocks a local profile without a password', async () => {
    const runtime = open();
    const agent = runtime.call('createAgent', { name: 'Ana Specialist', role: 'specialist' });
    if (!agent.ok) throw new Error(agent.error.message);
    runtime.call('signIn', { agentId: (agent.value as { id: string }).id });
    expect(runtime.call('lockConsole', {})).toMatchObject({ ok: true, value: { locked: true, agentHasPassword: false } });

    const before = tableCounts(runtime.db);
    expect(runtime.call('createCase', newCase())).toMatchObject({ ok: false, error: { code: 'locked', message: 'The console is locked: unlock it to go on' } });
    expect(runtime.call('searchCases', { query: 'Maria' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(runtime.call('restoreDraft', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(tableCounts(runtime.db)).toEqual(before);
    expect(runtime.call('deskInfo', {})).toMatchObject({ ok: true, value: { locked: true, agent: { name: 'Ana Specialist' } } });

    // A restart (a crash, a power cut) comes back locked: the remembered sign-in does not walk past it.
    const again = open();
    expect(again.call('deskInfo', {})).toMatchObject({ ok: true, value: { locked: true, agent: { name: 'Ana Specialist' } } });
    expect(again.call('createCase', newCase())).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await again.call('unlockConsole', {})).toMatchObject({ ok: true, value: { locked: false } });
    expect(again.call('createCase', newCase())).toMatchObject({ ok: true });
  });

  it('asks a city account for its password, checked on the desk', async () => {
    const runtime = open();
    const account = rememberCentralAccount(runtime.db, { id: newId(), username: 'lee.lead', name: 'Lee Lead', role: 'lead' }, await makePasswordVerifier('correct horse battery'), Date.now());
    signIn(runtime.db, runtime.state, account.id); // what signInWithPassword does once the password is right
    runtime.call('lockConsole', {});
    expect(runtime.call('deskInfo', {})).toMatchObject({ ok: true, value: { locked: true, agentHasPassword: true } });
    expect(await runtime.call('unlockConsole', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'password' }] } });
    expect(await runtime.call('unlockConsole', { password: 'wrong horse' })).toMatchObject({ ok: false, error: { code: 'unauthorized', issues: [{ field: 'password' }] } });
    expect(runtime.call('getShiftSchedule', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await runtime.call('unlockConsole', { password: 'correct horse battery' })).toMatchObject({ ok: true, value: { locked: false } });
    expect(runtime.call('getShiftSchedule', {})).toMatchObject({ ok: true });
  });

  it('does not let a city account be picked like a local profile, so signing out of the lock and back in needs the password', async () => {
    const runtime = open();
    const account = rememberCentralAccount(runtime.db, { id: newId(), username: 'lee.lead', name: 'Lee Lead', role: 'lead' }, await makePasswordVerifier('correct horse battery'), Date.now());
    expect(runtime.call('signIn', { agentId: account.id })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    signIn(runtime.db, runtime.state, account.id); // what signInWithPassword does once the password is right
    runtime.call('lockConsole', {});
    expect(runtime.call('signOut', {})).toMatchObject({ ok: true, value: { locked: false, agent: null } });
    expect(runtime.call('signIn', { agentId: account.id })).toMatchObject({ ok: false, error: { code: 'unauthorized', issues: [{ field: 'agentId' }] } });
    expect(runtime.call('searchCases', { query: 'Maria' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('lets someone else take the desk by signing out, which lifts the lock', () => {
    const runtime = open();
    const agent = runtime.call('createAgent', { name: 'Ana Specialist', role: 'specialist' });
    if (!agent.ok) throw new Error(agent.error.message);
    runtime.call('signIn', { agentId: (agent.value as { id: string }).id });
    runtime.call('lockConsole', {});
    expect(runtime.call('signIn', { agentId: (agent.value as { id: string }).id })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(runtime.call('signOut', {})).toMatchObject({ ok: true, value: { locked: false, agent: null } });
    expect(open().call('deskInfo', {})).toMatchObject({ ok: true, value: { locked: false, agent: null } });
  });

  it('does nothing with nobody signed in', () => {
    expect(open().call('lockConsole', {})).toMatchObject({ ok: true, value: { locked: false } });
  });
});
