import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  digestLines,
  MUTATION_SCHEMA_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  type PushedMutation,
  type PushResponse,
  type ServerUser,
  type SyncRow,
} from '../../shared/sync';
import { createAdmin, createDesk, createUser, startServer, type RunningServer, type ServerOptions } from '../../server';
import { loadSigningKey } from '../../server/auth/signing-key';
import { issueToken } from '../../server/auth/tokens';

/**
 * A real server for tests: PostgreSQL when DATABASE_URL is set (in a fresh schema, dropped on
 * close), else PGlite in a temporary folder. PGlite's first-time initdb takes several seconds, so
 * a freshly initialised folder is kept once per machine and copied for each server.
 */

const pgliteVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
};

let template: Promise<string> | null = null;

/** A PGlite folder that has been through initdb and nothing else, built once per machine and version. */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = join(tmpdir(), `civicdesk-pglite-template-${pgliteVersion()}`);
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    const building = mkdtempSync(join(tmpdir(), 'civicdesk-pglite-building-'));
    const db = await PGlite.create(building);
    await db.close();
    try {
      renameSync(building, dir); // another worker may have won the race: then use its copy
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
    return dir;
  })();
  return template;
}

/** A fresh, empty PGlite data folder (copied from the template). */
export async function freshPgliteDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-server-test-'));
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

/** For beforeAll hooks that start a server and seed it: PGlite and scrypt are slow on a busy machine. */
export const SERVER_START_TIMEOUT_MS = 60_000;

export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  /** The options it runs with: another instance started with them shares its data. */
  readonly options: ServerOptions;
  /** Stops the server and starts it again on the same data and port (a restart mid-push). */
  restart(): Promise<void>;
  /** Stops the server and deletes its data. */
  close(): Promise<void>;
}

export async function startTestServer(options: Omit<ServerOptions, 'databaseUrl' | 'databaseSchema' | 'dataDir'> = {}): Promise<TestServer> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `civicdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined;
  const dataDir = databaseUrl ? undefined : await freshPgliteDir();
  const serverOptions: ServerOptions = {
    log: false,
    ...options,
    ...(databaseUrl ? { databaseUrl, databaseSchema: schema } : { dataDir }),
  };
  let server = await startServer(serverOptions);
  return {
    get url() {
      return server.url;
    },
    get server() {
      return server;
    },
    options: serverOptions,
    async restart() {
      await server.close();
      server = await startServer({ ...serverOptions, port: server.port });
    },
    async close() {
      await server.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl && schema) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** One real HTTP request; `body` is sent as JSON unless it is already a string. */
export async function api<T = unknown>(
  url: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

// ── a seeded tenant ──────────────────────────────────────────────────────────────────────────────

export interface SeededUser {
  user: ServerUser;
  username: string;
  password: string;
  token: string;
}
export interface SeededDesk {
  code: string;
  team: string;
  secret: string;
  token: string;
}
export interface SeededTenant {
  tenant: string;
  admin: SeededUser;
  /** Lead of team 'north'. */
  lead: SeededUser;
  /** Specialist in team 'north'. */
  specialist: SeededUser;
  /** desks[0] is in team 'north', desks[1] in team 'south'. */
  desks: [SeededDesk, SeededDesk];
}

const PASSWORD = 'correct horse battery staple';

export async function signInUser(url: string, tenant: string, username: string, password = PASSWORD): Promise<string> {
  const response = await api<{ token: string }>(url, '/auth/sign-in', { body: { tenant, username, password } });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(response.body)}`);
  return response.body.token;
}

export async function signInDesk(url: string, tenant: string, deskCode: string, deskSecret: string): Promise<string> {
  const response = await api<{ token: string }>(url, '/auth/desk', { body: { tenant, deskCode, deskSecret } });
  if (response.status !== 200) throw new Error(`desk sign-in of ${deskCode} failed: ${JSON.stringify(response.body)}`);
  return response.body.token;
}

/** A tenant with an admin, a lead and a specialist (team north) and two desks (north, south), each with a token. */
export async function seedTenant(server: TestServer, options: { tenant?: string; deskCodes?: [string, string] } = {}): Promise<SeededTenant> {
  const tenant = options.tenant ?? 'lethbridge';
  const [northCode, southCode] = options.deskCodes ?? ['D01', 'D02'];
  const db = server.server.db;
  const { user: admin } = await createAdmin(db, { tenant, username: 'admin', name: 'Ada Admin', password: PASSWORD });
  const lead = await createUser(db, tenant, { username: 'lee', name: 'Lee Lead', role: 'lead', team: 'north', password: PASSWORD });
  const specialist = await createUser(db, tenant, { username: 'ana', name: 'Ana Specialist', role: 'specialist', team: 'north', password: PASSWORD });
  const north = await createDesk(db, tenant, { code: northCode, team: 'north' });
  const south = await createDesk(db, tenant, { code: southCode, team: 'south' });
  // Tokens signed with the server's own key, as sign-in would issue them (sign-in itself is tested
  // over HTTP; doing it here would cost five more scrypt checks per seeded tenant).
  const key = await loadSigningKey(db);
  const exp = Date.now() + (server.options.userTokenTtlMs ?? 15 * 60_000);
  const person = async (user: ServerUser): Promise<SeededUser> => ({
    user,
    username: user.username,
    password: PASSWORD,
    token: issueToken(key, { kind: 'user', sub: user.id, tenant, team: user.team, role: user.role, exp }),
  });
  const desk = async (d: { code: string; secret: string }, team: string): Promise<SeededDesk> => ({
    code: d.code,
    team,
    secret: d.secret,
    token: issueToken(key, { kind: 'desk', sub: d.code, tenant, team, exp: Date.now() + (server.options.deskTokenTtlMs ?? 60 * 60_000) }),
  });
  return {
    tenant,
    admin: await person(admin),
    lead: await person(lead),
    specialist: await person(specialist),
    desks: [await desk(north, 'north'), await desk(south, 'south')],
  };
}

// ── sync as a desk ───────────────────────────────────────────────────────────────────────────────

/** Pushes as `desk` and returns the parsed response (throws on anything but 200). */
export async function push(server: TestServer, desk: SeededDesk, mutations: PushedMutation[]): Promise<PushResponse> {
  const response = await api(server.url, '/sync/push', { token: desk.token, body: { deskCode: desk.code, schemaVersion: MUTATION_SCHEMA_VERSION, mutations } });
  if (response.status !== 200) throw new Error(`push failed with ${response.status}: ${JSON.stringify(response.body)}`);
  return PushResponseSchema.parse(response.body);
}

/** Pulls every page from `cursor`, checking each page's cursor moves forward. */
export async function pullAll(server: TestServer, desk: SeededDesk, options: { cursor?: number; limit?: number; schema?: number } = {}) {
  let cursor = options.cursor ?? 0;
  const rows: SyncRow[] = [];
  const cursors: number[] = [];
  let lastMutationId = 0;
  for (;;) {
    const limit = options.limit ? `&limit=${options.limit}` : '';
    const response = await api(server.url, `/sync/pull?cursor=${cursor}${limit}&schema=${options.schema ?? MUTATION_SCHEMA_VERSION}`, { token: desk.token });
    if (response.status !== 200) throw new Error(`pull failed with ${response.status}: ${JSON.stringify(response.body)}`);
    const page = PullResponseSchema.parse(response.body);
    rows.push(...page.rows);
    cursors.push(page.cursor);
    cursor = page.cursor;
    lastMutationId = page.lastMutationId;
    if (!page.hasMore) break;
  }
  return { rows, cursors, cursor, lastMutationId };
}

/** The latest state of everything pulled, the way a desk folds pages into its store. */
export function foldRows(rows: readonly SyncRow[]) {
  const cases = new Map<string, Extract<SyncRow, { type: 'case' }>>();
  const notes = new Set<string>();
  const events = new Set<string>();
  for (const row of rows) {
    if (row.type === 'case') cases.set(row.case.id, row);
    else if (row.type === 'note') notes.add(row.note.id);
    else events.add(row.event.id);
  }
  return { cases, notes, events };
}

/** The digest a desk would compute over what it pulled. */
export function digestOf(rows: readonly SyncRow[]): string {
  const { cases, notes, events } = foldRows(rows);
  const lines = digestLines(
    [...cases.values()].map((row) => ({ id: row.case.id, json: canonicalJson(row.case), deleted: row.deleted })),
    notes,
    events,
  );
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
