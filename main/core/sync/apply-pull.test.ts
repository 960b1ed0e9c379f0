import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Case, type CaseEvent, type CaseNote, type NewCase } from '../../../shared/domain';
import { canonicalJson, digestLines, type PullResponse, type SyncedCase, type SyncRow } from '../../../shared/sync';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { pendingCount } from '../outbox';
import { applyPulledPage } from './apply-pull';
import { deskDigest } from './digest';
import { findSyncCaseRow, serverBaseOf } from './local-case';
import { readSyncProgress } from './sync-store';

const newCase = (overrides: Partial<NewCase> = {}): NewCase => ({
  id: newId(),
  channel: 'phone',
  kind: 'service_request',
  serviceCode: 'pothole',
  caller: { anonymous: false, name: 'Priya Raman', phone: '(403) 555-7788' },
  location: { addressText: '12 Scenic Dr S', lat: 49.68, lng: -112.85 },
  answers: { pothole_size: 'large', road_position: 'driving_lane' },
  description: 'Crater near the hospital entrance',
  ...overrides,
});

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Another desk, standing in for the server's copy: its rows become pulled rows. */
let here: TestDesk;
let there: TestDesk;
let version = 0;
beforeEach(() => {
  here = openTestDesk({ deskCode: 'D07' });
  there = openTestDesk({ deskCode: 'D12' });
  version = 0;
});
afterEach(() => {
  here.close();
  there.close();
});

const synced = ({ version: _local, ...rest }: Case): SyncedCase => rest;
const caseRow = (c: Case, deleted = false): SyncRow => ({ type: 'case', version: ++version, deleted, case: synced(c) });
const noteRow = (note: CaseNote): SyncRow => ({ type: 'note', version: ++version, note });
const eventRow = (event: CaseEvent): SyncRow => ({ type: 'event', version: ++version, event });
const page = (rows: SyncRow[], lastMutationId = 0): PullResponse => ({ rows, cursor: version, hasMore: false, lastMutationId });
const detailThere = (id: string) => ok(there.call('getCase', { id })) as { case: Case; notes: CaseNote[]; events: CaseEvent[] };
const search = (desk: TestDesk, query: string) => (ok(desk.call('searchCases', { query })) as { items: { reference: string }[] }).items.map((i) => i.reference);
const total = (desk: TestDesk) => (ok(desk.call('listCases', {})) as { total: number }).total;

describe('applying a pulled page', () => {
  it('brings in a case from another desk with its reference, events and notes, searchable and counted', () => {
    const remote = ok(there.call('createCase', newCase())) as Case;
    const note = ok(there.call('addNote', { caseId: remote.id, body: 'Asphalt crew booked' })) as CaseNote;
    const { events } = detailThere(remote.id);
    const applied = applyPulledPage(here.db, page([caseRow(remote), noteRow(note), ...events.map(eventRow)]), here.clock.now);
    expect(applied).toMatchObject({ cases: 1, notes: 1, events: 2, parked: 0 });
    const pulled = ok(here.call('getCase', { id: remote.id })) as { case: Case; notes: CaseNote[]; events: CaseEvent[] };
    expect(pulled.case.reference).toBe(remote.reference);
    expect(pulled.case.reference.startsWith('D12-')).toBe(true);
    expect(pulled.notes.map((n) => n.id)).toEqual([note.id]);
    expect(pulled.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(search(here, 'crater hospital')).toEqual([remote.reference]);
    expect(search(here, 'asphalt')).toEqual([remote.reference]);
    expect(search(here, remote.reference)).toEqual([remote.reference]);
    expect(ok(here.call('findCallers', { query: '555-7788' }))).toMatchObject({ callers: [{ name: 'Priya Raman', caseCount: 1 }] });
    expect(total(here)).toBe(1);
    expect(pendingCount(here.db)).toBe(0);
    expect(here.db.prepare('SELECT origin FROM cases WHERE id = ?').pluck().get(remote.id)).toBe('pulled');
  });

  it('applies the same rows twice as once', () => {
    const remote = ok(there.call('createCase', newCase())) as Case;
    const rows = [caseRow(remote), ...detailThere(remote.id).events.map(eventRow)];
    applyPulledPage(here.db, page(rows), here.clock.now);
    const again = applyPulledPage(here.db, page(rows), here.clock.now);
    expect(again).toMatchObject({ notes: 0, events: 0 });
    expect(total(here)).toBe(1);
    expect(here.db.prepare('SELECT count(*) FROM case_events').pluck().get()).toBe(1);
  });

  it('updates a case it already has and re-indexes it; a tombstone hides it everywhere', () => {
    const remote = ok(there.call('createCase', newCase())) as Case;
    applyPulledPage(here.db, page([caseRow(remote)]), here.clock.now);
    const edited = ok(there.call('updateCase', { id: remote.id, expectedVersion: 1, changes: { description: 'Sinkhole now, barricaded' } })) as Case;
    applyPulledPage(here.db, page([caseRow(edited)]), here.clock.now);
    expect(search(here, 'sinkhole')).toEqual([remote.reference]);
    expect(search(here, 'crater')).toEqual([]);
    expect((ok(here.call('getCase', { id: remote.id })) as { case: Case }).case).toMatchObject({ description: 'Sinkhole now, barricaded', version: 2 });
    applyPulledPage(here.db, page([caseRow(edited, true)]), here.clock.now);
    expect(search(here, 'sinkhole')).toEqual([]);
    expect(search(here, remote.reference)).toEqual([]);
    expect(ok(here.call('findCallers', { query: 'Priya' }))).toEqual({ callers: [] });
    expect(here.call('getCase', { id: remote.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(total(here)).toBe(0);
  });

  it('ignores an older copy of a case row it has already passed', () => {
    const remote = ok(there.call('createCase', newCase())) as Case;
    const old = caseRow(remote);
    const edited = ok(there.call('updateCase', { id: remote.id, expectedVersion: 1, changes: { priority: 'urgent' } })) as Case;
    applyPulledPage(here.db, page([caseRow(edited)]), here.clock.now);
    applyPulledPage(here.db, { ...page([old]), cursor: version }, here.clock.now);
    expect((ok(here.call('getCase', { id: remote.id })) as { case: Case }).case.priority).toBe('urgent');
  });

  it('parks a note or event that arrives before its case, and applies it when the case lands', () => {
    const remote = ok(there.call('createCase', newCase())) as Case;
    const note = ok(there.call('addNote', { caseId: remote.id, body: 'Cones placed' })) as CaseNote;
    const events = detailThere(remote.id).events;
    expect(applyPulledPage(here.db, page([noteRow(note), ...events.map(eventRow)]), here.clock.now)).toMatchObject({ parked: 3 });
    applyPulledPage(here.db, page([caseRow(remote)]), here.clock.now);
    expect(search(here, 'cones')).toEqual([remote.reference]);
    expect(here.db.prepare('SELECT count(*) FROM sync_parked_rows').pluck().get()).toBe(0);
    expect(here.db.prepare('SELECT count(*) FROM case_events WHERE case_id = ?').pluck().get(remote.id)).toBe(2);
  });

  it('keeps a pending local edit on top of a pulled row of the same case (rebase)', () => {
    const mine = ok(here.call('createCase', newCase({ description: 'Pothole on 3 Ave' }))) as Case;
    // The server has the case, and another desk changed its description since.
    applyPulledPage(here.db, page([caseRow(mine)], 1), here.clock.now);
    expect(pendingCount(here.db)).toBe(0);
    ok(here.call('updateCase', { id: mine.id, expectedVersion: 1, changes: { priority: 'urgent' } }));
    const elsewhere: Case = { ...mine, description: 'Pothole on 3 Ave, two lanes now', updatedAt: new Date(here.clock.now + 60_000).toISOString() };
    applyPulledPage(here.db, page([caseRow(elsewhere)], 1), here.clock.now);
    const local = (ok(here.call('getCase', { id: mine.id })) as { case: Case }).case;
    expect(local).toMatchObject({ priority: 'urgent', description: 'Pothole on 3 Ave, two lanes now' });
    expect(pendingCount(here.db)).toBe(1);
    expect(search(here, 'two lanes')).toEqual([mine.reference]);
  });

  it('keeps no second copy of a pulled case until a local change, which writes the server’s copy out first', () => {
    const remote = ok(there.call('createCase', newCase({ description: 'Streetlight out' }))) as Case;
    applyPulledPage(here.db, page([caseRow(remote)]), here.clock.now);
    const pulled = findSyncCaseRow(here.db, remote.id)!;
    expect(pulled.synced_state).toBeNull();
    expect(serverBaseOf(pulled)).toEqual({ case: synced(remote), deleted: false });

    ok(here.call('updateCase', { id: remote.id, expectedVersion: 1, changes: { priority: 'urgent' } }));
    const edited = findSyncCaseRow(here.db, remote.id)!;
    expect(edited.priority).toBe('urgent');
    // The base is still the server's copy, not the edited row: a rejected edit goes back to it.
    expect(serverBaseOf(edited)).toEqual({ case: synced(remote), deleted: false });
  });

  it('acknowledges outbox rows up to the server’s last mutation id and moves the cursor forward only', () => {
    ok(here.call('createCase', newCase()));
    ok(here.call('createCase', newCase()));
    expect(pendingCount(here.db)).toBe(2);
    applyPulledPage(here.db, { rows: [], cursor: 10, hasMore: false, lastMutationId: 1 }, here.clock.now);
    expect(pendingCount(here.db)).toBe(1);
    expect(readSyncProgress(here.db)).toMatchObject({ pullCursor: 10, ackedMutationId: 1 });
    expect(() => applyPulledPage(here.db, { rows: [], cursor: 9, hasMore: false, lastMutationId: 2 }, here.clock.now)).toThrow(/cursor 9, behind this desk's cursor 10/);
    // Nothing of the refused page was applied, its acknowledgement included.
    expect(pendingCount(here.db)).toBe(1);
    expect(readSyncProgress(here.db)).toMatchObject({ pullCursor: 10, ackedMutationId: 1 });
  });

  it('digests its rows exactly as the server digests the same data', () => {
    const mine = ok(here.call('createCase', newCase())) as Case;
    const remote = ok(there.call('createCase', newCase({ caller: { anonymous: true }, location: null, kind: 'information', serviceCode: 'general-information', answers: {} }))) as Case;
    const note = ok(there.call('addNote', { caseId: remote.id, body: 'Called back' })) as CaseNote;
    const remoteEvents = detailThere(remote.id).events;
    applyPulledPage(here.db, page([caseRow(mine), caseRow(remote, true), noteRow(note), ...remoteEvents.map(eventRow)], 1), here.clock.now);
    const myEvents = (here.db.prepare('SELECT id FROM case_events WHERE case_id = ?').pluck().all(mine.id) as string[]);
    const lines = digestLines(
      [
        { id: mine.id, json: canonicalJson(synced(mine)), deleted: false },
        { id: remote.id, json: canonicalJson(synced(remote)), deleted: true },
      ],
      [note.id],
      [...myEvents, ...remoteEvents.map((e) => e.id)],
    );
    expect(deskDigest(here.db)).toEqual({ digest: createHash('sha256').update(lines.join('\n')).digest('hex'), cases: 2, notes: 1, events: 3 });
  });
});
