import type { OperationName } from '../../../shared/contract';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { checkPassword } from '../sync/password';
import { deleteDeskSetting, readDeskSetting, writeDeskSetting } from '../db/desk-settings-table';

/**
 * The idle lock. Kept in the database as well as in memory, so a crash or a restart while locked
 * comes back locked: the remembered sign-in must not walk past it.
 */
const LOCKED_KEY = 'console_locked';

/** What a locked console may still ask for: its own state, the lock itself, and signing out. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<OperationName> = new Set<OperationName>(['deskInfo', 'machinePolicy', 'lockConsole', 'unlockConsole', 'signOut', 'syncStatus', 'catalog']);

export function isLocked(db: ReadableDb): boolean {
  return readDeskSetting(db, LOCKED_KEY) !== null;
}

export function passwordVerifierOf(db: ReadableDb, agentId: string): string | null {
  const row = statement(db, 'SELECT password_verifier FROM local_agents WHERE id = ?').get(agentId) as { password_verifier: string | null } | undefined;
  return row?.password_verifier ?? null;
}

/** Locks the console of the agent signed in; with nobody signed in there is nothing to hide. */
export function lockConsole(db: WritableDb, state: DeskState): void {
  const agent = state.session.agent;
  if (!agent) return;
  state.locked = true;
  writeDeskSetting(db, LOCKED_KEY, agent.id);
}

export function clearLock(db: WritableDb, state: DeskState): void {
  state.locked = false;
  deleteDeskSetting(db, LOCKED_KEY);
}

/**
 * A city account unlocks with its password, checked on this desk against the verifier of its
 * sign-in (no network needed). A local profile has no secret: its lock is a privacy screen, and
 * unlocking it needs no password (docs/it-deployment.md says so).
 */
export async function unlockConsole(db: WritableDb, state: DeskState, password: string | undefined): Promise<void> {
  if (!state.locked) return;
  const agent = state.session.agent;
  if (!agent) {
    clearLock(db, state);
    return;
  }
  const verifier = passwordVerifierOf(db, agent.id);
  if (verifier) {
    if (!password) throw new DomainError('invalid_input', 'password: enter your password to unlock', [{ field: 'password', message: 'is required to unlock' }]);
    if (!(await checkPassword(password, verifier))) {
      throw new DomainError('unauthorized', 'That password is not right: try again, or sign out so someone else can sign in', [
        { field: 'password', message: 'does not match your account' },
      ]);
    }
  }
  clearLock(db, state);
}

/** Refuses every operation but the few a lock screen needs, in main, so the lock is not a mere curtain in the page. */
export function refuseWhileLocked(state: DeskState, name: OperationName): void {
  if (state.locked && !ALLOWED_WHILE_LOCKED.has(name)) throw new DomainError('locked', 'The console is locked: unlock it to go on');
}
