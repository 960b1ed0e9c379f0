import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_ORIGIN, isAppUrl } from './app-origin';
import { SECURITY_HEADERS } from './csp';

/** Where an `app://` request points inside the built renderer, or why it is refused. */
export type RendererFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const refuse = (status: 400 | 403 | 404, reason: string): RendererFile => ({ ok: false, status, reason });

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

const isInside = (root: string, file: string): boolean => {
  const path = relative(root, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
};

/**
 * The file an `app://civicdesk/…` URL names under the renderer folder; `/` means index.html.
 * Pure: it looks at the URL only, so any request that could step outside the folder is refused
 * before the disk is touched — `..` or `.` segments (also percent-encoded), backslashes, drive
 * letters and NUL bytes — and so is any other scheme or host.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): RendererFile {
  if (!isAppUrl(requestUrl)) return refuse(404, `only ${APP_ORIGIN}/ is served here`);
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return refuse(400, 'the path is not valid percent-encoding');
  }
  if (path.includes('\0')) return refuse(400, 'the path contains a NUL byte');
  const segments = path.split(/[/\\]/).filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) {
    return refuse(403, 'path traversal refused');
  }
  const root = resolve(rendererDir);
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return isInside(root, file) ? { ok: true, file } : refuse(403, 'path traversal refused');
}

const textResponse = (status: number, body: string): Response =>
  new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Follows symlinks, then checks the real file is still inside the real renderer folder. */
async function servableFile(rendererDir: string, file: string): Promise<string | null> {
  try {
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(file)]);
    return isInside(root, real) && (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Answers one `app://` request from the built renderer, with the CSP on every response, errors
 * included. For Electron's `protocol.handle('app', …)`; it uses only web `Request`/`Response` and
 * `node:fs`, so it is tested without Electron.
 */
export async function serveRendererRequest(
  request: Request,
  rendererDir: string,
  log: (message: string) => void = () => {},
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const resolved = resolveRendererFile(rendererDir, request.url);
  if (!resolved.ok) {
    log(`app protocol refused ${request.url}: ${resolved.reason}`);
    return textResponse(resolved.status, resolved.reason);
  }
  const file = await servableFile(rendererDir, resolved.file);
  if (!file) {
    const missingIndex = resolved.file === resolve(rendererDir, 'index.html');
    return textResponse(404, missingIndex ? `The console is not built yet (looked in ${resolve(rendererDir)})` : 'Not found');
  }
  try {
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
    });
  } catch (error) {
    log(`app protocol could not read ${file}: ${String(error)}`);
    return textResponse(500, 'The console file could not be read');
  }
}
