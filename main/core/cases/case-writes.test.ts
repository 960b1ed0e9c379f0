import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { newId, type Case, type NewCase } from '../../../shared/domain';
import type { CaseDetail } from '../../../shared/contract';
import { LEAD, openTestDesk, tableCounts, type TestDesk } from '../../../test/helpers/desk';

const potholeCase = (overrides: Partial<NewCase> = {}): NewCase => ({
  id: newId(),
  channel: 'phone',
  kind: 'service_request',
  serviceCode: 'pothole',
  caller: { anonymous: false, name: 'Jo Smith', phone: '(403) 555-1234' },
  location: { addressText: '910 4 Ave S', lat: 49.69, lng: -112.84 },
  answers: { pothole_size: 'large', road_position: 'driving_lane' },
  description: 'Deep hole by the bus stop, cars swerving',
  ...overrides,
});

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}
const create = (input: NewCase = potholeCase()) => ok(desk.call('createCase', input)) as Case;
const detail = (id: string) => ok(desk.call('getCase', { id })) as CaseDetail;

describe('createCase', () => {
  it('writes the case, its event, its search row and its outbox mutation in one go', () => {
    const saved = create();
    expect(saved).toMatchObject({ status: 'new', statusEpoch: 0, deskCode: 'D07', agentId: 'agent-ana', departmentCode: 'roads_snow', priority: 'normal', version: 1 });
    expect(saved.reference).toBe('D07-261127-0001');
    expect(tableCounts(desk.db)).toMatchObject({ cases: 1, case_events: 1, outbox: 1, cases_search: 1 });
    const outbox = desk.db.prepare('SELECT name, args, schema_version FROM outbox').get() as { name: string; args: string; schema_version: number };
    expect(outbox.name).toBe('createCase');
    expect(JSON.parse(outbox.args).case).toEqual(saved);
    expect(detail(saved.id).events.map((e) => e.type)).toEqual(['created']);
  });

  it('hands out per-day sequences in the desk’s local day, restarting each local day', () => {
    expect(create().reference).toBe('D07-261127-0001');
    expect(create().reference).toBe('D07-261127-0002');
    // 06:30 UTC on the 28th is still the 27th in Edmonton (UTC−7).
    desk.clock.now = Date.parse('2026-11-28T06:30:00Z');
    expect(create().reference).toBe('D07-261127-0003');
    desk.clock.now = Date.parse('2026-11-28T07:30:00Z');
    expect(create().reference).toBe('D07-261128-0001');
  });

  it('is idempotent on the interaction id: a retried save returns the first case', () => {
    const input = potholeCase();
    const first = create(input);
    const again = create({ ...input, description: 'changed on retry' });
    expect(again).toEqual(first);
    expect(tableCounts(desk.db)).toMatchObject({ cases: 1, outbox: 1, case_events: 1 });
  });

  it('refuses missing required answers and location, naming each, and writes nothing', () => {
    const result = desk.call('createCase', potholeCase({ answers: {}, location: null }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues.map((i) => i.field)).toEqual(['answers.pothole_size', 'answers.road_position', 'location']);
    expect(tableCounts(desk.db)).toMatchObject({ cases: 0, outbox: 0, case_events: 0, cases_search: 0 });
    expect(desk.db.prepare('SELECT count(*) AS n FROM reference_sequences').get()).toEqual({ n: 0 });
  });

  it('refuses answers of the wrong type or outside the list', () => {
    const result = desk.call('createCase', potholeCase({ answers: { pothole_size: 'enormous', road_position: 'driving_lane', pothole_count: 'three' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual([
      { field: 'answers.pothole_size', message: 'must be one of small, medium, large' },
      { field: 'answers.pothole_count', message: 'must be a number' },
    ]);
  });

  it('does not enforce a type’s required questions on an information request', () => {
    const saved = create(potholeCase({ kind: 'information', answers: {}, location: null }));
    expect(saved.kind).toBe('information');
  });

  it('refuses a service code the catalog does not know', () => {
    const result = desk.call('createCase', potholeCase({ serviceCode: 'teleport' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'serviceCode' }] } });
  });
});

describe('search', () => {
  it('finds cases by reference, caller name, phone fragments, address, description and notes, newest first', () => {
    const older = create();
    desk.clock.now += 60_000;
    const newer = create(potholeCase({ caller: { anonymous: false, name: 'Priya Sandhu', phone: '403-555-9876' }, description: 'Sinkhole forming' }));
    ok(desk.call('addNote', { caseId: older.id, body: 'Crew dispatched with asphalt' }));
    const refs = (query: string) => (ok(desk.call('searchCases', { query })) as { items: { reference: string }[] }).items.map((i) => i.reference);
    expect(refs(older.reference)).toEqual([older.reference]);
    expect(refs('smith')).toEqual([older.reference]);
    expect(refs('pri san')).toEqual([newer.reference]);
    expect(refs('555-9876')).toEqual([newer.reference]);
    expect(refs('(403) 555-1234')).toEqual([older.reference]);
    expect(refs('4 ave')).toEqual([newer.reference, older.reference]);
    expect(refs('asphalt')).toEqual([older.reference]);
    expect(refs('sinkh')).toEqual([newer.reference]);
    expect(refs('"; DROP TABLE cases; --')).toEqual([]);
  });
});

describe('updateCase', () => {
  it('records before and after of the changed fields only, bumps the version and queues a mutation', () => {
    const saved = create();
    const updated = ok(desk.call('updateCase', { id: saved.id, expectedVersion: 1, changes: { priority: 'high', description: 'Now two holes' } })) as Case;
    expect(updated).toMatchObject({ priority: 'high', description: 'Now two holes', version: 2 });
    const event = detail(saved.id).events.at(-1)!;
    expect(event).toMatchObject({ type: 'updated', before: { priority: 'normal', description: saved.description }, after: { priority: 'high', description: 'Now two holes' } });
    expect(Object.keys(event.after!)).toEqual(['priority', 'description']);
    expect(tableCounts(desk.db).outbox).toBe(2);
    expect((ok(desk.call('searchCases', { query: 'two holes' })) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses a stale version with a conflict and writes nothing', () => {
    const saved = create();
    ok(desk.call('updateCase', { id: saved.id, expectedVersion: 1, changes: { priority: 'high' } }));
    const before = tableCounts(desk.db);
    const stale = desk.call('updateCase', { id: saved.id, expectedVersion: 1, changes: { priority: 'low' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(tableCounts(desk.db)).toEqual(before);
  });

  it('refuses a change that breaks the type’s rules', () => {
    const saved = create();
    const result = desk.call('updateCase', { id: saved.id, expectedVersion: 1, changes: { location: null } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'location' }] } });
  });
});

describe('transitionCase', () => {
  it('follows the lifecycle machine and stamps (epoch, rank)', () => {
    const saved = create();
    const open = ok(desk.call('transitionCase', { id: saved.id, event: { type: 'OPEN' } })) as Case;
    expect(open).toMatchObject({ status: 'open', statusEpoch: 0, statusRank: 1 });
    const resolved = ok(desk.call('transitionCase', { id: saved.id, event: { type: 'RESOLVE', note: 'Filled' } })) as Case;
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: 'Filled', statusRank: 3 });
    expect(resolved.resolvedAt).not.toBeNull();
    const reopened = ok(desk.call('transitionCase', { id: saved.id, event: { type: 'REOPEN', reason: 'Caller says it is back' } })) as Case;
    expect(reopened).toMatchObject({ status: 'open', statusEpoch: 1, statusRank: 1, resolvedAt: null, resolutionNote: null });
    const events = detail(saved.id).events.filter((e) => e.type === 'status_changed');
    expect(events.map((e) => e.after?.status)).toEqual(['open', 'resolved', 'open']);
  });

  it('refuses what the machine refuses — closing as a specialist — and writes nothing', () => {
    const saved = create();
    ok(desk.call('transitionCase', { id: saved.id, event: { type: 'RESOLVE', note: 'Filled' } }));
    const before = tableCounts(desk.db);
    const refused = desk.call('transitionCase', { id: saved.id, event: { type: 'CLOSE' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'transition_refused' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/CLOSE is not allowed from resolved.*lead/);
    expect(tableCounts(desk.db)).toEqual(before);
    desk.signIn(LEAD);
    expect(ok(desk.call('transitionCase', { id: saved.id, event: { type: 'CLOSE' } }))).toMatchObject({ status: 'closed' });
  });

  it('offers in getCase only the moves the signed-in role may make', () => {
    const saved = create();
    expect(detail(saved.id).allowedStatusEvents).toEqual(['OPEN', 'START_WORK', 'RESOLVE']);
    desk.signIn(LEAD);
    expect(detail(saved.id).allowedStatusEvents).toEqual(['OPEN', 'START_WORK', 'RESOLVE', 'CANCEL']);
  });
});

describe('wrapUpCase', () => {
  it('records handle time and disposition, and resolves an information request answered on first contact', () => {
    const saved = create(potholeCase({ kind: 'information', serviceCode: 'general-information', answers: {}, location: null }));
    const wrapped = ok(
      desk.call('wrapUpCase', { caseId: saved.id, disposition: 'answered', note: '', handleTime: { talkMs: 95_000, holdMs: 5_000, wrapUpMs: 12_000 } }),
    ) as Case;
    expect(wrapped).toMatchObject({ status: 'resolved', disposition: 'answered', handleTime: { talkMs: 95_000, holdMs: 5_000, wrapUpMs: 12_000 } });
    expect(wrapped.resolutionNote).toMatch(/first contact/);
    expect(detail(saved.id).events.map((e) => e.type)).toEqual(['created', 'wrapped_up', 'status_changed']);
  });

  it('routes a service request: it opens rather than resolves', () => {
    const saved = create();
    const wrapped = ok(desk.call('wrapUpCase', { caseId: saved.id, disposition: 'service_request_logged', note: 'Told caller 5 days', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 1 } })) as Case;
    expect(wrapped).toMatchObject({ status: 'open', wrapUpNote: 'Told caller 5 days' });
  });
});

describe('the audit trail', () => {
  it('is append-only at the database level', () => {
    create();
    expect(() => desk.db.prepare("UPDATE case_events SET actor_id = 'someone-else'").run()).toThrow(/append-only/);
    expect(() => desk.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
  });

  it('survives closing and reopening the file', () => {
    const saved = create();
    desk.db.close();
    const reopened = new Database(desk.file, { readonly: true });
    expect(reopened.prepare('SELECT reference FROM cases WHERE id = ?').get(saved.id)).toEqual({ reference: saved.reference });
    reopened.close();
    desk.db = new Database(desk.file) as typeof desk.db;
  });
});
