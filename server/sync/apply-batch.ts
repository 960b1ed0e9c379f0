import type { CaseEvent, CaseNote, Role } from '../../shared/domain';
import { applyMutation, caseIdOf, type CaseState, type PushedMutation, type PushResult } from '../../shared/sync';

/**
 * The pure half of a push: runs each mutation through the shared conflict policy (applyMutation)
 * in server order, over the current states of the cases it touches, and collects what to write.
 * No database here, so the rules are the same ones a desk runs and are easy to test.
 */

export interface ConflictRecord {
  caseId: string;
  reference: string;
  field: string;
  mutationId: number;
  seen: unknown;
  overwritten: unknown;
  written: unknown;
  at: string;
}

export interface Rejection {
  mutationId: number;
  name: string;
  reason: string;
}

export interface BatchOutcome {
  results: PushResult[];
  /** Final state of every case the batch changed, in first-change order. */
  cases: Map<string, CaseState>;
  notes: CaseNote[];
  events: CaseEvent[];
  conflicts: ConflictRecord[];
  rejections: Rejection[];
}

export interface BatchInput {
  deskCode: string;
  mutations: readonly PushedMutation[];
  /** Current states of the touched cases; updated in place as the batch applies. */
  states: Map<string, CaseState>;
  roleOf(actorId: string): Role;
}

const timeOf = (pushed: PushedMutation): string | null => {
  if (pushed.event) return pushed.event.at;
  const at = new Date(pushed.createdAt);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/** Why the server cannot take this mutation whatever the state, or null. */
function refusalOf(pushed: PushedMutation, deskCode: string): string | null {
  const { mutation, event } = pushed;
  if (mutation.name === 'createCase' && mutation.args.case.deskCode !== deskCode) {
    return `case ${mutation.args.case.reference} belongs to desk ${mutation.args.case.deskCode}; desk ${deskCode} cannot create it`;
  }
  if (event && event.caseId !== caseIdOf(mutation)) return `its event is about case ${event.caseId}, not case ${caseIdOf(mutation)}`;
  // A contact or an article link is nothing but its event: without the right one it would record nothing.
  if (mutation.name === 'addContact' && (event?.type !== 'contact_added' || event.id !== mutation.args.contact.id)) {
    return `addContact must carry its contact_added event, with the contact's id ${mutation.args.contact.id}`;
  }
  if (mutation.name === 'linkArticle' && event?.type !== 'article_linked') return 'linkArticle must carry its article_linked event';
  if (timeOf(pushed) === null) return `createdAt ${pushed.createdAt} is not a valid time`;
  return null;
}

export function applyBatch(input: BatchInput): BatchOutcome {
  const outcome: BatchOutcome = { results: [], cases: new Map(), notes: [], events: [], conflicts: [], rejections: [] };
  const noteIds = new Set<string>();
  const eventIds = new Set<string>();
  for (const pushed of input.mutations) {
    const { mutationId, mutation, event } = pushed;
    const refusal = refusalOf(pushed, input.deskCode);
    const at = timeOf(pushed) ?? '';
    const caseId = caseIdOf(mutation);
    const before = input.states.get(caseId) ?? null;
    const result = refusal
      ? { outcome: 'rejected' as const, reason: refusal }
      : applyMutation(before, mutation, { role: event ? input.roleOf(event.actorId) : 'specialist', at });
    if (result.outcome === 'rejected') {
      outcome.results.push({ mutationId, outcome: 'rejected', reason: result.reason, conflicts: 0 });
      outcome.rejections.push({ mutationId, name: mutation.name, reason: result.reason });
      continue;
    }
    if (result.next) {
      input.states.set(caseId, result.next);
      outcome.cases.set(caseId, result.next);
    }
    if (result.note && !noteIds.has(result.note.id)) {
      noteIds.add(result.note.id);
      outcome.notes.push(result.note);
    }
    // The audit event travels with an applied mutation only: a desk's copy of a rejected change is
    // undone with it, and an event must never name a case the server does not hold.
    if (event && !eventIds.has(event.id)) {
      eventIds.add(event.id);
      outcome.events.push(event);
    }
    const reference = (result.next ?? before)?.case.reference ?? '';
    for (const conflict of result.conflicts) {
      outcome.conflicts.push({ caseId, reference, mutationId, at, ...conflict });
    }
    outcome.results.push({ mutationId, outcome: 'applied', conflicts: result.conflicts.length });
  }
  return outcome;
}
