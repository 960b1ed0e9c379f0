import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeriodReportSchema, ShiftSummarySchema, type PeriodReport, type ShiftSummary } from '../../shared/domain/reports';
import { SyncErrorSchema } from '../../shared/sync';
import { DAY_SHIFT, YEAR_2026 } from '../../test/fixtures/report-cases';
import { LEAD, openTestDesk, type TestDesk } from '../../test/helpers/desk';
import { writeFixtureCases } from '../../test/helpers/report-fixtures';
import { pushFixtureCases } from '../../test/helpers/report-server';
import { api, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../test/helpers/server';

let server: TestServer;
let seed: SeededTenant;
/** A desk holding the same fixtures as D07 alone: the server's team figures must be its figures. */
let desk: TestDesk;

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedTenant(server, { deskCodes: ['D07', 'D09'] });
  await pushFixtureCases(server, seed, [...DAY_SHIFT, ...YEAR_2026]);
  desk = openTestDesk({ agent: LEAD, now: Date.now() });
  writeFixtureCases(desk.db, [...DAY_SHIFT, ...YEAR_2026]);
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  desk?.close();
  await server?.close();
});

const SHIFT = '/reports/shift?from=2026-11-26T14:00:00.000Z&to=2026-11-26T22:00:00.000Z&timeZone=America/Edmonton&name=Day&date=2026-11-26';
const PERIOD = '/reports/period?from=2026-01-01&to=2026-12-31&timeZone=America/Edmonton&top=3';

/** The figures, without who asked and when, and without the agents' names (the server names users; the desk its profiles). */
function shiftFigures(summary: ShiftSummary) {
  const { scope: _scope, generatedAt: _generated, asOf: _asOf, ...rest } = summary;
  return { ...rest, byAgent: rest.byAgent.map((a) => ({ ...a, label: '' })) };
}
function periodFigures(report: PeriodReport) {
  const { scope: _scope, generatedAt: _generated, ...rest } = report;
  return rest;
}

describe('GET /reports/shift', () => {
  it("gives a lead their team's desks, with the same figures a desk computes from the same cases", async () => {
    const response = await api(server.url, SHIFT, { token: seed.lead.token });
    expect(response.status).toBe(200);
    const summary = ShiftSummarySchema.parse(response.body);
    expect(summary.scope).toEqual({ source: 'team', team: 'north', deskCodes: ['D07'], agentId: null, note: 'Team north: every desk of the team (1), from the sync server' });
    expect(summary.interactions.count).toBe(7);
    const local = await desk.call('shiftSummary', { date: '2026-11-26', shift: 'Day' });
    if (!local.ok) throw new Error(local.error.message);
    expect(shiftFigures(summary)).toEqual(shiftFigures(local.value as ShiftSummary));
  });

  it("gives an admin every desk of the city", async () => {
    const response = await api(server.url, SHIFT, { token: seed.admin.token });
    const summary = ShiftSummarySchema.parse(response.body);
    expect(summary.scope).toMatchObject({ source: 'team', team: null, deskCodes: ['D07', 'D09'] });
    // c1–c7 and the two cases logged at D09 (c13, c15).
    expect(summary.interactions.count).toBe(9);
    expect(summary.byAgent.find((a) => a.key === seed.lead.user.id)).toBeUndefined();
  });

  it.each([
    ['no token', undefined, 401, 'unauthorized'],
    ['a specialist', 'specialist', 403, 'forbidden'],
    ['a desk', 'desk', 403, 'forbidden'],
  ] as const)('refuses %s', async (_, who, status, code) => {
    const token = who === 'specialist' ? seed.specialist.token : who === 'desk' ? seed.desks[0].token : undefined;
    const response = await api(server.url, SHIFT, token ? { token } : {});
    expect(response.status).toBe(status);
    expect(SyncErrorSchema.parse(response.body).error.code).toBe(code);
  });

  it('names what is wrong with the query', async () => {
    const response = await api(server.url, '/reports/shift?from=2026-11-26T22:00:00Z&to=2026-11-26T14:00:00Z&timeZone=Mars/Olympus', { token: seed.lead.token });
    expect(response.status).toBe(400);
    const error = SyncErrorSchema.parse(response.body).error;
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['from', 'timeZone']);
    const backwards = await api(server.url, '/reports/shift?from=2026-11-26T22:00:00Z&to=2026-11-26T14:00:00Z', { token: seed.lead.token });
    expect(SyncErrorSchema.parse(backwards.body).error.message).toContain('from: must be before to');
  });
});

describe('GET /reports/period', () => {
  it('gives a lead the period report of their team, equal to the desk’s', async () => {
    const response = await api(server.url, PERIOD, { token: seed.lead.token });
    expect(response.status).toBe(200);
    const report = PeriodReportSchema.parse(response.body);
    const local = await desk.call('periodReport', { from: '2026-01-01', to: '2026-12-31', top: 3 });
    if (!local.ok) throw new Error(local.error.message);
    expect(periodFigures(report)).toEqual(periodFigures(local.value as PeriodReport));
    expect(report.byChannel.find((c) => c.key === 'chat')?.firstCaseAt).toBe('2026-10-01T16:00:00.000Z');
  });

  it('refuses specialists and unauthenticated callers', async () => {
    expect((await api(server.url, PERIOD, { token: seed.specialist.token })).status).toBe(403);
    expect((await api(server.url, PERIOD)).status).toBe(401);
  });

  it('gives an empty period zeros', async () => {
    const response = await api(server.url, '/reports/period?from=2024-02-01&to=2024-02-29&timeZone=America/Edmonton', { token: seed.lead.token });
    expect(PeriodReportSchema.parse(response.body)).toMatchObject({ total: { count: 0 }, busiestMonth: null, period: { days: 29 } });
  });
});
