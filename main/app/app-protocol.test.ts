import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRendererFile, serveRendererRequest } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

let base: string;
let rendererDir: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'civicdesk-protocol-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CivicDesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("desk")');
  writeFileSync(join(base, 'secret.txt'), 'desk database key');
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'linked.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it.each([
    ['app://civicdesk/', 'index.html'],
    ['app://civicdesk', 'index.html'],
    ['app://civicdesk/index.html', 'index.html'],
    ['app://civicdesk/assets/index-abc123.js?v=2#top', join('assets', 'index-abc123.js')],
    ['app://civicdesk/assets/font%20file.woff2', join('assets', 'font file.woff2')],
  ])('%s is %s in the renderer folder', (url, file) => {
    expect(resolveRendererFile(rendererDir, url)).toEqual({ ok: true, file: resolve(rendererDir, file) });
  });

  it.each([
    'app://civicdesk/..%2fsecret.txt',
    'app://civicdesk/assets%2f..%2f..%2fsecret.txt',
    'app://civicdesk/..%5csecret.txt',
    'app://civicdesk/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://civicdesk/C:%5cWindows%5cwin.ini',
    'app://civicdesk/index.html::$DATA',
  ])('refuses traversal: %s', (url) => {
    expect(resolveRendererFile(rendererDir, url)).toMatchObject({ ok: false, status: 403 });
  });

  it('keeps dot segments the URL itself removes inside the folder', () => {
    const resolved = resolveRendererFile(rendererDir, 'app://civicdesk/../../secret.txt');
    expect(resolved).toEqual({ ok: true, file: resolve(rendererDir, 'secret.txt') });
  });

  it.each(['app://civicdesk/%00index.html', 'app://civicdesk/%E0%A4%A'])('refuses a malformed path: %s', (url) => {
    expect(resolveRendererFile(rendererDir, url)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    'app://evil/index.html',
    'app://civicdesk.evil.example/index.html',
    'app://civicdesk:8080/index.html',
    'app://user@civicdesk/index.html',
    'file:///etc/passwd',
    'http://civicdesk/index.html',
    'https://example.com/index.html',
    'not a url',
  ])('refuses anything but app://civicdesk/: %s', (url) => {
    expect(resolveRendererFile(rendererDir, url)).toMatchObject({ ok: false, status: 404 });
  });
});

const get = (url: string, method = 'GET') => serveRendererRequest(new Request(url, { method }), rendererDir);

describe('serveRendererRequest', () => {
  it('serves index.html with the CSP and its content type', async () => {
    const response = await get('app://civicdesk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>CivicDesk</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://civicdesk/assets/index-abc123.js');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("desk")');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://civicdesk/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['app://civicdesk/..%2fsecret.txt', 'GET', 403],
    ['app://evil/index.html', 'GET', 404],
    ['app://civicdesk/missing.js', 'GET', 404],
    ['app://civicdesk/assets', 'GET', 404],
    ['app://civicdesk/assets/linked.txt', 'GET', 404],
    ['app://civicdesk/index.html', 'POST', 405],
  ])('%s (%s) is %i, with the CSP', async (url, method, status) => {
    const response = await get(url, method);
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('desk database key');
  });

  it('says so when the renderer has not been built', async () => {
    const response = await serveRendererRequest(new Request('app://civicdesk/'), join(base, 'not-built'));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/not built yet/);
  });
});
