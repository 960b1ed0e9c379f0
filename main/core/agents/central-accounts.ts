import type { Agent, Role } from '../../../shared/domain';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/** A central account as the server describes it at sign-in. */
export interface CentralUser {
  id: string;
  username: string;
  name: string;
  role: Role;
}

/** The cached account of a username on this desk, with its offline verifier, if it signed in here before. */
export function findCachedAccount(db: ReadableDb, username: string): { agent: Agent; verifier: string | null } | undefined {
  const row = statement(db, 'SELECT id, name, role, password_verifier FROM local_agents WHERE username = ? COLLATE NOCASE').get(username) as
    | (Agent & { password_verifier: string | null })
    | undefined;
  return row ? { agent: { id: row.id, name: row.name, role: row.role }, verifier: row.password_verifier } : undefined;
}

/** A display name not taken by another profile on this desk (local profile names are unique). */
function freeName(db: ReadableDb, user: CentralUser, selfId: string | null): string {
  const takenBy = (name: string) => statement(db, 'SELECT id FROM local_agents WHERE name = ? COLLATE NOCASE').pluck().get(name) as string | undefined;
  const owner = takenBy(user.name);
  return owner === undefined || owner === selfId ? user.name : `${user.name} (${user.username})`;
}

/**
 * Stores or refreshes the desk's copy of a central account after an online sign-in: name, role and
 * a fresh verifier. Its agent id is the server's user id, so the events it writes name the same person everywhere.
 */
export function rememberCentralAccount(db: WritableDb, user: CentralUser, verifier: string, at: number): Agent {
  const existing = statement(db, 'SELECT id FROM local_agents WHERE server_user_id = ? OR username = ? COLLATE NOCASE ORDER BY server_user_id IS NULL').pluck().get(user.id, user.username) as
    | string
    | undefined;
  const name = freeName(db, user, existing ?? null);
  if (existing) {
    statement(db, 'UPDATE local_agents SET name = ?, role = ?, username = ?, server_user_id = ?, password_verifier = ? WHERE id = ?').run(
      name,
      user.role,
      user.username,
      user.id,
      verifier,
      existing,
    );
    return { id: existing, name, role: user.role };
  }
  statement(db, 'INSERT INTO local_agents (id, name, role, created_at, username, server_user_id, password_verifier) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    user.id,
    name,
    user.role,
    at,
    user.username,
    user.id,
    verifier,
  );
  return { id: user.id, name, role: user.role };
}
