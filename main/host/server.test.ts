import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract';
import { openDeskRuntime, type DeskRuntime } from '../core/desk-runtime';
import { startHost, type RunningHost } from './server';

let dir: string;
let runtime: DeskRuntime;
let host: RunningHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CivicDesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  runtime = openDeskRuntime({ dataDir: join(dir, 'data'), deskCode: 'D09', maintenanceIntervalMs: 0 });
  host = await startHost({ call: runtime.call, rendererDir, port: 0 });
});
afterAll(async () => {
  await host.close();
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control the Host header and the path exactly. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });
const api = (operation: string, body: unknown, headers: Record<string, string> = auth()) =>
  send(`/api/${operation}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and prints a link with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers 401 to any request without the token', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/assets/app.js')).status).toBe(401);
    expect((await api('deskInfo', {}, { 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await api('deskInfo', {}, { Authorization: 'Bearer wrong-token-of-the-same-length-xx' })).status).toBe(401);
  });

  it('takes the token from the URL once and then from an HttpOnly cookie', async () => {
    const first = await send(`/?token=${host.token}`);
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const next = await send('/assets/app.js', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(next.status).toBe(200);
    expect(next.body).toBe('console.log(1)');
  });

  it('sends the strict CSP and no referrer on every response', async () => {
    const reply = await send('/', { headers: { Authorization: `Bearer ${host.token}` } });
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the same CSP on refusals, errors and API answers, not only on the page', async () => {
    const replies = [
      await send('/'), // 401: no token
      await send('/', { headers: { Authorization: `Bearer ${host.token}`, Host: 'evil.example:80' } }), // 421
      await send('/no-such-file.js', { headers: { Authorization: `Bearer ${host.token}` } }),
      await api('deskInfo', {}),
      await api('createAgent', { name: '' }), // 400
    ];
    for (const reply of replies) expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a Host header other than the loopback address (DNS rebinding)', async () => {
    const reply = await send('/', { headers: { Authorization: `Bearer ${host.token}`, Host: 'evil.example:80' } });
    expect(reply.status).toBe(421);
  });

  it('never serves a file outside the renderer folder', async () => {
    const reply = await send('/..%2Fsecret.txt', { headers: { Authorization: `Bearer ${host.token}` } });
    expect(reply.body).not.toContain('not for the browser');
  });

  it('serves the console contract as POST /api/<operation>', async () => {
    const reply = await api('deskInfo', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { deskCode: 'D09', agent: null } });
  });

  it('maps errors to HTTP statuses with the same ApiResult body', async () => {
    const invalid = await api('createAgent', { name: '', role: 'mayor' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'name' }, { field: 'role' }] } });
    const signedOut = await api('searchCases', { query: 'smith' });
    expect(signedOut.status).toBe(401);
    expect(JSON.parse(signedOut.body)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect((await api('dropTables', {})).status).toBe(404);
    const badJson = await api('deskInfo', '{not json');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ error: { code: 'invalid_input', issues: [{ field: 'body', message: 'is not valid JSON' }] } });
    const tooBig = await api('deskInfo', JSON.stringify({ pad: 'x'.repeat(2_100_000) }));
    expect(tooBig.status).toBe(400);
    expect((await send('/api/deskInfo', { headers: auth() })).status).toBe(405);
  });
});
