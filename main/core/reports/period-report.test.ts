import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../../shared/domain/reports';
import { YEAR_2026 } from '../../../test/fixtures/report-cases';
import { LEAD, openTestDesk, SPECIALIST, type TestDesk } from '../../../test/helpers/desk';
import { localMs, writeFixtureCases } from '../../../test/helpers/report-fixtures';

async function report(desk: TestDesk, input: Record<string, unknown>): Promise<PeriodReport> {
  const result = await desk.call('periodReport', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PeriodReport;
}

const counts = (rows: readonly { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
const iso = (local: string) => new Date(localMs(local)).toISOString();

describe('period report (on the indexes of migration 8)', () => {
  let desk: TestDesk;
  beforeAll(() => {
    desk = openTestDesk({ agent: LEAD, now: Date.parse('2027-01-05T12:00:00Z') });
    writeFixtureCases(desk.db, YEAR_2026);
  });
  afterAll(() => desk.close());

  it("counts the year's figures, local dates both included", async () => {
    const r = await report(desk, { from: '2026-01-01', to: '2026-12-31', top: 2 });
    expect(r.period).toEqual({ from: '2026-01-01', to: '2026-12-31', fromAt: '2026-01-01T07:00:00.000Z', toAt: '2027-01-01T07:00:00.000Z', days: 365 });
    expect(r.scope).toMatchObject({ source: 'desk', deskCodes: ['D07'] });
    // 2026-01-01 00:30 and 2026-12-31 23:30 count; 2025-12-31 23:59, 2027-01-01 00:00, the deleted and D09's do not.
    expect(r.total).toEqual({ count: 12, filter: {} });
    expect(r.information).toEqual({ count: 6, filter: { kind: 'information' } });
    expect(r.serviceRequests).toEqual({ count: 4, filter: { kind: 'service_request' } });
    expect(counts(r.byKind)).toEqual({ information: 6, service_request: 4, feedback: 1, transfer: 1 });
    expect(r.byDepartment.rows.map((d) => [d.label, d.count, d.filter])).toEqual([
      ['General Information', 4, { departmentCode: 'general_info' }],
      ['Utility Billing', 3, { departmentCode: 'utility_billing' }],
    ]);
    expect(r.byDepartment.others).toEqual({ count: 5, items: 3 });
    expect(r.topServiceTypes.rows.map((t) => [t.label, t.count])).toEqual([
      ['General City Information', 3],
      ['Large Item Collection', 3],
    ]);
    expect(r.topServiceTypes.others).toEqual({ count: 6, items: 4 });
    // Answered ×5, logged ×3, transferred ×1 of 11 wrapped up (the open October case has no disposition).
    expect(r.firstContact).toMatchObject({ count: 9, of: 11, rate: 9 / 11 });
  });

  it('counts by month and names the busiest', async () => {
    const r = await report(desk, { from: '2026-01-01', to: '2026-12-31' });
    expect(r.byMonth.map((m) => m.count)).toEqual([2, 0, 0, 0, 0, 5, 0, 0, 0, 3, 1, 1]);
    expect(r.byMonth[5]).toEqual({
      month: '2026-06',
      label: 'June 2026',
      from: iso('2026-06-01 00:00'),
      to: iso('2026-07-01 00:00'),
      count: 5,
      byChannel: { phone: 4, walk_in: 1, chat: 0 },
      filter: { month: '2026-06' },
    });
    expect(r.busiestMonth).toEqual({ month: '2026-06', label: 'June 2026', count: 5 });
  });

  it("gives each channel its share, and its share since its first case (chat opened on 1 October)", async () => {
    const r = await report(desk, { from: '2026-01-01', to: '2026-12-31' });
    const [phone, walkIn, chat] = r.byChannel;
    expect(phone).toMatchObject({ key: 'phone', count: 9, share: 9 / 12, firstCaseAt: iso('2026-01-01 00:30'), sinceFirstCase: { total: 12, share: 9 / 12 } });
    // From 10 June noon: the walk-in itself, the 20 June feedback, then 3 + 1 + 1.
    expect(walkIn).toMatchObject({ key: 'walk_in', count: 1, firstCaseAt: iso('2026-06-10 12:00'), sinceFirstCase: { total: 7, share: 1 / 7 } });
    // From 1 October 10:00: not that morning's 08:00 call; the chat, 20 October, November, December.
    expect(chat).toMatchObject({ key: 'chat', count: 2, share: 2 / 12, firstCaseAt: iso('2026-10-01 10:00'), sinceFirstCase: { total: 4, share: 0.5 } });
  });

  it('clips months to a period that starts and ends mid-month', async () => {
    const r = await report(desk, { from: '2026-06-05', to: '2026-10-01' });
    expect(r.byMonth.map((m) => [m.month, m.count])).toEqual([
      ['2026-06', 5],
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', 0],
      ['2026-10', 2],
    ]);
    expect(r.byMonth[0]!.from).toBe(iso('2026-06-05 00:00'));
    expect(r.byMonth.at(-1)!.to).toBe(iso('2026-10-02 00:00'));
  });

  it('gives an empty period zeros, no busiest month and no rate', async () => {
    const r = await report(desk, { from: '2024-02-01', to: '2024-02-29' });
    expect(r.total.count).toBe(0);
    expect(r.period.days).toBe(29);
    expect(r.byMonth).toEqual([expect.objectContaining({ month: '2024-02', count: 0 })]);
    expect(r.busiestMonth).toBeNull();
    expect(r.byChannel.map((c) => [c.count, c.firstCaseAt, c.sinceFirstCase])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    expect(r.firstContact).toMatchObject({ count: 0, of: 0, rate: null });
    expect(r.byDepartment).toEqual({ rows: [], others: { count: 0, items: 0 } });
  });

  it('counts the cases answered from each article, within the period and the scope', async () => {
    const link = desk.db.prepare("INSERT INTO case_events (id, case_id, type, actor_id, at, before, after) VALUES (?, ?, 'article_linked', 'agent-lee', ?, NULL, ?)");
    const cases = desk.db.prepare("SELECT id FROM cases WHERE desk_code = 'D07' AND deleted_at IS NULL ORDER BY seq").pluck().all() as string[];
    const other = desk.db.prepare("SELECT id FROM cases WHERE desk_code <> 'D07' LIMIT 1").pluck().get() as string;
    const body = (id: string, title: string) => JSON.stringify({ articleId: id, title });
    link.run('link-1', cases[0], localMs('2026-03-01 10:00'), body('kb-days', 'Collection days'));
    link.run('link-2', cases[1], localMs('2026-04-01 10:00'), body('kb-days', 'Collection days'));
    link.run('link-3', cases[2], localMs('2026-05-01 10:00'), body('kb-bill', 'Paying a utility bill'));
    link.run('link-4', cases[3], localMs('2027-02-01 10:00'), body('kb-bill', 'Paying a utility bill')); // after the period
    link.run('link-5', other, localMs('2026-05-01 10:00'), body('kb-bill', 'Paying a utility bill')); // another desk's case
    const r = await report(desk, { from: '2026-01-01', to: '2026-12-31' });
    expect(r.answeredFromArticles).toEqual([
      { articleId: 'kb-days', title: 'Collection days', count: 2 },
      { articleId: 'kb-bill', title: 'Paying a utility bill', count: 1 },
    ]);
    expect((await report(desk, { from: '2026-01-01', to: '2026-12-31', top: 1 })).answeredFromArticles).toHaveLength(1);
  });

  it('is for leads and admins only', async () => {
    desk.signIn(SPECIALIST);
    const refused = await desk.call('periodReport', { from: '2026-01-01', to: '2026-12-31' });
    desk.signIn(LEAD);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
