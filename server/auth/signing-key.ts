import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

/**
 * The token signing key, created by whichever instance starts first and shared by all: a token
 * one instance issued is good at every other.
 */
export async function loadSigningKey(db: Queryable): Promise<Buffer> {
  await db.query("INSERT INTO server_secrets (name, value) VALUES ('token_signing_key', $1) ON CONFLICT (name) DO NOTHING", [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>("SELECT value FROM server_secrets WHERE name = 'token_signing_key'");
  if (!row) throw new Error('the token signing key is missing from server_secrets');
  return Buffer.from(row.value, 'base64url');
}
