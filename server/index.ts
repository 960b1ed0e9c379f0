/** The central server's programmatic API: tests, the sync simulation and the benchmark start it from here. */
export { startServer, DEFAULT_DESK_TOKEN_TTL_MS, DEFAULT_USER_TOKEN_TTL_MS, type RunningServer, type ServerOptions } from './server';
export { openDatabase, type DatabaseOptions } from './db/open-database';
export type { Database, DatabaseKind, Queryable } from './db/database';
export { createDesk, createUser, ensureTenant, listDesks, listUsers, type DeskInfo, type NewDesk, type NewUser } from './accounts/accounts';
export { createAdmin } from './accounts/create-admin';
export { defaultServerDataDir } from './data-dir';
export type { Logger, RequestLogLine } from './http/log';
