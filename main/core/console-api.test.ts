import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Case } from '../../shared/domain';
import { OPERATION_NAMES, type OperationName } from '../../shared/contract';
import { openTestDesk, tableCounts, type TestDesk } from '../../test/helpers/desk';

let desk: TestDesk;
let existing: Case;

beforeAll(() => {
  desk = openTestDesk();
  const created = desk.call('createCase', {
    id: newId(),
    channel: 'walk_in',
    kind: 'information',
    serviceCode: 'general-information',
    caller: { anonymous: true },
    location: null,
    answers: {},
    description: 'Asked for city hall hours',
  });
  if (!created.ok) throw new Error(created.error.message);
  existing = created.value as Case;
});
afterAll(() => desk.close());

/** For every operation: inputs a buggy or hostile renderer might send, and the field each must name. */
const BAD_INPUTS: Record<OperationName, { input: unknown; field: string }[]> = {
  deskInfo: [{ input: { verbose: true }, field: '(input)' }],
  createAgent: [
    { input: { name: 'A', role: 'specialist' }, field: 'name' },
    { input: { name: 'Ana Specialist', role: 'mayor' }, field: 'role' },
    { input: { name: 'x'.repeat(81), role: 'lead' }, field: 'name' },
  ],
  signIn: [
    { input: {}, field: 'agentId' },
    { input: { agentId: 'nobody-here' }, field: 'agentId' },
  ],
  signOut: [{ input: { everywhere: true }, field: '(input)' }],
  findCallers: [
    { input: { query: '' }, field: 'query' },
    { input: { query: 'x'.repeat(101) }, field: 'query' },
  ],
  catalog: [{ input: { extra: 1 }, field: '(input)' }],
  createCase: [
    { input: null, field: 'id' },
    { input: { id: 'not-a-uuid' }, field: 'id' },
    { input: { id: newId(), channel: 'fax', kind: 'information', serviceCode: 'x', caller: { anonymous: true }, location: null, answers: {}, description: '' }, field: 'channel' },
    { input: { id: newId(), channel: 'phone', kind: 'gossip', serviceCode: 'x', caller: { anonymous: true }, location: null, answers: {}, description: '' }, field: 'kind' },
    { input: { id: newId(), channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: false, name: '  ' }, location: null, answers: {}, description: '' }, field: 'caller.name' },
    { input: { id: newId(), channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: false, name: 'A', phone: 'call me' }, location: null, answers: {}, description: '' }, field: 'caller.phone' },
    { input: { id: newId(), channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: true }, location: { lat: 91, lng: 0 }, answers: {}, description: '' }, field: 'location.lat' },
    { input: { id: newId(), channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: true }, location: null, answers: { a: { nested: true } }, description: '' }, field: 'answers.a' },
    { input: { id: newId(), channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: true }, location: null, answers: {}, description: 'x'.repeat(10_001) }, field: 'description' },
    { input: { id: newId(), channel: 'phone', kind: 'information', serviceCode: 'no-such-type', caller: { anonymous: true }, location: null, answers: {}, description: '' }, field: 'serviceCode' },
  ],
  getCase: [
    { input: {}, field: 'id' },
    { input: { id: 42 }, field: 'id' },
  ],
  updateCase: [
    { input: { id: newId(), expectedVersion: 1, changes: { priority: 'high' } }, field: 'id' },
    { input: { id: 'x', expectedVersion: 1, changes: { priority: 'high' } }, field: 'id' },
    { input: { id: newId(), expectedVersion: 0, changes: { priority: 'high' } }, field: 'expectedVersion' },
    { input: { id: newId(), expectedVersion: 1, changes: {} }, field: 'changes' },
    { input: { id: newId(), expectedVersion: 1, changes: { status: 'closed' } }, field: 'changes' },
    { input: { id: newId(), expectedVersion: 1, changes: { priority: 'whenever' } }, field: 'changes.priority' },
  ],
  transitionCase: [
    { input: { id: newId(), event: { type: 'OPEN' } }, field: 'id' },
    { input: { id: newId(), event: { type: 'TELEPORT' } }, field: 'event.type' },
    { input: { id: newId(), event: { type: 'RESOLVE' } }, field: 'event.note' },
    { input: { id: newId(), event: { type: 'RESOLVE', note: '   ' } }, field: 'event.note' },
    { input: { id: newId(), event: { type: 'CANCEL', reason: '' } }, field: 'event.reason' },
  ],
  searchArticles: [
    { input: { query: 'x'.repeat(501) }, field: 'query' },
    { input: { query: 'bill', limit: 0 }, field: 'limit' },
  ],
  getArticle: [{ input: { id: 'nope' }, field: 'id' }],
  saveArticle: [
    {
      input: {
        id: newId(),
        article: { title: 'Garbage day', body: 'Weekly.', keywords: [], departmentCode: 'waste', serviceCodes: [], owner: 'Lead', reviewBy: '2027-03-31' },
      },
      field: 'expectedVersion',
    },
    { input: { article: { title: 'x' } }, field: 'article.title' },
  ],
  retireArticle: [{ input: { id: 42 }, field: 'id' }],
  findDuplicates: [
    { input: { serviceCode: '', location: { addressText: '410 3 Ave S' } }, field: 'serviceCode' },
    { input: { serviceCode: 'pothole', location: {} }, field: 'location' },
  ],
  lookupAddress: [
    { input: { query: 5 }, field: 'query' },
    { input: { query: '1', limit: 50 }, field: 'limit' },
  ],
  addContact: [
    { input: { id: newId(), caseId: newId(), channel: 'phone', caller: { anonymous: true }, reason: 'repeat_contact', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 0 } }, field: 'id' },
    { input: { id: newId(), caseId: newId(), channel: 'fax', caller: { anonymous: true }, reason: 'repeat_contact', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 0 } }, field: 'channel' },
    { input: { id: newId(), caseId: newId(), channel: 'phone', caller: { anonymous: true }, reason: 'bored', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 0 } }, field: 'reason' },
  ],
  addNote: [
    { input: { caseId: newId(), body: 'hello' }, field: 'id' },
    { input: { caseId: newId(), body: '' }, field: 'body' },
    { input: { caseId: 'nope', body: 'hi' }, field: 'caseId' },
  ],
  wrapUpCase: [
    { input: { caseId: newId(), disposition: 'answered', note: '', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 0 } }, field: 'id' },
    { input: { caseId: newId(), disposition: 'shrugged', note: '', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 0 } }, field: 'disposition' },
    { input: { caseId: newId(), disposition: 'answered', note: '', handleTime: { talkMs: -5, holdMs: 0, wrapUpMs: 0 } }, field: 'handleTime.talkMs' },
    { input: { caseId: newId(), disposition: 'answered', note: '', handleTime: { talkMs: 1.5, holdMs: 0, wrapUpMs: 0 } }, field: 'handleTime.talkMs' },
  ],
  searchCases: [
    { input: { query: '' }, field: 'query' },
    { input: { query: 'x'.repeat(201) }, field: 'query' },
    { input: { query: 'smith', limit: 0 }, field: 'limit' },
    { input: { query: 'smith', limit: 10_000 }, field: 'limit' },
  ],
  listCases: [
    { input: { filters: { status: ['lost'] } }, field: 'filters.status.0' },
    { input: { filters: { channel: 'phone' } }, field: 'filters.channel' },
    { input: { filters: { createdFrom: 'yesterday' } }, field: 'filters.createdFrom' },
    { input: { filters: { createdFrom: '2026-11-27T00:00:00Z', createdTo: '2026-11-01T00:00:00Z' } }, field: 'filters.createdFrom' },
    { input: { filters: { colour: 'red' } }, field: 'filters' },
    { input: { cursor: 'garbage!' }, field: 'cursor' },
    { input: { limit: 501 }, field: 'limit' },
  ],
  saveDraft: [
    { input: { id: 'x', persisted: { machineVersion: 1, snapshot: {} } }, field: 'id' },
    { input: { id: newId(), persisted: { machineVersion: 0, snapshot: {} } }, field: 'persisted.machineVersion' },
    { input: { id: newId(), persisted: { machineVersion: 1, snapshot: 'state' } }, field: 'persisted.snapshot' },
    { input: { id: newId(), persisted: { machineVersion: 1, snapshot: { big: 'x'.repeat(1_000_001) } } }, field: 'persisted.snapshot' },
  ],
  restoreDraft: [{ input: { agentId: 'someone-else' }, field: '(input)' }],
  discardDraft: [{ input: { id: 7 }, field: 'id' }],
  syncStatus: [{ input: { verbose: true }, field: '(input)' }],
  syncNow: [{ input: { force: true }, field: '(input)' }],
  getSyncSettings: [{ input: { withSecret: true }, field: '(input)' }],
  setSyncSettings: [
    { input: { serverUrl: 'ftp://sync.lethbridge.ca', tenant: 'lethbridge', deskSecret: 's'.repeat(24) }, field: 'serverUrl' },
    { input: { serverUrl: 'sync.lethbridge.ca', tenant: 'lethbridge', deskSecret: 's'.repeat(24) }, field: 'serverUrl' },
    { input: { serverUrl: 'https://sync.lethbridge.ca', tenant: '  ', deskSecret: 's'.repeat(24) }, field: 'tenant' },
    { input: { serverUrl: 'https://sync.lethbridge.ca', tenant: 'lethbridge', deskSecret: 'short' }, field: 'deskSecret' },
    { input: { serverUrl: 'https://sync.lethbridge.ca', tenant: 'lethbridge', deskSecret: 's'.repeat(24), deskCode: 'd7' }, field: 'deskCode' },
  ],
  signInWithPassword: [
    { input: { username: '', password: 'secret' }, field: 'username' },
    { input: { username: 'ana' }, field: 'password' },
    { input: { username: 'ana', password: 'x', remember: true }, field: '(input)' },
  ],
  syncConflicts: [{ input: { all: true }, field: '(input)' }],
  getShiftSchedule: [{ input: { team: 'north' }, field: '(input)' }],
  setShiftSchedule: [
    { input: { shifts: [] }, field: 'shifts' },
    { input: { shifts: [{ name: 'Day', start: '7:00', end: '15:00' }] }, field: 'shifts.0.start' },
    { input: { shifts: [{ name: 'Day', start: '07:00', end: '24:00' }] }, field: 'shifts.0.end' },
    { input: { shifts: [{ name: 'Day', start: '07:00', end: '15:00' }, { name: 'day', start: '15:00', end: '23:00' }] }, field: 'shifts.1.name' },
  ],
  shiftSummary: [
    { input: { date: '2026-11-27' }, field: 'shift' },
    { input: { date: '27/11/2026', shift: 'Day' }, field: 'date' },
    { input: { date: '2026-11-27', shift: 'Brunch' }, field: 'shift' },
    { input: { top: 0 }, field: 'top' },
  ],
  periodReport: [
    { input: { from: '2026-12-01', to: '2026-01-01' }, field: 'from' },
    { input: { from: '2026-01-01' }, field: 'to' },
    { input: { from: '2000-01-01', to: '2026-01-01' }, field: 'to' },
    { input: { from: '2026-01-01', to: '2026-01-31', top: 51 }, field: 'top' },
  ],
  reportCases: [
    { input: { window: { from: '2026-11-27T15:00:00Z', to: '2026-11-27T07:00:00Z' }, scope: { source: 'desk', deskCodes: ['D07'] }, filter: {} }, field: 'window.from' },
    { input: { window: { from: '2026-11-27T07:00:00Z', to: '2026-11-27T15:00:00Z' }, scope: { source: 'desk', deskCodes: ['D07'] }, filter: { channel: 'fax' } }, field: 'filter.channel' },
    { input: { window: { from: '2026-11-27T07:00:00Z', to: '2026-11-27T15:00:00Z' }, scope: { source: 'desk', deskCodes: ['D07'] }, filter: { channel: 'phone', kind: 'information' } }, field: 'filter' },
    { input: { window: { from: '2026-11-27T07:00:00Z', to: '2026-11-27T15:00:00Z' }, scope: { source: 'city', deskCodes: null }, filter: {} }, field: 'scope.source' },
  ],
  exportReport: [
    { input: { kind: 'period', from: '2026-01-01', to: '2026-12-31', format: 'docx' }, field: 'format' },
    { input: { kind: 'yearly', from: '2026-01-01', to: '2026-12-31', format: 'csv' }, field: 'kind' },
    { input: { kind: 'shift', date: '2026-11-27', format: 'pdf' }, field: 'shift' },
  ],
  machinePolicy: [{ input: { path: '/tmp/mine.json' }, field: '(input)' }],
  lockConsole: [{ input: { minutes: 5 }, field: '(input)' }],
  unlockConsole: [
    { input: { password: 12345 }, field: 'password' },
    { input: { password: 'x'.repeat(513) }, field: 'password' },
    { input: { pin: '1234' }, field: '(input)' },
  ],
};

describe('every console operation refuses bad input, names the field, and writes nothing', () => {
  it('covers every operation in the contract', () => {
    expect(Object.keys(BAD_INPUTS).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  for (const name of OPERATION_NAMES) {
    for (const [index, { input, field }] of BAD_INPUTS[name].entries()) {
      it(`${name} #${index + 1}: names ${field}`, async () => {
        const before = tableCounts(desk.db);
        const result = await desk.call(name, input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(['invalid_input', 'not_found']).toContain(result.error.code);
        expect(result.error.issues.map((issue) => issue.field)).toContain(field);
        expect(result.error.message.length).toBeGreaterThan(5);
        expect(tableCounts(desk.db)).toEqual(before);
      });
    }
  }

  it('answers an unknown operation with unknown_operation', () => {
    expect(desk.call('dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(desk.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('names the operation and the field in the message', () => {
    const result = desk.call('searchCases', { query: '' });
    expect(result).toMatchObject({ ok: false, error: { message: 'searchCases: query: must not be empty' } });
  });

  it('still serves good input after bad input', () => {
    expect(desk.call('getCase', { id: existing.id })).toMatchObject({ ok: true, value: { case: { id: existing.id } } });
  });
});

describe('agents and sign-in', () => {
  it('creates a local profile, signs in and out, and refuses case work while signed out', () => {
    const created = desk.call('createAgent', { name: 'Sam Lead', role: 'lead' });
    if (!created.ok) throw new Error(created.error.message);
    const duplicate = desk.call('createAgent', { name: 'sam lead', role: 'specialist' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'name' }] } });
    const signedOut = desk.call('signOut', {});
    expect(signedOut).toMatchObject({ ok: true, value: { agent: null, deskCode: 'D07', sync: { state: 'offline' } } });
    expect(desk.call('searchCases', { query: 'hall' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(desk.call('getCase', { id: existing.id })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(desk.call('catalog', {}).ok).toBe(true);
    const signedIn = desk.call('signIn', { agentId: (created.value as { id: string }).id });
    expect(signedIn).toMatchObject({ ok: true, value: { agent: { name: 'Sam Lead', role: 'lead' } } });
    const info = desk.call('deskInfo', {});
    expect(info.ok && (info.value as { agents: { name: string }[] }).agents.map((a) => a.name)).toContain('Sam Lead');
  });
});

describe('findCallers', () => {
  it('finds a caller by phone fragment or name, with their newest cases and open count', () => {
    for (const [i, description] of ['Missed pickup', 'Cart cracked', 'Bill too high'].entries()) {
      desk.clock.now += 60_000;
      const result = desk.call('createCase', {
        id: newId(),
        channel: 'phone',
        kind: 'information',
        serviceCode: 'general-information',
        caller: { anonymous: false, name: i === 2 ? 'Mei Wong' : 'Gurpreet Sandhu', phone: i === 2 ? '403-555-0101' : '403-555-7788' },
        location: null,
        answers: {},
        description,
      });
      if (!result.ok) throw new Error(result.error.message);
    }
    const byPhone = desk.call('findCallers', { query: '555-7788' });
    expect(byPhone).toMatchObject({ ok: true, value: { callers: [{ name: 'Gurpreet Sandhu', phone: '403-555-7788', caseCount: 2, openCount: 2 }] } });
    if (byPhone.ok) expect((byPhone.value as { callers: { recentCases: { summary: string }[] }[] }).callers[0]!.recentCases.map((c) => c.summary)).toEqual(['Cart cracked', 'Missed pickup']);
    expect(desk.call('findCallers', { query: 'mei w' })).toMatchObject({ ok: true, value: { callers: [{ name: 'Mei Wong', caseCount: 1 }] } });
    expect(desk.call('findCallers', { query: 'cart' })).toMatchObject({ ok: true, value: { callers: [] } });
  });
});

describe('listCases', () => {
  it('filters and pages newest first with a cursor, and counts the total', () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      desk.clock.now += 60_000;
      const result = desk.call('createCase', {
        id: newId(),
        channel: i % 2 === 0 ? 'phone' : 'chat',
        kind: 'information',
        serviceCode: 'billing-inquiry',
        caller: { anonymous: true },
        location: null,
        answers: {},
        description: `Billing question ${i}`,
      });
      if (!result.ok) throw new Error(result.error.message);
      ids.push((result.value as Case).id);
    }
    const first = desk.call('listCases', { filters: { channel: ['phone'], departmentCode: ['utility_billing'] }, limit: 2 });
    if (!first.ok) throw new Error(first.error.message);
    const page1 = first.value as { items: { id: string }[]; nextCursor: string | null; total: number };
    expect(page1.total).toBe(3);
    expect(page1.items.map((i) => i.id)).toEqual([ids[4], ids[2]]);
    const second = desk.call('listCases', { filters: { channel: ['phone'], departmentCode: ['utility_billing'] }, limit: 2, cursor: page1.nextCursor });
    if (!second.ok) throw new Error(second.error.message);
    const page2 = second.value as { items: { id: string }[]; nextCursor: string | null };
    expect(page2.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    const text = desk.call('listCases', { filters: { text: 'billing question 3' } });
    expect(text.ok && (text.value as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([ids[3]]);
  });
});

describe('listCases totals', () => {
  it('keeps an exact live total by trigger and caps broad filtered counts', () => {
    const totals = () => desk.db.prepare('SELECT live FROM case_totals').pluck().get();
    const count = desk.db.prepare('SELECT count(*) FROM cases WHERE deleted_at IS NULL').pluck().get();
    expect(totals()).toBe(count);
    const all = desk.call('listCases', { limit: 1 });
    expect(all).toMatchObject({ ok: true, value: { total: count, totalIsExact: true } });
    const phone = desk.call('listCases', { filters: { channel: ['phone'] }, limit: 1 });
    const phoneCount = desk.db.prepare("SELECT count(*) FROM cases WHERE channel = 'phone'").pluck().get();
    expect(phone).toMatchObject({ ok: true, value: { total: phoneCount, totalIsExact: true } });
  });
});
