import type { ServerUser } from '../../shared/sync';
import type { Database } from '../db/database';
import { createUser, ensureTenant } from './accounts';

/** The first admin of a tenant (creating the tenant if it is new), in one transaction. */
export async function createAdmin(
  db: Database,
  input: { tenant: string; username: string; name: string; password: string },
): Promise<{ user: ServerUser; tenantCreated: boolean }> {
  return db.transaction(async (tx) => {
    const tenantCreated = await ensureTenant(tx, input.tenant);
    const user = await createUser(tx, input.tenant.trim(), { username: input.username, name: input.name, role: 'admin', team: null, password: input.password });
    return { user, tenantCreated };
  });
}
