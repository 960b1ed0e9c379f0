import { DEFAULT_IDLE_LOCK_MINUTES, type MachinePolicyView, type PolicyManagedSettingSchema } from '../../../shared/contract';
import type { MachinePolicy } from '../../../shared/domain/machine-policy';
import type { z } from 'zod';
import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { DESK_CODE_KEY, readDeskCode } from '../desk-settings';
import { writeDeskSetting } from '../db/desk-settings-table';
import { SHIFT_SCHEDULE_KEY } from '../reports/shift-settings';
import { markOutboxRestored } from '../outbox';
import type { PolicyFile } from './policy-file';

type ManagedSetting = z.infer<typeof PolicyManagedSettingSchema>;

/** IT's machine policy as this desk applied it at start. */
export interface DeskPolicy {
  file: PolicyFile;
  /** The valid policy, or null (none deployed, or one the desk could not use). */
  policy: MachinePolicy | null;
  /** The file's problems and any the desk met applying it. */
  problems: string[];
  /** The desk does not sync while its policy is unusable: it might sync with the wrong server or as the wrong desk. */
  syncPaused: boolean;
  /** The desk code the policy assigns, where the database can take it. */
  deskCode: string | undefined;
}

export const NO_POLICY: DeskPolicy = { file: { status: 'absent', path: '' }, policy: null, problems: [], syncPaused: false, deskCode: undefined };

/**
 * Writes what the policy fixes into the desk's settings, so every reader (sync, reports) sees the
 * policy's values; the console then refuses to change them (sync-operations, shift-settings).
 * One transaction: a policy is applied whole or not at all.
 */
export function applyMachinePolicy(db: WritableDb, file: PolicyFile): DeskPolicy {
  if (file.status === 'absent') return { ...NO_POLICY, file };
  if (file.status === 'invalid') return { file, policy: null, problems: file.problems, syncPaused: true, deskCode: undefined };
  const { policy } = file;
  const problems: string[] = [];
  let deskCode = policy.deskCode;
  db.transaction(() => {
    const current = readDeskCode(db);
    if (deskCode && current && current !== deskCode) {
      const minted = statement(db, 'SELECT 1 FROM reference_sequences LIMIT 1').get() !== undefined;
      if (minted) {
        problems.push(`deskCode: the policy names desk ${deskCode}, but this database has issued references as ${current}; it stays ${current} and does not sync until IT corrects the policy or moves the database`);
        deskCode = undefined;
      } else {
        writeDeskSetting(db, DESK_CODE_KEY, deskCode);
        // The server may know the new code from another database: pull before pushing, as a new desk does.
        markOutboxRestored(db);
      }
    }
    if (policy.server) {
      statement(db, 'UPDATE sync_state SET server_url = ?, tenant = ? WHERE id = 1').run(policy.server.url, policy.server.tenant);
    }
    if (policy.shiftSchedule) writeDeskSetting(db, SHIFT_SCHEDULE_KEY, JSON.stringify(policy.shiftSchedule));
  })();
  return { file, policy, problems, syncPaused: problems.length > 0, deskCode };
}

export function managedSettings(policy: MachinePolicy | null): ManagedSetting[] {
  if (!policy) return [];
  const present: Record<ManagedSetting, boolean> = {
    server: policy.server !== undefined,
    deskCode: policy.deskCode !== undefined,
    updates: policy.updates !== undefined,
    shiftSchedule: policy.shiftSchedule !== undefined,
    idleLockMinutes: policy.idleLockMinutes !== undefined,
    retention: policy.retention !== undefined,
    backup: policy.backup !== undefined,
    encryption: policy.encryption !== undefined,
  };
  return (Object.keys(present) as ManagedSetting[]).filter((key) => present[key]);
}

export function machinePolicyView(desk: DeskPolicy): MachinePolicyView {
  return {
    status: desk.file.status,
    path: desk.file.path,
    problems: desk.problems,
    managed: managedSettings(desk.policy),
    syncPaused: desk.syncPaused,
    idleLockMinutes: desk.policy?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    retentionDays: desk.policy?.retention?.syncedCaseDays ?? null,
  };
}

/** "is set by IT's machine policy (/etc/civicdesk/policy.json)": how a refused change explains itself. */
export const setByPolicy = (desk: DeskPolicy | undefined): string => `is set by IT's machine policy (${desk?.file.path ?? 'policy.json'})`;
