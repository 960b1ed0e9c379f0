import { parseArgs } from 'node:util';
import { RoleSchema } from '../../shared/domain';
import { createDesk, createUser, NewUserSchema, TenantSlugSchema } from '../accounts/accounts';
import { createAdmin } from '../accounts/create-admin';
import { defaultServerDataDir } from '../data-dir';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { ApiError, parseInput } from '../http/api-error';
import { checkImportFile, parseImportArguments, runTenantImport } from '../import/import-command';
import { startServer } from '../server';
import { promptHidden } from './prompt';

/** A mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage:
  npm run server -- [--port 8080] [--host 127.0.0.1] [--data DIR]
  npm run server -- create-admin --tenant TENANT --username NAME --name "Full Name" [--data DIR]
  npm run server -- add-user --tenant TENANT --username NAME --name "Full Name" --role specialist|lead|admin [--team TEAM] [--data DIR]
  npm run server -- add-desk --tenant TENANT --code D01 [--team TEAM] [--data DIR]
  npm run server -- import FILE.csv --tenant TENANT [--skip-bad] [--rejects FILE] [--time-zone ZONE] [--json] [--data DIR]

With DATABASE_URL set the server uses that PostgreSQL database; otherwise PGlite in --data.
Passwords: CIVICDESK_ADMIN_PASSWORD (create-admin) or CIVICDESK_PASSWORD (add-user), else a prompt.`;

type Output = (line: string) => void;

interface ParsedArgs {
  help: boolean;
  values: Partial<Record<string, string>>;
}

/** Parses `--name value` options (plus --data and --help); anything else is a UsageError. */
function parse(args: string[], names: readonly string[]): ParsedArgs {
  const options = Object.fromEntries([...names, 'data'].map((name) => [name, { type: 'string' as const }]));
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    const { help, ...strings } = values;
    return { help: help === true, values: strings as Partial<Record<string, string>> };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(values: Partial<Record<string, string>>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function secretFrom(envName: string, what: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`set ${envName} to the ${what}, or run this in a terminal to be asked for it`);
  const first = await promptHidden(`${what[0]!.toUpperCase()}${what.slice(1)}: `);
  const again = await promptHidden('Again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

async function withDatabase<T>(dataDir: string | undefined, work: (db: Database) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL;
  const db = await openDatabase({ dataDir: dataDir ?? defaultServerDataDir(), ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function serve(args: string[], out: Output): Promise<void> {
  const { help, values } = parse(args, ['port', 'host']);
  if (help) return out(USAGE);
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got '${values.port}')`);
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = values.data ?? defaultServerDataDir();
  const server = await startServer({ port, host: values.host ?? '127.0.0.1', dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  out(`CivicDesk server: ${server.url} (database: ${server.database === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL'})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function createAdminCommand(args: string[], out: Output): Promise<void> {
  const { help, values } = parse(args, ['tenant', 'username', 'name']);
  if (help) return out(USAGE);
  const input = { tenant: required(values, 'tenant'), username: required(values, 'username'), name: required(values, 'name') };
  const password = await secretFrom('CIVICDESK_ADMIN_PASSWORD', 'password for the new admin');
  // Checked before the database opens, so a typo costs no wait.
  parseInput(TenantSlugSchema, input.tenant, 'The tenant');
  parseInput(NewUserSchema, { ...input, role: 'admin', password }, 'The admin');
  const { user, tenantCreated } = await withDatabase(values.data, (db) => createAdmin(db, { ...input, password }));
  out(`${tenantCreated ? `Created tenant '${user.tenant}'. ` : ''}Created admin '${user.username}' (${user.name}) in tenant '${user.tenant}'.`);
}

async function addUserCommand(args: string[], out: Output): Promise<void> {
  const { help, values } = parse(args, ['tenant', 'username', 'name', 'role', 'team']);
  if (help) return out(USAGE);
  const tenant = required(values, 'tenant');
  const role = RoleSchema.safeParse(required(values, 'role'));
  if (!role.success) throw new UsageError(`--role must be specialist, lead or admin (got '${values.role}')`);
  const input = { username: required(values, 'username'), name: required(values, 'name'), role: role.data, team: values.team ?? null };
  const password = await secretFrom('CIVICDESK_PASSWORD', `password for ${input.username}`);
  parseInput(NewUserSchema, { ...input, password }, 'The user');
  const user = await withDatabase(values.data, (db) => createUser(db, tenant, { ...input, password }));
  out(`Created ${user.role} '${user.username}' (${user.name})${user.team ? ` in team '${user.team}'` : ''}, tenant '${user.tenant}'.`);
}

async function addDeskCommand(args: string[], out: Output): Promise<void> {
  const { help, values } = parse(args, ['tenant', 'code', 'team']);
  if (help) return out(USAGE);
  const tenant = required(values, 'tenant');
  const desk = await withDatabase(values.data, (db) => createDesk(db, tenant, { code: required(values, 'code'), team: values.team ?? null }));
  out(`Registered desk ${desk.code}${desk.team ? ` in team '${desk.team}'` : ''}, tenant '${tenant}'.`);
  out(`Desk secret (shown once; put it in the desk's settings): ${desk.secret}`);
}

/** A centre's history from its previous system (docs/import.md). */
async function importCommand(args: string[], out: Output): Promise<void> {
  const parsed = parseImportArguments(args);
  if ('usage' in parsed) throw new UsageError(parsed.usage);
  if (parsed.help) return out(USAGE);
  checkImportFile(parsed);
  await withDatabase(parsed.data, (db) => runTenantImport(db, parsed, out));
}

const COMMANDS: Record<string, (args: string[], out: Output) => Promise<void>> = {
  'create-admin': createAdminCommand,
  'add-user': addUserCommand,
  'add-desk': addDeskCommand,
  import: importCommand,
};

/** Runs the command line; throws UsageError or ApiError for mistakes a person can fix. */
export async function runCli(argv: string[], out: Output): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return serve(argv, out);
  const command = COMMANDS[first];
  if (!command) throw new UsageError(`unknown command '${first}' (commands: ${Object.keys(COMMANDS).join(', ')}; none to start the server)`);
  return command(rest, out);
}

/** The one line printed for a failure, or null when it is a bug worth a stack trace. */
export function describeFailure(error: unknown): string | null {
  if (error instanceof UsageError) return error.message;
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    if (error.code === 'EADDRINUSE') return `the port is already in use (${error.message}); choose another with --port`;
    if (error.code === 'ECONNREFUSED') return `cannot reach PostgreSQL at DATABASE_URL (${error.message})`;
    if (error.code === 'EACCES') return `permission denied: ${error.message}`;
  }
  if (error instanceof Error && 'severity' in error) return `PostgreSQL at DATABASE_URL refused: ${error.message}`;
  if (error instanceof Error && /data folder|Migration ledger|database schema/.test(error.message)) return error.message;
  return null;
}
