import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain';
import type { ExportedFile } from '../../../shared/contract';
import type { PeriodReport, ShiftSummary } from '../../../shared/domain/reports';
import { DAY_SHIFT, YEAR_2026 } from '../../../test/fixtures/report-cases';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { writeFixtureCases } from '../../../test/helpers/report-fixtures';
import { pushFixtureCases } from '../../../test/helpers/report-server';
import { seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../../test/helpers/server';
import type { DeskState } from '../desk-session';
import { writeSyncSettings } from '../sync/sync-store';

/**
 * A lead at desk D07, signed in with a city account: the shift summary and the period report come
 * from the server (every desk of team north) while it answers, and from this desk when it does not.
 */
let server: TestServer;
let seed: SeededTenant;
let desk: TestDesk;
let lead: Agent;

const state = (): DeskState => desk.deps;

function signInCentrally(token: string, expiresAt = new Date(Date.now() + 600_000).toISOString()): void {
  desk.signIn(lead);
  state().serverSession = { agentId: lead.id, token, expiresAt };
}

async function call<T>(name: 'shiftSummary' | 'periodReport' | 'exportReport', input: Record<string, unknown>): Promise<T> {
  const result = await desk.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedTenant(server, { deskCodes: ['D07', 'D09'] });
  // The server holds a second D07 case on the Day shift that this desk has not pulled yet.
  await pushFixtureCases(server, seed, [...DAY_SHIFT, ...YEAR_2026, { ...DAY_SHIFT[0]!, at: '2026-11-26 14:00' }]);
  lead = { id: seed.lead.user.id, name: 'Lee Lead', role: 'lead' };
  desk = openTestDesk({ agent: lead, now: Date.now() });
  writeFixtureCases(desk.db, [...DAY_SHIFT, ...YEAR_2026]);
  writeSyncSettings(desk.db, { serverUrl: server.url, tenant: seed.tenant, deskSecret: seed.desks[0].secret });
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  desk?.close();
  await server?.close();
});

describe('team reports at a desk', () => {
  it('shows a lead signed in with a city account the team, from the server', async () => {
    signInCentrally(seed.lead.token);
    const s = await call<ShiftSummary>('shiftSummary', { date: '2026-11-26', shift: 'Day' });
    expect(s.scope).toMatchObject({ source: 'team', team: 'north', deskCodes: ['D07'] });
    expect(s.interactions.count).toBe(8);
    const r = await call<PeriodReport>('periodReport', { from: '2026-01-01', to: '2026-12-31' });
    expect(r.scope.source).toBe('team');
    const file = await call<ExportedFile>('exportReport', { kind: 'shift', date: '2026-11-26', shift: 'Day', format: 'csv' });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('Team north: every desk of the team (1)');
  });

  it("falls back to this desk's own cases, saying why, when the server cannot be reached", async () => {
    signInCentrally(seed.lead.token);
    const url = server.url;
    writeSyncSettings(desk.db, { serverUrl: 'http://127.0.0.1:9', tenant: seed.tenant, deskSecret: seed.desks[0].secret });
    const s = await call<ShiftSummary>('shiftSummary', { date: '2026-11-26', shift: 'Day' });
    writeSyncSettings(desk.db, { serverUrl: url, tenant: seed.tenant, deskSecret: seed.desks[0].secret });
    expect(s.scope.source).toBe('desk');
    expect(s.scope.note).toMatch(/^This desk's own cases \(D07\): the sync server at http:\/\/127\.0\.0\.1:9 cannot be reached/);
    expect(s.interactions.count).toBe(7);
  });

  it('falls back when the sign-in has expired or the server refuses it', async () => {
    signInCentrally(seed.lead.token, new Date(Date.now() - 1000).toISOString());
    const expired = await call<ShiftSummary>('shiftSummary', { date: '2026-11-26', shift: 'Day' });
    expect(expired.scope.note).toContain('your sign-in with the sync server has expired');
    signInCentrally('forged.token');
    const refused = await call<ShiftSummary>('shiftSummary', { date: '2026-11-26', shift: 'Day' });
    expect(refused.scope).toMatchObject({ source: 'desk', note: expect.stringContaining('the sync server refused: the token') });
  });

  it('keeps a lead with a local profile on this desk', async () => {
    desk.signIn({ id: 'agent-local-lead', name: 'Local Lead', role: 'lead' });
    const s = await call<ShiftSummary>('shiftSummary', { date: '2026-11-26', shift: 'Day' });
    expect(s.scope).toMatchObject({ source: 'desk', note: "This desk's own cases (D07): team figures need a sign-in with your city account while the sync server is reachable" });
  });
});
