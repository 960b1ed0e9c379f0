import { newId, type Case } from '../../shared/domain';
import type { WritableDb } from '../../main/core/db/connection';
import { ServerApi } from '../../main/core/sync/server-api';
import type { SyncSession } from '../../main/core/sync/sync-cycle';
import type { SeededDesk, SeededTenant, TestServer } from './server';

/** A sync session for a test desk database, signing in as a seeded desk over real fetch. */
export function deskSession(server: TestServer, tenant: SeededTenant, db: WritableDb, desk: SeededDesk, stopped: () => boolean = () => false): SyncSession {
  return {
    db,
    api: new ServerApi(server.url, (url, init) => fetch(url, init)),
    settings: { serverUrl: server.url, tenant: tenant.tenant, deskSecret: desk.secret },
    deskCode: desk.code,
    now: Date.now,
    token: { value: null },
    isStopped: stopped,
  };
}

/** The value of a console answer, or the answer's error thrown: for set-up steps that must succeed. */
export function valueOf<T>(answer: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}

/** Logs an information request from Marguerite Olsen through the console API (a desk in a sync test). */
export function logInformationCase(desk: { call: (name: 'createCase', input: unknown) => unknown }, description: string): Case {
  const answer = desk.call('createCase', {
    id: newId(),
    channel: 'phone',
    kind: 'information',
    serviceCode: 'general-information',
    caller: { anonymous: false, name: 'Marguerite Olsen' },
    location: null,
    answers: {},
    description,
  }) as { ok: true; value: unknown } | { ok: false; error: { message: string } };
  return valueOf<Case>(answer);
}
