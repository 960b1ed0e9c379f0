import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSigningKey } from './auth/signing-key';
import { defaultServerDataDir } from './data-dir';
import type { Database, DatabaseKind } from './db/database';
import { openDatabase } from './db/open-database';
import { keepStatistics, type StatisticsKeeper } from './db/statistics-keeper';
import { jsonLogger, silentLogger, type Logger } from './http/log';
import { createRequestListener } from './http/router';
import { adminRoutes } from './routes/admin-routes';
import { authRoutes } from './routes/auth-routes';
import type { RouteDeps } from './routes/deps';
import { healthRoutes } from './routes/health-routes';
import { syncRoutes } from './routes/sync-routes';
import { reportRoutes } from './routes/report-routes';
import { kbRoutes } from './routes/kb-routes';
import { addressRoutes } from './routes/address-routes';
import { SERVER_VERSION } from './version';

export interface ServerOptions {
  /** PostgreSQL URL; without one the server uses PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: a schema to create and use instead of the default search path. */
  databaseSchema?: string;
  /** PGlite's folder (default: the user's data folder, see docs/server.md). */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  userTokenTtlMs?: number;
  deskTokenTtlMs?: number;
  /** Request and error logger; `false` for none. Default: JSON lines on stdout and stderr. */
  log?: Logger | false;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  database: DatabaseKind;
  /** The open database, for tests and tools that set up accounts directly. */
  db: Database;
  /** Stops listening, ends open connections and releases the database (PGlite's folder can be reopened). */
  close(): Promise<void>;
}

export const DEFAULT_USER_TOKEN_TTL_MS = 15 * 60_000;
export const DEFAULT_DESK_TOKEN_TTL_MS = 60 * 60_000;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.log === false ? silentLogger : (options.log ?? jsonLogger);
  const db = await openDatabase({
    dataDir: options.dataDir ?? defaultServerDataDir(),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}),
  });
  let server: Server;
  let statistics: StatisticsKeeper | null = null;
  // Requests still running when close() is called finish before the database goes away.
  const inFlight = new Set<Promise<void>>();
  try {
    statistics = await keepStatistics(db);
    const deps: RouteDeps = {
      db,
      statistics,
      signingKey: await loadSigningKey(db),
      userTokenTtlMs: options.userTokenTtlMs ?? DEFAULT_USER_TOKEN_TTL_MS,
      deskTokenTtlMs: options.deskTokenTtlMs ?? DEFAULT_DESK_TOKEN_TTL_MS,
      version: SERVER_VERSION,
    };
    const routes = [...healthRoutes(deps), ...authRoutes(deps), ...adminRoutes(deps), ...syncRoutes(deps), ...reportRoutes(deps), ...kbRoutes(deps), ...addressRoutes(deps)];
    const listener = createRequestListener(routes, deps.signingKey, logger);
    server = createServer((req, res) => {
      const handling = listener(req, res);
      inFlight.add(handling);
      void handling.finally(() => inFlight.delete(handling));
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    database: db.kind,
    db,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await Promise.allSettled([...inFlight]);
        await statistics?.idle();
        await db.close();
      })()),
  };
}
