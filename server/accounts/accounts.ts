import { z } from 'zod';
import { DeskCodeSchema, newId, RoleSchema, type Role } from '../../shared/domain';
import type { ServerUser } from '../../shared/sync';
import { hashSecret, newDeskSecret } from '../auth/passwords';
import type { Queryable } from '../db/database';
import { ApiError, parseInput } from '../http/api-error';

/**
 * Tenants, teams, users and desks. These functions back the CLI, the admin endpoints and the test
 * helpers alike; each parses what it is given and throws an ApiError naming the bad field.
 */

export const TenantSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lower-case letters, digits or dashes, like lethbridge');
export const TeamNameSchema = z.string().trim().min(1, 'must not be empty').max(64);
export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{1,120}$/, 'must be 1–120 letters, digits, dots, dashes, underscores or @');
export const PasswordSchema = z.string().min(10, 'must be at least 10 characters').max(1024);

export const NewUserSchema = z
  .object({
    username: UsernameSchema,
    name: z.string().trim().min(1, 'must not be empty').max(120),
    role: RoleSchema,
    team: TeamNameSchema.nullable().default(null),
    password: PasswordSchema,
  })
  .refine((user) => user.role === 'admin' || user.team !== null, { path: ['team'], message: 'is required for a specialist or a lead' });
export type NewUser = z.input<typeof NewUserSchema>;

export const NewDeskSchema = z.object({ code: DeskCodeSchema, team: TeamNameSchema.nullable().default(null) });
export type NewDesk = z.input<typeof NewDeskSchema>;

export interface DeskInfo {
  code: string;
  team: string | null;
  lastMutationId: number;
}

/** Creates the tenant unless it exists; returns whether it was new. */
export async function ensureTenant(db: Queryable, slug: string, name = slug): Promise<boolean> {
  const tenant = parseInput(TenantSlugSchema, slug, 'The tenant');
  const rows = await db.query('INSERT INTO tenants (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING slug', [tenant, name]);
  return rows.length === 1;
}

async function requireTenant(db: Queryable, tenant: string): Promise<void> {
  const rows = await db.query('SELECT 1 FROM tenants WHERE slug = $1', [tenant]);
  if (rows.length === 0) throw new ApiError('not_found', `tenant '${tenant}' does not exist (create it with create-admin)`);
}

async function ensureTeam(db: Queryable, tenant: string, team: string | null): Promise<void> {
  if (team !== null) await db.query('INSERT INTO teams (tenant, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tenant, team]);
}

interface UserRow {
  id: string;
  tenant: string;
  team: string | null;
  username: string;
  name: string;
  role: Role;
}
const USER_COLUMNS = 'id, tenant, team, username, name, role';

export async function createUser(db: Queryable, tenant: string, input: NewUser): Promise<ServerUser> {
  const user = parseInput(NewUserSchema, input, 'The user');
  await requireTenant(db, tenant);
  await ensureTeam(db, tenant, user.team);
  const passwordHash = await hashSecret(user.password);
  const rows = await db.query<UserRow>(
    `INSERT INTO users (id, tenant, team, username, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, username) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [newId(), tenant, user.team, user.username, user.name, user.role, passwordHash],
  );
  if (!rows[0]) throw new ApiError('conflict', `username '${user.username}' is already taken in tenant '${tenant}'`, [{ path: 'username', message: 'is already taken' }]);
  return rows[0];
}

export async function listUsers(db: Queryable, tenant: string): Promise<ServerUser[]> {
  return db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE tenant = $1 ORDER BY username`, [tenant]);
}

/** The user and password hash for sign-in, or null. */
export async function findUserForSignIn(db: Queryable, tenant: string, username: string): Promise<(ServerUser & { passwordHash: string }) | null> {
  const [row] = await db.query<UserRow & { password_hash: string }>(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE tenant = $1 AND username = $2`, [
    tenant,
    username,
  ]);
  if (!row) return null;
  const { password_hash: passwordHash, ...user } = row;
  return { ...user, passwordHash };
}

/** Registers a desk and returns its secret: shown once, only its hash is kept. */
export async function createDesk(db: Queryable, tenant: string, input: NewDesk): Promise<DeskInfo & { secret: string }> {
  const desk = parseInput(NewDeskSchema, input, 'The desk');
  await requireTenant(db, tenant);
  await ensureTeam(db, tenant, desk.team);
  const secret = newDeskSecret();
  const rows = await db.query('INSERT INTO desks (tenant, code, team, secret_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING code', [
    tenant,
    desk.code,
    desk.team,
    await hashSecret(secret),
  ]);
  if (rows.length === 0) throw new ApiError('conflict', `desk ${desk.code} is already registered in tenant '${tenant}'`, [{ path: 'code', message: 'is already registered' }]);
  return { code: desk.code, team: desk.team, lastMutationId: 0, secret };
}

export async function listDesks(db: Queryable, tenant: string): Promise<DeskInfo[]> {
  return db.query<DeskInfo>('SELECT code, team, last_mutation_id AS "lastMutationId" FROM desks WHERE tenant = $1 ORDER BY code', [tenant]);
}

export async function findDeskForSignIn(db: Queryable, tenant: string, code: string): Promise<{ code: string; team: string | null; secretHash: string } | null> {
  const [row] = await db.query<{ code: string; team: string | null; secret_hash: string }>('SELECT code, team, secret_hash FROM desks WHERE tenant = $1 AND code = $2', [
    tenant,
    code,
  ]);
  return row ? { code: row.code, team: row.team, secretHash: row.secret_hash } : null;
}
