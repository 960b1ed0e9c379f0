import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { openDeskRuntime, type DeskRuntime } from '../desk-runtime';
import { readSyncSettings } from '../sync/sync-store';
import { readMachinePolicy } from './policy-file';

let dir: string;
let runtime: DeskRuntime | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-desk-policy-'));
});
afterEach(() => {
  runtime?.close();
  runtime = null;
  rmSync(dir, { recursive: true, force: true });
});

const policyFile = (policy: unknown): string => {
  const file = join(dir, 'policy.json');
  writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
  return file;
};

const open = (policyPath: string, deskCode?: string): DeskRuntime => {
  runtime?.close();
  runtime = openDeskRuntime({
    dataDir: join(dir, 'desk'),
    ...(deskCode ? { deskCode } : {}),
    policy: readMachinePolicy(policyPath),
    maintenanceIntervalMs: 0,
    integrityCheckDelayMs: 60_000,
    // A sync client that never reaches a network: these tests are about what the desk lets people change.
    sync: { fetch: () => Promise.reject(new Error('no network in this test')), idleIntervalMs: 3_600_000 },
  });
  return runtime;
};

const value = <T>(result: unknown): T => {
  const answer = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(answer.error?.message);
  return answer.value as T;
};

const signInAs = (desk: DeskRuntime, role: 'specialist' | 'lead' | 'admin') => {
  const agent = value<{ id: string }>(desk.call('createAgent', { name: `Pat ${role}`, role }));
  value(desk.call('signIn', { agentId: agent.id }));
};

const POLICY = {
  policyVersion: 1,
  server: { url: 'https://sync.lethbridge.example', tenant: 'lethbridge' },
  deskCode: 'D07',
  shiftSchedule: { shifts: [{ name: 'Early', start: '06:00', end: '14:00' }, { name: 'Late', start: '14:00', end: '06:00' }] },
  idleLockMinutes: 5,
  retention: { syncedCaseDays: 365 },
};

describe('a desk under a machine policy', () => {
  it('takes its server, tenant, desk code and shifts from the policy, and nobody on the desk changes them', async () => {
    const desk = open(policyFile(POLICY));
    expect(desk.state.session.deskCode).toBe('D07');
    expect(value(desk.call('machinePolicy', {}))).toEqual({
      status: 'valid',
      path: join(dir, 'policy.json'),
      problems: [],
      managed: ['server', 'deskCode', 'shiftSchedule', 'idleLockMinutes', 'retention'],
      syncPaused: false,
      idleLockMinutes: 5,
      retentionDays: 365,
    });
    // The desk secret is the desk's own: entering it with the policy's server works.
    const saved = await desk.call('setSyncSettings', { serverUrl: POLICY.server.url, tenant: 'lethbridge', deskSecret: 'a-desk-secret-from-it-0001' });
    expect(saved).toMatchObject({ ok: true, value: { serverUrl: POLICY.server.url, tenant: 'lethbridge', setByPolicy: ['serverUrl', 'tenant', 'deskCode'] } });
    signInAs(desk, 'admin');
    const refused = await desk.call('setSyncSettings', { serverUrl: 'https://elsewhere.example', tenant: 'other', deskCode: 'D09', deskSecret: 'a-desk-secret-from-it-0001' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (refused.ok) return;
    expect(refused.error.issues.map((issue) => issue.field)).toEqual(['serverUrl', 'tenant', 'deskCode']);
    expect(refused.error.message).toContain(`is set by IT's machine policy (${join(dir, 'policy.json')}) to https://sync.lethbridge.example`);
    expect(readSyncSettings(desk.db)).toMatchObject({ serverUrl: POLICY.server.url, tenant: 'lethbridge' });

    expect(desk.call('getShiftSchedule', {})).toMatchObject({ ok: true, value: { schedule: POLICY.shiftSchedule, canEdit: false, setByPolicy: true } });
    const schedule = desk.call('setShiftSchedule', { shifts: [{ name: 'All day', start: '00:00', end: '00:00' }] });
    expect(schedule).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('machine policy') } });
    expect(desk.call('getShiftSchedule', {})).toMatchObject({ ok: true, value: { schedule: POLICY.shiftSchedule } });
  });

  it('starts offline with the problems named when the policy cannot be used, and syncs again once it is fixed', async () => {
    const file = policyFile('{ "policyVersion": 1, "server": { "url": "sync.example", "tenant": "x" }, "idleLockMinutes": -1 }');
    const desk = open(file);
    expect(desk.sync).toBeNull();
    const view = value<{ status: string; problems: string[]; syncPaused: boolean; idleLockMinutes: number }>(desk.call('machinePolicy', {}));
    expect(view).toMatchObject({ status: 'invalid', syncPaused: true, idleLockMinutes: 15 });
    expect(view.problems).toEqual([expect.stringMatching(/^server\.url: /), 'idleLockMinutes: must be 0 (off) or more']);
    // The desk still works: an agent signs in and logs a case.
    signInAs(desk, 'specialist');
    expect(desk.call('deskInfo', {})).toMatchObject({ ok: true });
    expect(await desk.call('syncNow', {})).toMatchObject({ ok: false, error: { code: 'not_configured', message: expect.stringContaining('idleLockMinutes: must be 0 (off) or more') } });

    writeFileSync(file, JSON.stringify(POLICY));
    const fixed = open(file);
    expect(fixed.sync).not.toBeNull();
    expect(value(fixed.call('machinePolicy', {}))).toMatchObject({ status: 'valid', syncPaused: false });
  });

  it('does not take a policy desk code over one this database has issued references as', async () => {
    const first = open(join(dir, 'no-policy.json'), 'D03');
    signInAs(first, 'specialist');
    const created = first.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'information',
      serviceCode: 'general-information',
      caller: { anonymous: true },
      location: null,
      description: 'When is large item pickup in my area?',
      answers: {},
    });
    if (!created.ok) throw new Error(created.error.message);
    const desk = open(policyFile(POLICY));
    expect(desk.state.session.deskCode).toBe('D03');
    expect(desk.sync).toBeNull();
    expect(value(desk.call('machinePolicy', {}))).toMatchObject({
      status: 'valid',
      syncPaused: true,
      problems: [expect.stringContaining('the policy names desk D07, but this database has issued references as D03')],
    });
  });
});
