import type { Agent, Role } from '../../../shared/domain';
import type { DeskInfo } from '../../../shared/contract';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { newId } from '../../../shared/domain';
import { syncStatusOf } from '../sync/sync-status';
import { clearLock, passwordVerifierOf } from './console-lock';
import { deleteDeskSetting, readDeskSetting, writeDeskSetting } from '../db/desk-settings-table';

const SIGNED_IN_KEY = 'signed_in_agent';

export function listAgents(db: ReadableDb): Agent[] {
  return statement(db, 'SELECT id, name, role FROM local_agents ORDER BY name COLLATE NOCASE').all() as Agent[];
}

function findAgent(db: ReadableDb, id: string): Agent | undefined {
  return statement(db, 'SELECT id, name, role FROM local_agents WHERE id = ?').get(id) as Agent | undefined;
}

/** A local profile on this desk, for desks without a sync server (central accounts: central-accounts.ts). */
export function createAgent(db: WritableDb, state: DeskState, input: { name: string; role: Role }): Agent {
  const taken = statement(db, 'SELECT 1 FROM local_agents WHERE name = ? COLLATE NOCASE').get(input.name);
  if (taken) {
    throw new DomainError('invalid_input', `name: an agent named '${input.name}' already exists on this desk`, [
      { field: 'name', message: `an agent named '${input.name}' already exists on this desk` },
    ]);
  }
  const agent: Agent = { id: newId(), name: input.name, role: input.role };
  statement(db, 'INSERT INTO local_agents (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(agent.id, agent.name, agent.role, state.now());
  return agent;
}

export function signIn(db: WritableDb, state: DeskState, agentId: string): void {
  const agent = findAgent(db, agentId);
  if (!agent) throw new DomainError('not_found', `agentId: no agent profile ${agentId} on this desk`, [{ field: 'agentId', message: 'no such agent on this desk' }]);
  writeDeskSetting(db, SIGNED_IN_KEY, agent.id);
  state.session.agent = agent;
  if (state.serverSession?.agentId !== agent.id) state.serverSession = null;
}

export function signOut(db: WritableDb, state: DeskState): void {
  deleteDeskSetting(db, SIGNED_IN_KEY);
  clearLock(db, state);
  state.session.agent = null;
  state.serverSession = null;
}

/** The agent who was signed in when the app last stopped, so a crashed call resumes without a detour. */
export function rememberedAgent(db: ReadableDb): Agent | null {
  const agentId = readDeskSetting(db, SIGNED_IN_KEY);
  return agentId ? (findAgent(db, agentId) ?? null) : null;
}

export function deskInfo(db: ReadableDb, state: DeskState): DeskInfo {
  return {
    deskCode: state.session.deskCode,
    timeZone: state.session.timeZone,
    agent: state.session.agent,
    agents: listAgents(db),
    sync: syncStatusOf(db, state),
    integrity: state.integrity ?? { state: 'ok', message: null },
    locked: state.locked === true,
    agentHasPassword: state.session.agent ? passwordVerifierOf(db, state.session.agent.id) !== null : false,
    update: updateOf(state),
  };
}

function updateOf(state: DeskState): DeskInfo['update'] {
  const status = state.updateStatus?.();
  if (!status) return null;
  return { state: status.state, message: status.message, ...(status.version === undefined ? {} : { version: status.version }) };
}
