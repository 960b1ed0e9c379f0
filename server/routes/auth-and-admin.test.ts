import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInResponseSchema, SyncErrorSchema } from '../../shared/sync';
import { createAdmin, createDesk } from '..';
import { api, type SeededTenant, seedTenant, SERVER_START_TIMEOUT_MS, signInDesk, startTestServer, type TestServer } from '../../test/helpers/server';

let server: TestServer;
let seed: SeededTenant;

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedTenant(server);
}, SERVER_START_TIMEOUT_MS);
afterAll(() => server?.close());

const errorOf = (body: unknown) => SyncErrorSchema.parse(body).error;

describe('health and routing', () => {
  it('reports the database and version without a token', async () => {
    const health = await api(server.url, '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true, database: process.env.DATABASE_URL ? 'postgres' : 'pglite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers an unknown path with 404 naming it', async () => {
    const response = await api(server.url, '/nowhere');
    expect(response.status).toBe(404);
    expect(errorOf(response.body)).toMatchObject({ code: 'not_found', message: expect.stringContaining('GET /nowhere') });
  });
});

describe('sign-in', () => {
  it('gives a user a token, an expiry and who they are', async () => {
    const response = await api(server.url, '/auth/sign-in', { body: { tenant: seed.tenant, username: 'lee', password: seed.lead.password } });
    expect(response.status).toBe(200);
    const body = SignInResponseSchema.parse(response.body);
    expect(body.user).toMatchObject({ username: 'lee', role: 'lead', team: 'north', tenant: seed.tenant });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
  });

  it.each([
    ['a wrong password', { tenant: 'lethbridge', username: 'lee', password: 'not the password' }],
    ['an unknown user', { tenant: 'lethbridge', username: 'nobody', password: 'correct horse battery staple' }],
    ['another tenant', { tenant: 'calgary', username: 'lee', password: 'correct horse battery staple' }],
  ])('refuses %s with 401 without saying which part was wrong', async (_, body) => {
    const response = await api(server.url, '/auth/sign-in', { body });
    expect(response.status).toBe(401);
    expect(errorOf(response.body)).toEqual({ code: 'unauthorized', message: 'the tenant, username or password is wrong' });
  });

  it('names the missing field of a malformed sign-in', async () => {
    const response = await api(server.url, '/auth/sign-in', { body: { tenant: 'lethbridge', username: 'lee' } });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).issues).toEqual([{ path: 'password', message: expect.any(String) }]);
  });

  it('signs a desk in with its secret, and refuses a wrong secret', async () => {
    const [north] = seed.desks;
    const good = await api(server.url, '/auth/desk', { body: { tenant: seed.tenant, deskCode: north.code, deskSecret: north.secret } });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ deskCode: north.code, team: 'north' });
    const bad = await api(server.url, '/auth/desk', { body: { tenant: seed.tenant, deskCode: north.code, deskSecret: 'x'.repeat(43) } });
    expect(bad.status).toBe(401);
  });
});

describe('tokens', () => {
  it('refuses a missing token with 401', async () => {
    const response = await api(server.url, '/sync/pull?cursor=0');
    expect(response.status).toBe(401);
    expect(errorOf(response.body).message).toMatch(/Bearer token/);
  });

  it('refuses a malformed or tampered token with 401', async () => {
    const [payload, signature] = seed.desks[0].token.split('.');
    const forged = Buffer.from(JSON.stringify({ kind: 'user', sub: 'x', tenant: seed.tenant, team: null, role: 'admin', exp: Date.now() + 60_000 })).toString('base64url');
    for (const token of ['garbage', `${forged}.${signature}`, `${payload}.${signature}x`]) {
      const response = await api(server.url, '/admin/users', { token });
      expect(response.status, token).toBe(401);
    }
  });

  it('refuses an expired token with 401 and says so', async () => {
    const shortLived = await startTestServer({ userTokenTtlMs: 1500, deskTokenTtlMs: 1500 });
    try {
      const db = shortLived.server.db;
      await createAdmin(db, { tenant: 'brooks', username: 'admin', name: 'Ada Admin', password: 'long enough password' });
      const desk = await createDesk(db, 'brooks', { code: 'B01' });
      const deskSignIn = await api<{ token: string; expiresAt: string }>(shortLived.url, '/auth/desk', { body: { tenant: 'brooks', deskCode: 'B01', deskSecret: desk.secret } });
      const adminSignIn = await api<{ token: string; expiresAt: string }>(shortLived.url, '/auth/sign-in', { body: { tenant: 'brooks', username: 'admin', password: 'long enough password' } });
      const expiry = Math.max(Date.parse(deskSignIn.body.expiresAt), Date.parse(adminSignIn.body.expiresAt));
      expect(expiry - Date.now()).toBeLessThanOrEqual(1500);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiry - Date.now()) + 50));
      for (const [path, token] of [['/sync/pull?cursor=0', deskSignIn.body.token], ['/admin/users', adminSignIn.body.token]] as const) {
        const response = await api(shortLived.url, path, { token });
        expect(response.status).toBe(401);
        expect(errorOf(response.body).message).toMatch(/expired/);
      }
    } finally {
      await shortLived.close();
    }
  });
});

describe('admin endpoints', () => {
  it('lets an admin add a user and a desk, and list both', async () => {
    const user = await api(server.url, '/admin/users', {
      token: seed.admin.token,
      body: { username: 'sam', name: 'Sam Specialist', role: 'specialist', team: 'south', password: 'long enough password' },
    });
    expect(user.status).toBe(201);
    const desk = await api<{ desk: { code: string }; secret: string }>(server.url, '/admin/desks', { token: seed.admin.token, body: { code: 'D09', team: 'south' } });
    expect(desk.status).toBe(201);
    expect(desk.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await signInDesk(server.url, seed.tenant, 'D09', desk.body.secret)).toContain('.');

    const users = await api<{ users: { username: string }[] }>(server.url, '/admin/users', { token: seed.admin.token });
    expect(users.body.users.map((u) => u.username)).toEqual(['admin', 'ana', 'lee', 'sam']);
    const desks = await api<{ desks: { code: string; secret?: string }[] }>(server.url, '/admin/desks', { token: seed.admin.token });
    expect(desks.body.desks.map((d) => d.code)).toEqual(['D01', 'D02', 'D09']);
    expect(desks.body.desks.every((d) => d.secret === undefined)).toBe(true);
  });

  it('names every bad field of a new user, and refuses a taken username with 409', async () => {
    const bad = await api(server.url, '/admin/users', { token: seed.admin.token, body: { username: 'has space', name: '', role: 'boss', password: 'short' } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).issues?.map((i) => i.path).sort()).toEqual(['name', 'password', 'role', 'username']);
    const taken = await api(server.url, '/admin/users', { token: seed.admin.token, body: { username: 'lee', name: 'Lee Again', role: 'lead', team: 'north', password: 'long enough password' } });
    expect(taken.status).toBe(409);
    expect(errorOf(taken.body).message).toContain("'lee' is already taken");
  });

  it('refuses leads, specialists and desks with 403', async () => {
    for (const token of [seed.lead.token, seed.specialist.token, seed.desks[0].token]) {
      const response = await api(server.url, '/admin/desks', { token });
      expect(response.status).toBe(403);
      expect(errorOf(response.body).code).toBe('forbidden');
    }
  });
});
