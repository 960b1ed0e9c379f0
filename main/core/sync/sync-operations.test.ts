import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskInfo, SyncSettingsView, SyncStatus } from '../../../shared/contract';
import { connectionRefused, errorResponse, jsonResponse, scriptedServer } from '../../../test/helpers/scripted-server';
import { openDeskRuntime, type DeskRuntime } from '../desk-runtime';
import { checkPassword, makePasswordVerifier } from './password';

const USERS = {
  noor: { id: '0195f0a0-0000-7000-8000-000000000001', tenant: 'lethbridge', team: 'north', username: 'noor', name: 'Noor Haddad', role: 'lead', password: 'correct horse battery' },
} as const;

const SETTINGS = { serverUrl: 'http://sync.test:8080', tenant: 'lethbridge', deskSecret: 'a-desk-secret-of-some-length' };

let dir: string;
let up: boolean;
let runtime: DeskRuntime;
let server: ReturnType<typeof scriptedServer>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-sync-ops-'));
  up = true;
  server = scriptedServer(({ path, body, token }) => {
    if (!up) return connectionRefused();
    if (path === '/health') return jsonResponse(200, { ok: true });
    if (path === '/auth/sign-in') {
      const { username, password } = body as { username: string; password: string };
      const user = username === 'noor' ? USERS.noor : undefined;
      if (!user || password !== user.password) return errorResponse(401, 'unauthorized', 'wrong username or password');
      const { password: _p, ...rest } = user;
      return jsonResponse(200, { token: 'user-token-noor', expiresAt: '2026-11-27T23:00:00.000Z', user: rest });
    }
    if (path === '/auth/desk') return jsonResponse(200, { token: 'desk-token', expiresAt: '2026-11-27T23:00:00.000Z', deskCode: 'D07', team: null });
    if (path === '/sync/conflicts') {
      if (token !== 'user-token-noor') return errorResponse(401, 'unauthorized', 'sign in again');
      return jsonResponse(200, {
        conflicts: [
          { id: '0195f0a0-0000-7000-8000-0000000000c1', caseId: '0195f0a0-0000-7000-8000-0000000000ca', reference: 'D12-261127-0001', field: 'priority', deskCode: 'D12', mutationId: 4, seen: 'normal', overwritten: 'high', written: 'low', at: '2026-11-27T15:00:00.000Z' },
        ],
      });
    }
    if (path === '/sync/pull') return jsonResponse(200, { rows: [], cursor: 0, hasMore: false, lastMutationId: 0 });
    return errorResponse(404, 'not_found', path);
  });
  runtime = openDeskRuntime({ dataDir: dir, deskCode: 'D07', maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000, sync: { fetch: server.fetch } });
});
afterEach(() => {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const ok = <T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

describe('password verifiers', () => {
  it('check the password they were made from, and nothing else', async () => {
    const verifier = await makePasswordVerifier('correct horse battery');
    expect(verifier).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(verifier).not.toContain('horse');
    expect(await checkPassword('correct horse battery', verifier)).toBe(true);
    expect(await checkPassword('correct horse batterY', verifier)).toBe(false);
    expect(await checkPassword('x', 'scrypt$garbage')).toBe(false);
    expect(await makePasswordVerifier('same')).not.toEqual(await makePasswordVerifier('same'));
  });
});

describe('sync settings', () => {
  it('start unset: the desk works alone and says it is not configured', async () => {
    expect(ok<SyncSettingsView>(runtime.call('getSyncSettings', {}))).toEqual({ serverUrl: null, tenant: null, deskCode: 'D07', deskSecretSet: false, setByPolicy: [] });
    expect(ok<DeskInfo>(runtime.call('deskInfo', {})).sync).toMatchObject({ state: 'offline', configured: false, pendingMutations: 0 });
    expect(await runtime.call('syncNow', {})).toMatchObject({ ok: false, error: { code: 'not_configured', message: expect.stringMatching(/no sync server yet/) } });
    expect(await runtime.call('signInWithPassword', { username: 'noor', password: 'x' })).toMatchObject({ ok: false, error: { code: 'not_configured' } });
  });

  it('are saved without echoing the secret, sync starts, and later changes need a lead', async () => {
    const saved = ok<SyncSettingsView>(await runtime.call('setSyncSettings', { ...SETTINGS, deskCode: 'D09' }));
    expect(saved).toEqual({ serverUrl: SETTINGS.serverUrl, tenant: 'lethbridge', deskCode: 'D09', deskSecretSet: true, setByPolicy: [] });
    expect(ok<SyncStatus>(await runtime.call('syncNow', {}))).toMatchObject({ state: 'online', configured: true, online: true, lastError: null });
    expect(ok<DeskInfo>(runtime.call('deskInfo', {})).sync).toMatchObject({ state: 'online', lastSuccessAt: expect.any(String) });
    expect(await runtime.call('setSyncSettings', SETTINGS)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/lead or admin/) } });
  });

  it('refuse a new desk code once the desk has minted a reference', async () => {
    const agent = ok<{ id: string }>(runtime.call('createAgent', { name: 'Ana Specialist', role: 'specialist' }));
    ok(runtime.call('signIn', { agentId: agent.id }));
    ok(runtime.call('createCase', { id: '0195f0a0-0000-7000-8000-0000000000aa', channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: true }, location: null, answers: {}, description: '' }));
    expect(await runtime.call('setSyncSettings', { ...SETTINGS, deskCode: 'D09' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ field: 'deskCode', message: 'is fixed at D07 once references exist' }] },
    });
  });
});

describe('signing in with a central account', () => {
  beforeEach(async () => {
    ok(await runtime.call('setSyncSettings', SETTINGS));
  });

  it('signs in online, caching the account, then offline against the cached verifier', async () => {
    const online = ok<DeskInfo>(await runtime.call('signInWithPassword', { username: 'noor', password: USERS.noor.password }));
    expect(online.agent).toEqual({ id: USERS.noor.id, name: 'Noor Haddad', role: 'lead' });
    const verifier = runtime.db.prepare('SELECT password_verifier FROM local_agents WHERE username = ?').pluck().get('noor') as string;
    expect(verifier).toMatch(/^scrypt\$/);
    ok(runtime.call('signOut', {}));
    up = false;
    const offline = ok<DeskInfo>(await runtime.call('signInWithPassword', { username: 'NOOR', password: USERS.noor.password }));
    expect(offline.agent).toEqual({ id: USERS.noor.id, name: 'Noor Haddad', role: 'lead' });
    ok(runtime.call('signOut', {}));
    expect(await runtime.call('signInWithPassword', { username: 'noor', password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/Wrong username or password \(checked on this desk/) },
    });
    expect(await runtime.call('signInWithPassword', { username: 'sam', password: 'whatever' })).toMatchObject({
      ok: false,
      error: { code: 'offline', message: expect.stringMatching(/'sam' has not signed in on this desk before/) },
    });
  });

  it('refuses a wrong password online without falling back to the cache', async () => {
    expect(await runtime.call('signInWithPassword', { username: 'noor', password: 'nope' })).toMatchObject({ ok: false, error: { code: 'unauthorized', issues: [{ field: 'password' }] } });
    expect(runtime.db.prepare('SELECT count(*) FROM local_agents').pluck().get()).toBe(0);
  });

  it('keeps local profiles working beside central accounts', () => {
    const agent = ok<{ id: string }>(runtime.call('createAgent', { name: 'Ana Specialist', role: 'specialist' }));
    expect(ok<DeskInfo>(runtime.call('signIn', { agentId: agent.id })).agent).toMatchObject({ name: 'Ana Specialist' });
  });

  it('lists conflicts for a lead signed in online; explains the refusal otherwise', async () => {
    expect(await runtime.call('syncConflicts', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    const specialist = ok<{ id: string }>(runtime.call('createAgent', { name: 'Ana Specialist', role: 'specialist' }));
    ok(runtime.call('signIn', { agentId: specialist.id }));
    expect(await runtime.call('syncConflicts', {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/needs the lead role/) } });
    ok(await runtime.call('signInWithPassword', { username: 'noor', password: USERS.noor.password }));
    expect(ok<{ conflicts: unknown[] }>(await runtime.call('syncConflicts', {})).conflicts).toMatchObject([{ field: 'priority', reference: 'D12-261127-0001' }]);
    ok(runtime.call('signOut', {}));
    up = false;
    ok(await runtime.call('signInWithPassword', { username: 'noor', password: USERS.noor.password }));
    expect(await runtime.call('syncConflicts', {})).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringMatching(/sign in with your username and password while the server is reachable/) } });
  });
});
