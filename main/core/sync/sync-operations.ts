import type { OperationOutput, ParsedInput, SyncSettingsView } from '../../../shared/contract';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DESK_CODE_KEY } from '../desk-settings';
import { writeDeskSetting } from '../db/desk-settings-table';
import { DomainError } from '../errors';
import { deskInfo } from '../agents/agents';
import { domainErrorOfServer, serverApiOf, signInWithPassword } from './password-sign-in';
import { toSyncStatus, syncStatusOf } from './sync-status';
import { readSyncSettings, writeSyncSettings } from './sync-store';
import { setByPolicy } from '../policy/desk-policy';
import { markOutboxRestored } from '../outbox';

function settingsView(db: WritableDb, state: DeskState): SyncSettingsView {
  const settings = readSyncSettings(db);
  const partial = db.prepare('SELECT server_url, tenant, desk_secret IS NOT NULL AS secret FROM sync_state WHERE id = 1').get() as {
    server_url: string | null;
    tenant: string | null;
    secret: 0 | 1;
  };
  return {
    serverUrl: settings?.serverUrl ?? partial.server_url,
    tenant: settings?.tenant ?? partial.tenant,
    deskCode: state.session.deskCode,
    deskSecretSet: partial.secret === 1,
    setByPolicy: fieldsSetByPolicy(state),
  };
}

function fieldsSetByPolicy(state: DeskState): ('serverUrl' | 'tenant' | 'deskCode')[] {
  const policy = state.policy?.policy;
  if (!policy) return [];
  return [...(policy.server ? (['serverUrl', 'tenant'] as const) : []), ...(policy.deskCode ? (['deskCode'] as const) : [])];
}

/** A desk secret is the desk's own; the server, tenant and desk code may be IT's, and then no one on the desk changes them. */
function refuseOverridingPolicy(state: DeskState, input: { serverUrl: string; tenant: string; deskCode?: string | undefined }): void {
  const policy = state.policy?.policy;
  if (!policy) return;
  const differs: { field: string; message: string }[] = [];
  if (policy.server && input.serverUrl !== policy.server.url) differs.push({ field: 'serverUrl', message: `${setByPolicy(state.policy)} to ${policy.server.url}` });
  if (policy.server && input.tenant !== policy.server.tenant) differs.push({ field: 'tenant', message: `${setByPolicy(state.policy)} to ${policy.server.tenant}` });
  if (policy.deskCode && input.deskCode !== undefined && input.deskCode !== state.session.deskCode) {
    differs.push({ field: 'deskCode', message: `${setByPolicy(state.policy)} to ${state.session.deskCode}` });
  }
  if (differs.length > 0) throw new DomainError('invalid_input', differs.map((d) => `${d.field}: ${d.message}`).join('; '), differs);
}

/** Once a desk has settings, only a lead or admin changes them: a wrong server would silently stop its sync. */
function checkMayChangeSettings(db: WritableDb, state: DeskState): void {
  if (!readSyncSettings(db)) return;
  const role = state.session.agent?.role;
  if (role !== 'lead' && role !== 'admin') {
    throw new DomainError('forbidden', 'Changing this desk’s sync settings needs a lead or admin signed in');
  }
}

/** A desk's code is part of every reference it minted: it may change only before the first one. */
function changeDeskCode(db: WritableDb, state: DeskState, deskCode: string | undefined): void {
  if (!deskCode || deskCode === state.session.deskCode) return;
  const minted = db.prepare('SELECT 1 FROM reference_sequences LIMIT 1').get();
  if (minted) {
    throw new DomainError('invalid_input', `deskCode: this desk has minted references as ${state.session.deskCode}; its code cannot change to ${deskCode}`, [
      { field: 'deskCode', message: `is fixed at ${state.session.deskCode} once references exist` },
    ]);
  }
  writeDeskSetting(db, DESK_CODE_KEY, deskCode);
  // The server may know this code from another database: pull before pushing, so no id is taken for a duplicate.
  markOutboxRestored(db);
  state.session.deskCode = deskCode;
}

type Handler<K extends 'syncStatus' | 'getSyncSettings' | 'setSyncSettings'> = (input: ParsedInput<K>) => OperationOutput<K>;
type AsyncHandler<K extends 'syncNow' | 'signInWithPassword' | 'syncConflicts'> = (input: ParsedInput<K>) => Promise<OperationOutput<K>>;

export interface SyncHandlers {
  syncStatus: Handler<'syncStatus'>;
  syncNow: AsyncHandler<'syncNow'>;
  getSyncSettings: Handler<'getSyncSettings'>;
  setSyncSettings: (input: ParsedInput<'setSyncSettings'>) => Promise<OperationOutput<'setSyncSettings'>>;
  signInWithPassword: AsyncHandler<'signInWithPassword'>;
  syncConflicts: AsyncHandler<'syncConflicts'>;
}

/** The console's sync operations: status, sync now, settings, central sign-in and the leads' conflicts. */
export function createSyncHandlers(db: WritableDb, state: DeskState): SyncHandlers {
  return {
    syncStatus: () => syncStatusOf(db, state),
    syncNow: async () => {
      if (state.policy?.syncPaused) {
        throw new DomainError('not_configured', `Sync is paused until IT fixes the machine policy (${state.policy.file.path}): ${state.policy.problems.join('; ')}`);
      }
      if (!readSyncSettings(db)) throw new DomainError('not_configured', 'This desk has no sync server yet: set the server address, tenant and desk secret in sync settings');
      if (!state.sync) throw new DomainError('not_configured', 'Background sync is turned off in this desk runtime');
      return toSyncStatus(await state.sync.syncNow());
    },
    getSyncSettings: () => settingsView(db, state),
    setSyncSettings: async (input) => {
      checkMayChangeSettings(db, state);
      refuseOverridingPolicy(state, input);
      db.transaction(() => {
        changeDeskCode(db, state, input.deskCode);
        writeSyncSettings(db, { serverUrl: input.serverUrl, tenant: input.tenant, deskSecret: input.deskSecret });
      })();
      // The first attempt runs in the background: a server that does not answer must not hold the console.
      state.sync?.settingsChanged().catch(() => {}); // its outcome shows in the sync status
      return Promise.resolve(settingsView(db, state));
    },
    signInWithPassword: async (input) => {
      await signInWithPassword(db, state, input);
      return deskInfo(db, state);
    },
    syncConflicts: async () => {
      const agent = state.session.agent;
      if (!agent) throw new DomainError('not_signed_in', 'Sign in at this desk first');
      if (agent.role !== 'lead' && agent.role !== 'admin') {
        throw new DomainError('forbidden', 'The conflicts view needs the lead role: sign in with a lead account');
      }
      const session = state.serverSession;
      if (!session || session.agentId !== agent.id) {
        throw new DomainError('offline', 'Conflicts come from the sync server: sign in with your username and password while the server is reachable');
      }
      const { api } = serverApiOf(db, state);
      try {
        return { conflicts: await api.conflicts(session.token) };
      } catch (error) {
        throw domainErrorOfServer(error, 'Conflicts');
      }
    },
  };
}
