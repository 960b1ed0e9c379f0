import { and, assign, setup, transition } from 'xstate';
import type { CaseStatus, Role } from '../domain';
import { STATUS_RANK } from '../domain';

export interface LifecycleContext {
  /** Bumped by every reopen, so a reopen outranks the closure it undoes on every desk. */
  epoch: number;
}

type ByRole<T> = T & { role: Role };
export type LifecycleEvent = ByRole<
  | { type: 'OPEN' }
  | { type: 'START_WORK' }
  | { type: 'RESOLVE'; note: string }
  | { type: 'CLOSE' }
  | { type: 'REOPEN'; reason: string }
  | { type: 'CANCEL'; reason: string }
>;
export type LifecycleEventType = LifecycleEvent['type'];
export const LIFECYCLE_EVENT_TYPES = ['OPEN', 'START_WORK', 'RESOLVE', 'CLOSE', 'REOPEN', 'CANCEL'] as const satisfies readonly LifecycleEventType[];

const isLeadRole = (role: Role): boolean => role === 'lead' || role === 'admin';

/**
 * The authority on case status. Pure: main, the server and the UI all ask it the same question
 * ("may this role do this now?") and get the same answer.
 */
export const lifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as { epoch: number },
  },
  guards: {
    hasResolutionNote: ({ event }) => event.type === 'RESOLVE' && event.note.trim().length > 0,
    isLead: ({ event }) => isLeadRole(event.role),
    hasReason: ({ event }) => 'reason' in event && event.reason.trim().length > 0,
  },
  actions: {
    newEpoch: assign({ epoch: ({ context }) => context.epoch + 1 }),
  },
}).createMachine({
  id: 'lifecycle',
  context: ({ input }) => ({ epoch: input.epoch }),
  initial: 'new',
  states: {
    new: {
      on: {
        OPEN: 'open',
        START_WORK: 'in_progress',
        RESOLVE: { target: 'resolved', guard: 'hasResolutionNote' },
        CANCEL: { target: 'cancelled', guard: and(['isLead', 'hasReason']) },
      },
    },
    open: {
      on: {
        START_WORK: 'in_progress',
        RESOLVE: { target: 'resolved', guard: 'hasResolutionNote' },
        CANCEL: { target: 'cancelled', guard: and(['isLead', 'hasReason']) },
      },
    },
    in_progress: {
      on: {
        RESOLVE: { target: 'resolved', guard: 'hasResolutionNote' },
        CANCEL: { target: 'cancelled', guard: and(['isLead', 'hasReason']) },
      },
    },
    resolved: {
      on: {
        CLOSE: { target: 'closed', guard: 'isLead' },
        REOPEN: { target: 'open', guard: 'hasReason', actions: 'newEpoch' },
      },
    },
    closed: {
      on: { REOPEN: { target: 'open', guard: and(['isLead', 'hasReason']), actions: 'newEpoch' } },
    },
    cancelled: {
      on: { REOPEN: { target: 'open', guard: and(['isLead', 'hasReason']), actions: 'newEpoch' } },
    },
  },
});

export interface StatusStamp {
  status: CaseStatus;
  epoch: number;
  rank: number;
}

export const statusStamp = (status: CaseStatus, epoch: number): StatusStamp => ({ status, epoch, rank: STATUS_RANK[status] });

/** Orders two stamps: concurrent changes resolve to the greater (epoch, rank) everywhere. */
export const compareStamps = (a: Pick<StatusStamp, 'epoch' | 'rank'>, b: Pick<StatusStamp, 'epoch' | 'rank'>): number =>
  a.epoch - b.epoch || a.rank - b.rank;

export type LifecycleDecision = { ok: true; next: StatusStamp } | { ok: false; reason: string };

const snapshotAt = (status: CaseStatus, epoch: number) => lifecycleMachine.resolveState({ value: status, context: { epoch } });

const REFUSAL_HINTS: Partial<Record<LifecycleEventType, string>> = {
  RESOLVE: 'resolving needs a resolution note',
  CLOSE: 'closing needs the lead role',
  CANCEL: 'cancelling needs the lead role and a reason',
  REOPEN: 'reopening needs a reason, and the lead role unless the case is only resolved',
};

/** Applies one lifecycle event to a stored status, or says in words why the machine refuses it. */
export function decideStatusChange(current: { status: CaseStatus; epoch: number }, event: LifecycleEvent): LifecycleDecision {
  const snapshot = snapshotAt(current.status, current.epoch);
  if (!snapshot.can(event)) {
    // Name the rule only when the status admits this event and a guard refused it; otherwise the
    // hint would blame a role or a note the person already has.
    const hint = lifecycleMachine.states[current.status]?.ownEvents.includes(event.type) ? REFUSAL_HINTS[event.type] : undefined;
    return { ok: false, reason: `${event.type} is not allowed from ${current.status}${hint ? ` (${hint})` : ''}` };
  }
  const [next] = transition(lifecycleMachine, snapshot, event);
  const status = next.value as CaseStatus;
  return { ok: true, next: statusStamp(status, next.context.epoch) };
}

/** The events this role may send now, assuming it supplies a note or reason where one is needed. */
export function allowedStatusEvents(current: { status: CaseStatus; epoch: number }, role: Role): LifecycleEventType[] {
  const snapshot = snapshotAt(current.status, current.epoch);
  return LIFECYCLE_EVENT_TYPES.filter((type) =>
    snapshot.can({ type, role, note: 'note', reason: 'reason' } as LifecycleEvent),
  );
}
