import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HTTP_STATUS_OF_ERROR, type ApiResult } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/security';
import type { CallOperation } from '../core/console-api';

export { CONTENT_SECURITY_POLICY };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};
const MAX_BODY_BYTES = 2_000_000;
const COOKIE = 'civicdesk_token';

export interface HostOptions {
  call: CallOperation;
  /** The built renderer (vite build output). */
  rendererDir: string;
  port: number;
  token?: string;
  log?: (line: string) => void;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const sameToken = (given: string | undefined, token: string): boolean =>
  given !== undefined && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

function tokenOf(request: IncomingMessage, url: URL): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const cookie = (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  return bearer ?? url.searchParams.get('token') ?? cookie;
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

const sendResult = (response: ServerResponse, result: ApiResult<unknown>): void =>
  send(response, result.ok ? 200 : HTTP_STATUS_OF_ERROR[result.error.code], JSON.stringify(result), 'application/json');

const invalidBody = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'invalid_input', message: `body: ${message}`, issues: [{ field: 'body', message }] },
});

/** The body as text, or null when it is too large (read to the end but not kept, so the answer arrives). */
async function readBody(request: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

async function handleApi(request: IncomingMessage, response: ServerResponse, call: CallOperation, operation: string): Promise<void> {
  if (request.method !== 'POST') return send(response, 405, 'Use POST for /api/<operation>');
  const text = await readBody(request);
  if (text === null) return sendResult(response, invalidBody(`is larger than ${MAX_BODY_BYTES} bytes`));
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return sendResult(response, invalidBody('is not valid JSON'));
  }
  // Operations that wait on the network (sync, central sign-in) answer with a promise.
  sendResult(response, await call(operation, input));
}

function serveFile(response: ServerResponse, rendererDir: string, pathname: string): void {
  const root = resolve(rendererDir);
  const wanted = normalize(join(root, decodeURIComponent(pathname)));
  const file = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
  if (!existsSync(file)) return send(response, 503, `The console is not built yet: run npm run build:renderer (looked in ${root})`);
  response.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(response);
}

/**
 * The console over HTTP on 127.0.0.1 only, for browser mode and end-to-end tests. Every request
 * must carry the per-launch token (in the URL the host prints, then a cookie or a Bearer header);
 * a Host header other than the loopback address is refused, against DNS rebinding.
 */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  let port = options.port;
  const server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Frame-Options', 'DENY');
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(response, 421, 'CivicDesk answers on 127.0.0.1 only');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!sameToken(tokenOf(request, url), token)) {
      return send(response, 401, 'CivicDesk: open the console with the link the host printed at start (it carries ?token=…)');
    }
    if (url.searchParams.has('token')) {
      response.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    if (api) {
      handleApi(request, response, options.call, api[1]!).catch((error: unknown) => {
        log(`api ${api[1]} failed: ${String(error)}`);
        if (!response.headersSent) send(response, 500, 'internal error');
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) return send(response, 404, `No such operation: ${url.pathname.slice(5)}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    serveFile(response, options.rendererDir, url.pathname);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
