import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/contract';
import type { PeriodReport, ReportCaseFilter, ReportScope, ShiftSummary } from '../../../shared/domain/reports';
import { AGENTS, DAY_SHIFT, YEAR_2026 } from '../../../test/fixtures/report-cases';
import { LEAD, openTestDesk, SPECIALIST, type TestDesk } from '../../../test/helpers/desk';
import { addLocalAgents, writeFixtureCases } from '../../../test/helpers/report-fixtures';

/** Every case behind a figure, walking all pages (pages of 2, so the cursor is exercised). */
function drill(desk: TestDesk, window: { from: string; to: string }, scope: ReportScope, filter: ReportCaseFilter): CaseSummary[] {
  const items: CaseSummary[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = desk.call('reportCases', { window, scope, filter, limit: 2, ...(cursor ? { cursor } : {}) });
    if (!result.ok) throw new Error(result.error.message);
    const page = result.value as { items: CaseSummary[]; nextCursor: string | null };
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}

type Figure = { name: string; count: number; filter: ReportCaseFilter };

function shiftFigures(s: ShiftSummary): Figure[] {
  const rows = (name: string, list: readonly { key: string; count: number; filter: ReportCaseFilter }[]) => list.map((r) => ({ name: `${name} ${r.key}`, count: r.count, filter: r.filter }));
  return [
    { name: 'interactions', ...s.interactions },
    { name: 'opened', ...s.opened },
    { name: 'resolved', ...s.resolved },
    { name: 'backlog', ...s.backlog },
    { name: 'sla breaches', ...s.slaBreaches },
    { name: 'first contact', count: s.firstContact.count, filter: s.firstContact.filter },
    { name: 'not first contact', count: s.firstContact.of - s.firstContact.count, filter: s.firstContact.missedFilter },
    ...rows('channel', s.byChannel),
    ...rows('kind', s.byKind),
    ...rows('department', s.byDepartment),
    ...rows('service', s.topServiceTypes.rows),
    ...rows('agent', s.byAgent),
    ...s.perHour.map((h) => ({ name: `hour ${h.label}`, count: h.count, filter: h.filter })),
    ...s.handleTime.map((h) => ({ name: `handle time ${h.key}`, count: h.count, filter: h.filter })),
  ];
}

function periodFigures(r: PeriodReport): Figure[] {
  const rows = (name: string, list: readonly { key: string; count: number; filter: ReportCaseFilter }[]) => list.map((x) => ({ name: `${name} ${x.key}`, count: x.count, filter: x.filter }));
  return [
    { name: 'total', ...r.total },
    { name: 'information', ...r.information },
    { name: 'service requests', ...r.serviceRequests },
    { name: 'first contact', count: r.firstContact.count, filter: r.firstContact.filter },
    { name: 'not first contact', count: r.firstContact.of - r.firstContact.count, filter: r.firstContact.missedFilter },
    ...rows('kind', r.byKind),
    ...rows('channel', r.byChannel),
    ...rows('department', r.byDepartment.rows),
    ...rows('service', r.topServiceTypes.rows),
    ...r.byMonth.map((m) => ({ name: `month ${m.month}`, count: m.count, filter: m.filter })),
  ];
}

describe('drill-down (on the indexes of migration 8)', () => {
  let desk: TestDesk;
  beforeAll(() => {
    desk = openTestDesk({ agent: LEAD, now: Date.parse('2027-01-05T12:00:00Z') });
    addLocalAgents(desk.db, AGENTS);
    writeFixtureCases(desk.db, [...DAY_SHIFT, ...YEAR_2026]);
  });
  afterAll(() => desk.close());

  it('lists exactly the cases behind every figure of a shift summary, newest first', async () => {
    for (const agent of [LEAD, SPECIALIST]) {
      desk.signIn(agent);
      const result = await desk.call('shiftSummary', { date: '2026-11-26', shift: 'Day' });
      if (!result.ok) throw new Error(result.error.message);
      const s = result.value as ShiftSummary;
      const window = { from: s.shift.from, to: s.shift.to };
      for (const figure of shiftFigures(s)) {
        const cases = drill(desk, window, s.scope, figure.filter);
        expect(cases.length, `${agent.role}: ${figure.name}`).toBe(figure.count);
        expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
        const times = cases.map((c) => c.createdAt);
        expect(times).toEqual([...times].sort().reverse());
      }
    }
  });

  it('lists exactly the cases behind every figure of a period report', async () => {
    desk.signIn(LEAD);
    const result = await desk.call('periodReport', { from: '2026-01-01', to: '2026-12-31' });
    if (!result.ok) throw new Error(result.error.message);
    const r = result.value as PeriodReport;
    for (const figure of periodFigures(r)) {
      expect(drill(desk, { from: r.period.fromAt, to: r.period.toAt }, r.scope, figure.filter).length, figure.name).toBe(figure.count);
    }
  });

  it("lists a specialist's own cases whatever scope comes back", () => {
    desk.signIn(SPECIALIST);
    const window = { from: '2026-11-26T14:00:00.000Z', to: '2026-11-26T22:00:00.000Z' };
    const asked = drill(desk, window, { source: 'desk', team: null, deskCodes: ['D07', 'D09'], agentId: null, note: '' }, {});
    desk.signIn(LEAD);
    expect(asked).toHaveLength(6);
  });

  it('lists the slice of a shift hour and nothing for an hour the shift does not have', () => {
    const window = { from: '2026-11-26T14:00:00.000Z', to: '2026-11-26T22:00:00.000Z' };
    const scope: ReportScope = { source: 'desk', team: null, deskCodes: ['D07'], agentId: null, note: '' };
    expect(drill(desk, window, scope, { hour: 0 }).map((c) => c.summary)).toEqual(['fixture 2026-11-26 07:40 service_request', 'fixture 2026-11-26 07:10 information']);
    expect(drill(desk, window, scope, { hour: 9 })).toEqual([]);
  });
});
