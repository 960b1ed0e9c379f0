import type { CaseNote, Role } from '../domain';
import { compareStamps, decideStatusChange, type LifecycleEvent } from '../workflow';
import { canonicalJson } from './canonical';
import type { Mutation } from './mutations';
import { SyncedCaseSchema, type SyncedCase } from './protocol';

/**
 * The conflict policy, as one pure function: the server runs it to apply each pushed mutation in
 * server order, and a desk runs the same function to re-apply its pending mutations on top of
 * what it pulled. Nothing here reads a clock: `at` comes with the mutation.
 *
 * - plain fields: last writer wins per field in server order; a conflict is recorded when the
 *   writer had not seen the value it overwrote;
 * - notes (and events, stored by id): append-only union;
 * - status: the highest (epoch, rank), after the lifecycle machine has accepted the move;
 * - soft delete wins: once deleted, later edits are accepted and ignored.
 */

export interface CaseState {
  case: SyncedCase;
  deleted: boolean;
}

export interface FieldConflict {
  field: string;
  seen: unknown;
  overwritten: unknown;
  written: unknown;
}

export interface ApplyContext {
  /** Role of the person who made the change, as the applying side knows it. */
  role: Role;
  /** When the change was made (the desk's event time): stamps resolvedAt/closedAt. */
  at: string;
}

export type ApplyResult =
  | { outcome: 'applied'; next: CaseState | null; note: CaseNote | null; conflicts: FieldConflict[] }
  | { outcome: 'rejected'; reason: string };

/** Fields an update or wrap-up may change. Identity and status move only through their own mutations. */
export const EDITABLE_FIELDS = new Set([
  'channel',
  'kind',
  'serviceCode',
  'departmentCode',
  'priority',
  'caller',
  'location',
  'answers',
  'description',
  'disposition',
  'wrapUpNote',
  'handleTime',
  'updatedAt',
]);
/** Bookkeeping a writer cannot have "seen" in a meaningful way: overwritten without a conflict. */
const UNCONFLICTED_FIELDS = new Set(['updatedAt']);
/** Local row bookkeeping that travels in a desk's diff but is not synced. */
const LOCAL_FIELDS = new Set(['version']);

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const unchanged = (): ApplyResult => ({ outcome: 'applied', next: null, note: null, conflicts: [] });
const reject = (reason: string): ApplyResult => ({ outcome: 'rejected', reason });

export function applyMutation(state: CaseState | null, mutation: Mutation, context: ApplyContext): ApplyResult {
  switch (mutation.name) {
    case 'createCase': {
      if (state) return unchanged(); // the same interaction saved twice: one case
      const { version: _local, ...synced } = mutation.args.case;
      return { outcome: 'applied', next: { case: synced, deleted: false }, note: null, conflicts: [] };
    }
    case 'updateCase':
    case 'wrapUpCase':
      return applyFieldChanges(state, mutation.args);
    case 'transitionCase':
      return applyTransition(state, mutation.args, context);
    case 'addNote': {
      if (!state) return reject(`case ${mutation.args.note.caseId} does not exist`);
      if (state.deleted) return unchanged();
      return { outcome: 'applied', next: null, note: mutation.args.note, conflicts: [] };
    }
    case 'addContact':
    case 'linkArticle': {
      // Nothing of the case changes: the mutation's event is the record (a union by id, like notes).
      const caseId = mutation.name === 'addContact' ? mutation.args.contact.caseId : mutation.args.caseId;
      if (!state) return reject(`case ${caseId} does not exist`);
      return unchanged();
    }
    case 'deleteCase': {
      if (!state) return reject(`case ${mutation.args.id} does not exist`);
      if (context.role === 'specialist') return reject('deleting a case needs the lead role');
      if (state.deleted) return unchanged();
      return { outcome: 'applied', next: { ...state, deleted: true }, note: null, conflicts: [] };
    }
  }
}

function applyFieldChanges(state: CaseState | null, args: { id: string; before: Record<string, unknown>; after: Record<string, unknown> }): ApplyResult {
  if (!state) return reject(`case ${args.id} does not exist`);
  if (state.deleted) return unchanged();
  const current = state.case as Record<string, unknown>;
  const next: Record<string, unknown> = { ...current };
  const conflicts: FieldConflict[] = [];
  for (const [field, written] of Object.entries(args.after)) {
    if (LOCAL_FIELDS.has(field)) continue;
    if (!EDITABLE_FIELDS.has(field)) return reject(`field '${field}' cannot be changed by an update`);
    const seen = args.before[field];
    const overwritten = current[field];
    if (!UNCONFLICTED_FIELDS.has(field) && !same(seen, overwritten) && !same(overwritten, written)) {
      conflicts.push({ field, seen: seen ?? null, overwritten: overwritten ?? null, written });
    }
    next[field] = written;
  }
  const parsed = SyncedCaseSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return reject(`the update leaves the case invalid: ${issue.path.join('.') || 'case'} ${issue.message}`);
  }
  return { outcome: 'applied', next: { case: parsed.data, deleted: false }, note: null, conflicts };
}

type TransitionArgs = Extract<Mutation, { name: 'transitionCase' }>['args'];

function applyTransition(state: CaseState | null, args: TransitionArgs, context: ApplyContext): ApplyResult {
  if (!state) return reject(`case ${args.id} does not exist`);
  if (state.deleted) return unchanged();
  // The lifecycle machine checks the move as the desk made it (from what the desk saw) ...
  const event = { type: args.event, role: context.role, note: args.note ?? '', reason: args.note ?? '' } as LifecycleEvent;
  const decision = decideStatusChange({ status: args.from.status as SyncedCase['status'], epoch: args.from.epoch }, event);
  if (!decision.ok) return reject(decision.reason);
  if (decision.next.status !== args.to.status || decision.next.epoch !== args.to.epoch || decision.next.rank !== args.to.rank) {
    return reject(`${args.event} from ${args.from.status} leads to ${decision.next.status}, not ${args.to.status}`);
  }
  // ... and the highest (epoch, rank) wins, whatever order the changes arrive in.
  const current = state.case;
  const currentStamp = { status: current.status, epoch: current.statusEpoch, rank: current.statusRank };
  if (compareStamps(args.to, currentStamp) <= 0) {
    const conflicts = compareStamps(args.to, currentStamp) < 0 ? [{ field: 'status', seen: args.from, overwritten: args.to, written: currentStamp }] : [];
    return { outcome: 'applied', next: null, note: null, conflicts };
  }
  const status = decision.next.status;
  const next: SyncedCase = {
    ...current,
    status,
    statusEpoch: decision.next.epoch,
    statusRank: decision.next.rank,
    resolutionNote: args.event === 'RESOLVE' ? args.note : status === 'open' ? null : current.resolutionNote,
    resolvedAt: status === 'resolved' ? context.at : status === 'closed' ? current.resolvedAt : null,
    closedAt: status === 'closed' || status === 'cancelled' ? context.at : null,
    updatedAt: laterOf(current.updatedAt, context.at),
  };
  return { outcome: 'applied', next: { case: next, deleted: false }, note: null, conflicts: [] };
}

const laterOf = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
