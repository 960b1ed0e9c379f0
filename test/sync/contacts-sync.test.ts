import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Case, type CaseEvent } from '../../shared/domain';
import type { WritableDb } from '../../main/core/db/connection';
import { deskDigest } from '../../main/core/sync/digest';
import { syncOnce } from '../../main/core/sync/sync-cycle';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { deskSession, valueOf } from '../helpers/desk-session';
import { api, seedTenant, startTestServer, type SeededDesk, type SeededTenant, type TestServer } from '../helpers/server';

/**
 * A repeat caller and a second report of the same problem are recorded on the existing case (its
 * contact_added events), and the article a case was answered from is linked to it (article_linked):
 * both travel between desks as events, recorded once however often they are saved or pushed.
 */
let server: TestServer;
let tenant: SeededTenant;
let north: TestDesk;
let south: TestDesk;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server);
  north = openTestDesk({ deskCode: tenant.desks[0].code });
  south = openTestDesk({ deskCode: tenant.desks[1].code });
}, 120_000);

afterAll(async () => {
  north?.close();
  south?.close();
  await server?.close();
});



const session = (db: WritableDb, desk: SeededDesk) => deskSession(server, tenant, db, desk);

const eventsOf = (desk: TestDesk, caseId: string) => valueOf<{ events: CaseEvent[] }>(desk.call('getCase', { id: caseId })).events;
const handleTime = { talkMs: 42_000, holdMs: 0, wrapUpMs: 5_000 };

describe('contacts and article links between desks', () => {
  it('count a repeat caller and a duplicate report once each on every desk, with the article link', async () => {
    const pothole = valueOf<Case>(
      north.call('createCase', {
        id: newId(),
        channel: 'phone',
        kind: 'service_request',
        serviceCode: 'pothole',
        caller: { anonymous: false, name: 'Rita First', phone: '403-555-0101' },
        location: { addressText: '410 3 Ave S', lat: 49.6935, lng: -112.8418 },
        answers: { pothole_size: 'large', road_position: 'driving_lane' },
        description: 'Deep pothole in the driving lane',
      }),
    );
    const answered = valueOf<Case>(
      north.call('createCase', {
        id: newId(),
        channel: 'chat',
        kind: 'information',
        serviceCode: 'general-information',
        caller: { anonymous: true },
        location: null,
        answers: {},
        description: 'When is garbage day on my street?',
        article: { id: 'kb-collection-days', title: 'Garbage and recycling collection days' },
      }),
    );
    await syncOnce(session(north.db, tenant.desks[0]));
    await syncOnce(session(south.db, tenant.desks[1]));

    // South takes a second report of the pothole, and saves it twice (a retry): one contact.
    const contact = { id: newId(), caseId: pothole.id, channel: 'walk_in', caller: { anonymous: false, name: 'Sam Second' }, reason: 'duplicate_report', handleTime } as const;
    expect(valueOf<{ callerCount: number; reference: string }>(south.call('addContact', contact))).toEqual({ caseId: pothole.id, reference: pothole.reference, callerCount: 2 });
    expect(valueOf<{ callerCount: number }>(south.call('addContact', contact)).callerCount).toBe(2);
    // North hears from the first caller again.
    north.call('addContact', { id: newId(), caseId: pothole.id, channel: 'phone', caller: { anonymous: false, name: 'Rita First', phone: '403-555-0101' }, reason: 'repeat_contact', handleTime });

    await syncOnce(session(south.db, tenant.desks[1]));
    await syncOnce(session(north.db, tenant.desks[0]));
    await syncOnce(session(south.db, tenant.desks[1]));

    for (const desk of [north, south]) {
      const contacts = eventsOf(desk, pothole.id).filter((e) => e.type === 'contact_added');
      expect(contacts.map((e) => e.after?.reason).sort()).toEqual(['duplicate_report', 'repeat_contact']);
      expect(eventsOf(desk, answered.id).filter((e) => e.type === 'article_linked').map((e) => e.after)).toEqual([
        { articleId: 'kb-collection-days', title: 'Garbage and recycling collection days' },
      ]);
      // The case itself did not change: a contact is not an edit.
      expect(valueOf<{ case: Case }>(desk.call('getCase', { id: pothole.id })).case.description).toBe('Deep pothole in the driving lane');
    }
    const digest = (await api<{ digest: string }>(server.url, '/sync/digest', { token: tenant.desks[1].token })).body.digest;
    expect(deskDigest(north.db).digest).toBe(digest);
    expect(deskDigest(south.db).digest).toBe(digest);
  }, 60_000);

  it('refuses a contact on a case this desk does not hold, and records nothing', () => {
    const before = north.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    const answer = north.call('addContact', { id: newId(), caseId: newId(), channel: 'phone', caller: { anonymous: true }, reason: 'repeat_contact', handleTime });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(north.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
  });
});
