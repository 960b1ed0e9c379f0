import {
  FIRST_CONTACT_DISPOSITIONS,
  STATUS_RANK,
  findServiceType,
  hasLocation,
  newId,
  validateDetails,
  type Case,
  type CaseNote,
  type NewCase,
  type ServiceType,
  type WrapUp,
} from '../../../shared/domain';
import { describeIssues, type CaseChanges, type StatusEvent } from '../../../shared/contract';
import { decideStatusChange, statusStamp, type LifecycleEvent } from '../../../shared/workflow';
import type { WritableDb } from '../db/connection';
import { localDay, type CoreDeps } from '../desk-session';
import { DomainError } from '../errors';
import { appendMutation } from '../outbox';
import { recordArticleLink } from './case-links';
import { caseFromRow } from './case-row';
import { diffCase, findCaseRow, insertCase, insertNote, keepServerBase, loadCase, recordEvent, replaceCase } from './case-store';
import { nextReference } from './references';
import { appendNoteToIndex, indexCase } from './search-index';

const iso = (ms: number) => new Date(ms).toISOString();

function serviceTypeOf(deps: CoreDeps, code: string): ServiceType {
  const type = findServiceType(deps.catalog, code);
  if (!type) throw new DomainError('invalid_input', `serviceCode: '${code}' is not in the service catalog`, [{ field: 'serviceCode', message: `'${code}' is not in the service catalog` }]);
  return type;
}

function checkDetails(type: ServiceType, c: Pick<Case, 'kind' | 'answers' | 'location'>): void {
  const issues = validateDetails(type, c.kind, c.answers, c.location);
  if (issues.length > 0) {
    throw new DomainError('invalid_input', describeIssues(issues), issues);
  }
}

/**
 * Saves a new case: the row, its reference, its audit event, its search entry and its outbox
 * mutation commit together or not at all. Saving the same interaction id again returns the case
 * already saved, so a retried or restored intake never creates a second one.
 */
export function createCase(db: WritableDb, deps: CoreDeps, input: NewCase): Case {
  const type = serviceTypeOf(deps, input.serviceCode);
  checkDetails(type, input);
  return db.transaction((): Case => {
    const existing = findCaseRow(db, input.id);
    if (existing) return caseFromRow(existing);
    const at = deps.now();
    const { session } = deps;
    const created: Case = {
      id: input.id,
      reference: nextReference(db, session.deskCode, localDay(at, session.timeZone)),
      deskCode: session.deskCode,
      agentId: session.agent.id,
      channel: input.channel,
      kind: input.kind,
      serviceCode: type.code,
      departmentCode: type.departmentCode,
      priority: input.priority ?? type.defaultPriority,
      status: 'new',
      statusEpoch: 0,
      statusRank: STATUS_RANK.new,
      caller: input.caller,
      location: hasLocation(input.location) ? input.location : null,
      answers: input.answers,
      description: input.description,
      disposition: null,
      wrapUpNote: null,
      resolutionNote: null,
      handleTime: { talkMs: 0, holdMs: 0, wrapUpMs: 0 },
      createdAt: iso(at),
      updatedAt: iso(at),
      resolvedAt: null,
      closedAt: null,
      version: 1,
    };
    const seq = insertCase(db, created);
    const event = recordEvent(db, { caseId: created.id, type: 'created', actorId: session.agent.id, at, before: null, after: { reference: created.reference } });
    indexCase(db, seq, created, '');
    appendMutation(db, { mutation: { name: 'createCase', args: { case: created } }, event, role: session.agent.role, at });
    if (input.article) recordArticleLink(db, deps, { caseId: created.id, articleId: input.article.id, title: input.article.title }, at);
    return created;
  })();
}

function conflictIfStale(current: Case, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw new DomainError(
      'conflict',
      `Case ${current.reference} changed since you opened it (it is at version ${current.version}, you had ${expectedVersion}); reload it and try again`,
      [{ field: 'expectedVersion', message: `is ${expectedVersion}, the case is at ${current.version}` }],
    );
  }
}

/** Writes a changed case with its audit event and outbox mutation; returns the saved case. */
function saveChange(
  db: WritableDb,
  deps: CoreDeps,
  seq: number,
  before: Case,
  change: Partial<Case>,
  eventType: 'updated' | 'wrapped_up',
): Case {
  const at = deps.now();
  const after: Case = { ...before, ...change, updatedAt: iso(at), version: before.version + 1 };
  const diff = diffCase(before, after);
  keepServerBase(db, before);
  replaceCase(db, after, before.version);
  const event = recordEvent(db, { caseId: after.id, type: eventType, actorId: deps.session.agent.id, at, ...diff });
  indexCase(db, seq, after);
  appendMutation(db, {
    // updatedAt travels with the change so the server's copy ends up exactly like this desk's.
    mutation: {
      name: eventType === 'updated' ? 'updateCase' : 'wrapUpCase',
      args: { id: after.id, before: { ...diff.before, updatedAt: before.updatedAt }, after: { ...diff.after, updatedAt: after.updatedAt } },
    },
    event,
    role: deps.session.agent.role,
    at,
  });
  return after;
}

export function updateCase(db: WritableDb, deps: CoreDeps, input: { id: string; expectedVersion: number; changes: CaseChanges }): Case {
  return db.transaction((): Case => {
    const { seq, case: current } = loadCase(db, input.id);
    conflictIfStale(current, input.expectedVersion);
    const merged: Case = { ...current, ...input.changes };
    if ('location' in input.changes && !hasLocation(merged.location)) merged.location = null;
    const type = serviceTypeOf(deps, merged.serviceCode);
    merged.departmentCode = type.departmentCode;
    checkDetails(type, merged);
    return saveChange(db, deps, seq, current, merged, 'updated');
  })();
}

/** Moves a case through the lifecycle machine; a move the machine refuses writes nothing. */
export function transitionCase(db: WritableDb, deps: CoreDeps, input: { id: string; expectedVersion?: number; event: StatusEvent }): Case {
  return db.transaction((): Case => applyStatusEvent(db, deps, input.id, input.event, input.expectedVersion))();
}

function applyStatusEvent(db: WritableDb, deps: CoreDeps, id: string, event: StatusEvent, expectedVersion?: number): Case {
  const { seq, case: current } = loadCase(db, id);
  conflictIfStale(current, expectedVersion);
  const lifecycleEvent = { ...event, role: deps.session.agent.role } satisfies LifecycleEvent;
  const decision = decideStatusChange({ status: current.status, epoch: current.statusEpoch }, lifecycleEvent);
  if (!decision.ok) {
    throw new DomainError('transition_refused', `Case ${current.reference}: ${decision.reason}`, [{ field: 'event.type', message: decision.reason }]);
  }
  const at = deps.now();
  const { next } = decision;
  const after: Case = {
    ...current,
    status: next.status,
    statusEpoch: next.epoch,
    statusRank: next.rank,
    resolutionNote: event.type === 'RESOLVE' ? event.note : next.status === 'open' ? null : current.resolutionNote,
    resolvedAt: next.status === 'resolved' ? iso(at) : next.status === 'closed' ? current.resolvedAt : null,
    closedAt: next.status === 'closed' || next.status === 'cancelled' ? iso(at) : null,
    updatedAt: iso(at),
    version: current.version + 1,
  };
  keepServerBase(db, current);
  replaceCase(db, after, current.version);
  const from = statusStamp(current.status, current.statusEpoch);
  const note = event.type === 'RESOLVE' ? event.note : event.type === 'REOPEN' || event.type === 'CANCEL' ? event.reason : null;
  const recorded = recordEvent(db, {
    caseId: id,
    type: 'status_changed',
    actorId: deps.session.agent.id,
    at,
    before: { ...from },
    after: { ...next, event: event.type, ...(note ? { note } : {}) },
  });
  indexCase(db, seq, after);
  appendMutation(db, { mutation: { name: 'transitionCase', args: { id, event: event.type, from, to: next, note } }, event: recorded, role: deps.session.agent.role, at });
  return after;
}

export function addNote(db: WritableDb, deps: CoreDeps, input: { caseId: string; body: string }): CaseNote {
  return db.transaction((): CaseNote => {
    const { seq } = loadCase(db, input.caseId);
    const at = deps.now();
    const note: CaseNote = { id: newId(), caseId: input.caseId, authorId: deps.session.agent.id, body: input.body, createdAt: iso(at) };
    insertNote(db, note);
    const event = recordEvent(db, { caseId: input.caseId, type: 'note_added', actorId: note.authorId, at, before: null, after: { noteId: note.id } });
    appendNoteToIndex(db, seq, note.body);
    appendMutation(db, { mutation: { name: 'addNote', args: { note } }, event, role: deps.session.agent.role, at });
    return note;
  })();
}

/**
 * Ends the interaction on its case: disposition, note and handle time. A service request is then
 * routed (opened); anything else answered on first contact is resolved with the wrap-up note.
 */
export function wrapUpCase(db: WritableDb, deps: CoreDeps, input: WrapUp): Case {
  return db.transaction((): Case => {
    const { seq, case: current } = loadCase(db, input.caseId);
    const wrapped = saveChange(
      db,
      deps,
      seq,
      current,
      { disposition: input.disposition, wrapUpNote: input.note, handleTime: input.handleTime },
      'wrapped_up',
    );
    if (wrapped.status !== 'new') return wrapped;
    if (wrapped.kind === 'service_request' || !FIRST_CONTACT_DISPOSITIONS.includes(input.disposition)) {
      return applyStatusEvent(db, deps, wrapped.id, { type: 'OPEN' });
    }
    const note = input.note.trim() || `Resolved on first contact (${input.disposition.replaceAll('_', ' ')})`;
    return applyStatusEvent(db, deps, wrapped.id, { type: 'RESOLVE', note });
  })();
}
