import { formatReference, newId, type Case, type CaseEvent, type CaseNote } from '../../shared/domain';
import { caseIdOf, MUTATION_SCHEMA_VERSION, type Mutation, type PushedMutation, type PushRequest, type SyncedCase } from '../../shared/sync';

/**
 * Valid cases and mutations for the server's tests, the simulation and the benchmark. Every time
 * is explicit, so tests never depend on the clock of the machine running them.
 */

export const T0 = Date.parse('2026-11-27T15:30:00Z');
export const iso = (offsetMs = 0): string => new Date(T0 + offsetMs).toISOString();

export function makeCase(deskCode: string, sequence: number, overrides: Partial<Case> = {}): Case {
  const at = iso(sequence * 1000);
  return {
    id: newId(),
    reference: formatReference(deskCode, '2026-11-27', sequence),
    deskCode,
    agentId: 'agent-ana',
    channel: 'phone',
    kind: 'service_request',
    serviceCode: 'large-item-collection',
    departmentCode: 'waste',
    priority: 'normal',
    status: 'new',
    statusEpoch: 0,
    statusRank: 0,
    caller: { anonymous: false, name: 'Pat Caller', phone: '403-555-0101' },
    location: { addressText: '910 4 Ave S' },
    answers: { itemCount: 2 },
    description: `Couch and mattress pickup #${sequence}`,
    disposition: null,
    wrapUpNote: null,
    resolutionNote: null,
    handleTime: { talkMs: 95_000, holdMs: 0, wrapUpMs: 12_000 },
    createdAt: at,
    updatedAt: at,
    resolvedAt: null,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

export function makeEvent(caseId: string, type: CaseEvent['type'], actorId: string, at: string, after: Record<string, unknown> | null = null): CaseEvent {
  return { id: newId(), caseId, type, actorId, at, before: null, after };
}

export function makeNote(caseId: string, body: string, authorId = 'agent-ana', at = iso()): CaseNote {
  return { id: newId(), caseId, authorId, body, createdAt: at };
}

const EVENT_TYPE_OF = {
  createCase: 'created',
  updateCase: 'updated',
  transitionCase: 'status_changed',
  addNote: 'note_added',
  wrapUpCase: 'wrapped_up',
  deleteCase: 'updated',
  addContact: 'contact_added',
  linkArticle: 'article_linked',
} as const satisfies Record<Mutation['name'], CaseEvent['type']>;

/** A pushed outbox row; its event is recorded by `actorId` at `at`. */
export function pushed(mutationId: number, mutation: Mutation, options: { actorId?: string; at?: string; event?: CaseEvent | null } = {}): PushedMutation {
  const at = options.at ?? iso(mutationId * 1000);
  const caseId = caseIdOf(mutation);
  const made = makeEvent(caseId, EVENT_TYPE_OF[mutation.name], options.actorId ?? 'agent-ana', at);
  // A contact's event carries the contact's id, as a desk records it.
  const event = options.event === undefined ? (mutation.name === 'addContact' ? { ...made, id: mutation.args.contact.id } : made) : options.event;
  return { mutationId, schemaVersion: MUTATION_SCHEMA_VERSION, createdAt: Date.parse(at), mutation, event };
}

export const createCase = (c: Case): Mutation => ({ name: 'createCase', args: { case: c } });
export const updateCase = (id: string, before: Record<string, unknown>, after: Record<string, unknown>): Mutation => ({ name: 'updateCase', args: { id, before, after } });
export const addNote = (note: CaseNote): Mutation => ({ name: 'addNote', args: { note } });
export const deleteCase = (id: string, reason = 'logged twice'): Mutation => ({ name: 'deleteCase', args: { id, reason } });
export function transition(id: string, event: string, from: [SyncedCase['status'], number, number], to: [SyncedCase['status'], number, number], note: string | null = null): Mutation {
  return { name: 'transitionCase', args: { id, event, from: { status: from[0], epoch: from[1], rank: from[2] }, to: { status: to[0], epoch: to[1], rank: to[2] }, note } };
}

export const pushRequest = (deskCode: string, mutations: PushedMutation[]): PushRequest => ({ deskCode, schemaVersion: MUTATION_SCHEMA_VERSION, mutations });
