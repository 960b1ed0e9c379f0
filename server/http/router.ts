import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';
import { RequestContext } from './context';
import type { Logger } from './log';

/** A JSON reply; `json` is already-serialised text, for large responses built without a parse. */
export type Reply = { status?: number; body: unknown } | { status?: number; json: string };

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(ctx: RequestContext): Promise<Reply>;
}

function send(res: ServerResponse, status: number, json: string, close = false): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(json);
}

/** The request listener: finds the route, runs it, turns every failure into a SyncError body, logs one line. */
export function createRequestListener(routes: readonly Route[], signingKey: Buffer, logger: Logger) {
  const table = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    const ctx = new RequestContext(req, url, signingKey);
    res.on('finish', () => {
      logger.request({
        time: new Date().toISOString(),
        method: req.method ?? '?',
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...ctx.who,
      });
    });
    try {
      const route = table.get(`${req.method} ${url.pathname}`);
      if (!route) throw new ApiError('not_found', `there is no ${req.method} ${url.pathname}; see docs/server.md for the endpoints`);
      const reply = await route.handle(ctx);
      send(res, reply.status ?? 200, 'json' in reply ? reply.json : JSON.stringify(reply.body));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('internal', 'the server failed to handle this request; it has been logged');
      if (!(error instanceof ApiError)) {
        logger.error(`${req.method} ${url.pathname} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      // A body refused part-way is still arriving: drain it so the client reads our answer, then close.
      const unread = !req.readableEnded;
      if (unread) req.resume();
      if (!res.headersSent) send(res, apiError.status, JSON.stringify(apiError.toBody()), unread);
      else res.destroy();
    }
  };
}
