import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiftSummary } from '../../../shared/domain/reports';
import { AGENTS, DAY_SHIFT } from '../../../test/fixtures/report-cases';
import { LEAD, openTestDesk, SPECIALIST, type TestDesk } from '../../../test/helpers/desk';
import { addLocalAgents, localMs, writeFixtureCases } from '../../../test/helpers/report-fixtures';

const HOUR = 3_600_000;
const SEC = 1000;

async function summary(desk: TestDesk, input: Record<string, unknown>): Promise<ShiftSummary> {
  const result = await desk.call('shiftSummary', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ShiftSummary;
}

const counts = (rows: readonly { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe('shift summary (on the indexes of migration 8)', () => {
  let desk: TestDesk;
  beforeAll(() => {
    desk = openTestDesk({ agent: LEAD });
    addLocalAgents(desk.db, AGENTS);
    writeFixtureCases(desk.db, DAY_SHIFT);
  });
  afterAll(() => desk.close());

  it("counts a lead's shift from this desk's own cases, figure by figure", async () => {
    desk.signIn(LEAD);
    const s = await summary(desk, { date: '2026-11-26', shift: 'Day' });
    expect(s.shift).toEqual({ name: 'Day', date: '2026-11-26', from: '2026-11-26T14:00:00.000Z', to: '2026-11-26T22:00:00.000Z', hours: 8 });
    expect(s.scope).toEqual({ source: 'desk', team: null, deskCodes: ['D07'], agentId: null, note: "This desk's own cases (D07): this desk has no sync server" });
    expect(s.asOf).toBe('2026-11-26T22:00:00.000Z');
    // c1–c7: not c8 (06:59), c9 (15:00), c13/c15 (desk D09) or c14 (deleted).
    expect(s.interactions).toEqual({ count: 7, filter: {} });
    expect(counts(s.byChannel)).toEqual({ phone: 5, walk_in: 1, chat: 1 });
    expect(s.byChannel[0]).toEqual({ key: 'phone', label: 'Phone', count: 5, share: 5 / 7, filter: { channel: 'phone' } });
    expect(counts(s.byKind)).toEqual({ information: 3, service_request: 2, feedback: 1, transfer: 1 });
    // Ties are ordered by name: General Information before Utility Billing.
    expect(s.byDepartment.map((r) => [r.label, r.count])).toEqual([
      ['General Information', 2],
      ['Utility Billing', 2],
      ['Roads & Snow', 1],
      ['Transit', 1],
      ['Waste & Recycling', 1],
    ]);
    expect(s.byAgent.map((r) => [r.label, r.count, r.filter])).toEqual([
      ['Ana Specialist', 5, { agentId: 'agent-ana' }],
      ['Bo Specialist', 2, { agentId: 'agent-bo' }],
    ]);
    // Talk of the six timed cases (c6 has none): 15, 60, 90, 120, 240, 300 s.
    expect(s.handleTime[0]).toEqual({
      key: 'all',
      label: 'All kinds',
      count: 7,
      timed: 6,
      talk: { mean: 137_500, median: 105 * SEC, p90: 300 * SEC },
      hold: { mean: 15 * SEC, median: 0, p90: 60 * SEC },
      wrapUp: { mean: 26_667, median: 25 * SEC, p90: 60 * SEC },
      filter: {},
    });
    const information = s.handleTime.find((h) => h.key === 'information');
    expect(information).toMatchObject({ count: 3, timed: 3, talk: { mean: 65 * SEC, median: 60 * SEC, p90: 120 * SEC }, hold: { mean: 0, median: 0, p90: 0 }, wrapUp: { mean: 16_667, median: 20 * SEC, p90: 30 * SEC } });
    expect(s.handleTime.find((h) => h.key === 'service_request')).toMatchObject({ count: 2, timed: 1, talk: { mean: 240 * SEC, median: 240 * SEC, p90: 240 * SEC } });
    // Answered, logged, answered, transferred of five wrapped up (callback needed is not first contact).
    expect(s.firstContact).toEqual({ count: 4, of: 5, rate: 0.8, filter: { firstContact: true }, missedFilter: { firstContact: false } });
    expect(s.opened).toEqual({ count: 6, filter: { opened: true } });
    // c1, c3, c4, c5 and c8 (created before the shift) and c11 (from the 20th); not the cancelled c7.
    expect(s.resolved).toEqual({ count: 6, filter: { resolved: true } });
    // c2, c6, c10 open now; c12 resolved after the shift ended.
    expect(s.backlog).toEqual({
      count: 4,
      oldestCreatedAt: new Date(localMs('2026-11-10 10:00')).toISOString(),
      oldestAgeMs: (16 * 24 + 5) * HOUR,
      overdue: 1,
      filter: { openAtEnd: true },
    });
    expect(s.slaBreaches).toEqual({ count: 2, resolvedLate: 1, openOverdue: 1, filter: { slaBreached: true } });
    expect(s.perHour.map((h) => h.count)).toEqual([2, 1, 1, 0, 1, 1, 0, 1]);
    expect(s.perHour[0]).toEqual({ hour: 0, from: '2026-11-26T14:00:00.000Z', to: '2026-11-26T15:00:00.000Z', label: '07:00', count: 2, filter: { hour: 0 } });
  });

  it('keeps the top service types to the number asked for, and says what the rest add up to', async () => {
    desk.signIn(LEAD);
    const s = await summary(desk, { date: '2026-11-26', shift: 'day', top: 3 });
    expect(s.topServiceTypes.rows.map((r) => [r.label, r.count])).toEqual([
      ['Utility Billing Inquiry', 2],
      ['General City Information', 1],
      ['Large Item Collection', 1],
    ]);
    expect(s.topServiceTypes.others).toEqual({ count: 3, items: 3 });
  });

  it("shows a specialist their own cases on any desk, and only theirs", async () => {
    desk.signIn(SPECIALIST);
    const s = await summary(desk, { date: '2026-11-26', shift: 'Day' });
    expect(s.scope).toMatchObject({ source: 'own', agentId: 'agent-ana', deskCodes: null, note: 'Your own cases (Ana Specialist)' });
    // c1, c2, c5, c6, c7 here and c15 at D09.
    expect(s.interactions.count).toBe(6);
    expect(s.byAgent.map((r) => r.key)).toEqual(['agent-ana']);
    // c1, c5, c8, c11, c15.
    expect(s.resolved.count).toBe(5);
    // c2, c6, c10 (c12 is Bo's).
    expect(s.backlog.count).toBe(3);
  });

  it('refuses a shift name the schedule does not have, naming the shifts it has', async () => {
    desk.signIn(LEAD);
    const result = await desk.call('shiftSummary', { date: '2026-11-26', shift: 'Graveyard' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: "shift: there is no shift named 'Graveyard' (shifts: Day, Evening, Night)" } });
  });

  it('gives an empty shift zeros, no averages and no rate', async () => {
    desk.signIn(LEAD);
    const s = await summary(desk, { date: '2026-11-28', shift: 'Day' });
    expect(s.interactions.count).toBe(0);
    expect(s.byChannel.map((r) => [r.count, r.share])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(s.byDepartment).toEqual([]);
    expect(s.handleTime[0]).toMatchObject({ count: 0, timed: 0, talk: { mean: null, median: null, p90: null } });
    expect(s.firstContact).toMatchObject({ count: 0, of: 0, rate: null });
    expect(s.perHour.map((h) => h.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('shifts at the edges of the clock', () => {
  let desk: TestDesk;
  beforeAll(() => {
    desk = openTestDesk({ agent: LEAD, now: Date.parse('2026-12-01T00:00:00Z') });
    const info = { channel: 'phone', kind: 'information', serviceCode: 'general-information', agentId: 'agent-lee', status: 'resolved', disposition: 'answered', talk: 60 } as const;
    writeFixtureCases(desk.db, [
      // Across midnight: the night of 2026-11-26 runs 23:00 to 07:00 on the 27th.
      { ...info, at: '2026-11-26 22:59' },
      { ...info, at: '2026-11-26 23:30' },
      { ...info, at: '2026-11-27 02:00' },
      { ...info, at: '2026-11-27 06:59' },
      { ...info, at: '2026-11-27 07:00' },
      // Clocks go forward at 02:00 on 2026-03-08: 01:30 MST, then 03:30 MDT one hour later.
      { ...info, at: '2026-03-08 01:30' },
      { ...info, at: '2026-03-08 03:30' },
      // Clocks go back at 02:00 on 2026-11-01: 01:30 happens twice.
      { ...info, at: '2026-11-01T01:30:00-06:00' },
      { ...info, at: '2026-11-01T01:30:00-07:00' },
    ]);
  });
  afterAll(() => desk.close());

  it('counts a night shift across midnight on its start date', async () => {
    const s = await summary(desk, { date: '2026-11-26', shift: 'Night' });
    expect(s.shift.hours).toBe(8);
    expect(s.interactions.count).toBe(3);
    expect(s.perHour.map((h) => h.count)).toEqual([1, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('makes the night clocks go forward 7 hours, with no 02:00', async () => {
    const s = await summary(desk, { date: '2026-03-07', shift: 'Night' });
    expect(s.shift).toMatchObject({ from: '2026-03-08T06:00:00.000Z', to: '2026-03-08T13:00:00.000Z', hours: 7 });
    expect(s.perHour.map((h) => [h.label, h.count])).toEqual([
      ['23:00', 0],
      ['00:00', 0],
      ['01:00', 1],
      ['03:00', 1],
      ['04:00', 0],
      ['05:00', 0],
      ['06:00', 0],
    ]);
  });

  it('makes the night clocks go back 9 hours, with both 01:00 hours apart', async () => {
    const s = await summary(desk, { date: '2026-10-31', shift: 'Night' });
    expect(s.shift).toMatchObject({ from: '2026-11-01T05:00:00.000Z', to: '2026-11-01T14:00:00.000Z', hours: 9 });
    expect(s.interactions.count).toBe(2);
    expect(s.perHour.slice(1, 5).map((h) => [h.label, h.count])).toEqual([
      ['00:00', 0],
      ['01:00 MDT', 1],
      ['01:00 MST', 1],
      ['02:00', 0],
    ]);
  });

  it('without a date and shift, summarises the shift under way, measuring the backlog now', async () => {
    desk.clock.now = localMs('2026-11-27 03:00');
    const s = await summary(desk, {});
    expect(s.shift).toMatchObject({ name: 'Night', date: '2026-11-26' });
    expect(s.asOf).toBe(new Date(desk.clock.now).toISOString());
    const schedule = desk.call('getShiftSchedule', {});
    expect(schedule).toMatchObject({ ok: true, value: { current: { shift: 'Night', date: '2026-11-26' }, canEdit: true, timeZone: 'America/Edmonton' } });
  });
});
