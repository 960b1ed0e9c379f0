import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { findCachedAccount, rememberCentralAccount } from '../agents/central-accounts';
import { signIn } from '../agents/agents';
import { checkPassword, makePasswordVerifier } from './password';
import { ServerApi, ServerError, ServerUnreachable } from './server-api';
import { readSyncSettings } from './sync-store';

const WRONG = 'Wrong username or password';

export function serverApiOf(db: WritableDb, state: DeskState): { api: ServerApi; tenant: string } {
  const settings = readSyncSettings(db);
  if (!settings) {
    throw new DomainError('not_configured', 'This desk has no sync server yet: enter the server address, tenant and desk secret in sync settings, or sign in with a local profile');
  }
  return { api: new ServerApi(settings.serverUrl, state.fetch ?? fetch), tenant: settings.tenant };
}

export function domainErrorOfServer(error: unknown, what: string): unknown {
  if (error instanceof ServerUnreachable) return new DomainError('offline', `${what}: the sync server cannot be reached now (${error.message})`);
  if (!(error instanceof ServerError)) return error;
  if (error.status === 426) return new DomainError('update_required', `${what}: the sync server no longer accepts this version of CivicDesk; install the latest version`);
  if (error.status === 401) return new DomainError('unauthorized', `${what}: ${error.message}`);
  if (error.status === 403) return new DomainError('forbidden', `${what}: ${error.message}`);
  return error;
}

/**
 * Signs an agent in with a central account. Online, the server decides, and the desk refreshes
 * its copy of the account (role and an scrypt verifier). When the server cannot be reached, the
 * desk checks the password against the verifier of an earlier sign-in here.
 */
export async function signInWithPassword(db: WritableDb, state: DeskState, input: { username: string; password: string }): Promise<void> {
  const { api, tenant } = serverApiOf(db, state);
  let answer;
  try {
    answer = await api.signIn({ tenant, username: input.username, password: input.password });
  } catch (error) {
    if (error instanceof ServerError && error.status === 401) {
      throw new DomainError('unauthorized', WRONG, [{ field: 'password', message: 'does not match this username' }]);
    }
    if (!(error instanceof ServerUnreachable)) throw domainErrorOfServer(error, 'Sign-in');
    return signInOffline(db, state, input);
  }
  const verifier = await makePasswordVerifier(input.password);
  const agent = db.transaction(() => {
    const remembered = rememberCentralAccount(db, answer.user, verifier, state.now());
    signIn(db, state, remembered.id);
    return remembered;
  })();
  state.serverSession = { agentId: agent.id, token: answer.token, expiresAt: answer.expiresAt };
}

async function signInOffline(db: WritableDb, state: DeskState, input: { username: string; password: string }): Promise<void> {
  const cached = findCachedAccount(db, input.username);
  if (!cached?.verifier) {
    throw new DomainError(
      'offline',
      `The sync server cannot be reached, and '${input.username}' has not signed in on this desk before: sign in once while the server is reachable, or use a local profile`,
      [{ field: 'username', message: 'has not signed in on this desk before' }],
    );
  }
  if (!(await checkPassword(input.password, cached.verifier))) {
    throw new DomainError('unauthorized', `${WRONG} (checked on this desk: the sync server cannot be reached)`, [{ field: 'password', message: 'does not match this username' }]);
  }
  signIn(db, state, cached.agent.id);
}
