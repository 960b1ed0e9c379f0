import { PersistedIntakeSchema, type PersistedIntake } from '../domain';
import type { Snapshot, SnapshotFrom } from 'xstate';
import { INTAKE_MACHINE_VERSION, type IntakeMachine } from './intake-machine';

export type IntakeSnapshot = SnapshotFrom<IntakeMachine>;

export const INTAKE_STEPS = [
  'channel',
  'caller',
  'classify',
  'details',
  'review',
  'saving',
  'saved',
  'attaching',
  'attached',
  'wrap_up',
  'finishing',
  'done',
  'cancelled',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

/** The one step the screen shows, flattened out of the machine's nested and parallel states. */
export function intakeStep(snapshot: IntakeSnapshot): IntakeStep {
  if (snapshot.matches('done')) return 'done';
  if (snapshot.matches('cancelled')) return 'cancelled';
  if (snapshot.matches({ wrapUp: 'finishing' })) return 'finishing';
  if (snapshot.matches('wrapUp')) return 'wrap_up';
  if (snapshot.matches({ active: { flow: 'saving' } })) return 'saving';
  if (snapshot.matches({ active: { flow: 'saved' } })) return 'saved';
  if (snapshot.matches({ active: { flow: 'attaching' } })) return 'attaching';
  if (snapshot.matches({ active: { flow: 'attached' } })) return 'attached';
  for (const step of ['channel', 'caller', 'classify', 'details', 'review'] as const) {
    if (snapshot.matches({ active: { flow: { capturing: step } } })) return step;
  }
  throw new Error(`intakeStep: unknown state ${JSON.stringify(snapshot.value)}`);
}

export const isOnHold = (snapshot: IntakeSnapshot): boolean => snapshot.matches({ active: { line: 'onHold' } });

export function persistIntake(persistedSnapshot: unknown): PersistedIntake {
  return PersistedIntakeSchema.parse({ machineVersion: INTAKE_MACHINE_VERSION, snapshot: persistedSnapshot });
}

export type RestoreResult = { ok: true; snapshot: Snapshot<unknown> } | { ok: false; reason: string };

const looksLikeSnapshot = (value: Record<string, unknown>): value is Record<string, unknown> & Snapshot<unknown> =>
  typeof value.status === 'string' && 'value' in value && typeof value.context === 'object';

export function snapshotToRestore(persisted: PersistedIntake): RestoreResult {
  if (persisted.machineVersion !== INTAKE_MACHINE_VERSION) {
    return {
      ok: false,
      reason: `the draft was saved by intake version ${persisted.machineVersion}; this build runs version ${INTAKE_MACHINE_VERSION}`,
    };
  }
  if (!looksLikeSnapshot(persisted.snapshot)) return { ok: false, reason: 'the draft does not hold an intake snapshot' };
  return { ok: true, snapshot: persisted.snapshot };
}
