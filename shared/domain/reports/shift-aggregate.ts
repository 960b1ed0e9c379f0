import { CASE_KINDS, CHANNELS, type CaseKind, type CaseStatus, type Channel } from '../enums';
import { hoursOf, HOUR_MS, type Window } from './calendar';
import { fixedRows, rankedRows, Tally, topList } from './breakdown';
import { breachesSla, CHANNEL_LABELS, isFirstContact, KIND_LABELS, type ReportLabels } from './labels';
import type { HandleTimeRow, ReportScope, ShiftSummary } from './report-schemas';
import { durationStats, rateOf } from './stats';

/**
 * The shift summary as one pure function over three small sets of rows, so the desk (SQLite) and
 * the server (PostgreSQL) fetch the same facts and compute every figure the same way.
 */

/** A case created in the shift. */
export interface ShiftCaseRow {
  createdAt: number;
  channel: Channel;
  kind: CaseKind;
  serviceCode: string;
  departmentCode: string;
  agentId: string;
  status: CaseStatus;
  disposition: string | null;
  talkMs: number;
  holdMs: number;
  wrapUpMs: number;
}

/** A case resolved, closed or cancelled in the shift (whenever it was created). */
export interface SettledCaseRow {
  createdAt: number;
  settledAt: number;
  kind: CaseKind;
  serviceCode: string;
  status: CaseStatus;
}

/**
 * The cases created before the shift's end and not yet settled then: how many, the oldest, and
 * each open service request (only theirs are checked against an SLA; a backlog is tens of
 * thousands of cases, most of them information requests, so the others come as a count).
 */
export interface OpenAtEnd {
  count: number;
  oldestAt: number | null;
  serviceRequests: readonly { createdAt: number; serviceCode: string }[];
}

export interface ShiftFacts {
  created: readonly ShiftCaseRow[];
  settled: readonly SettledCaseRow[];
  openAtEnd: OpenAtEnd;
}

export interface ShiftContext {
  window: Window;
  shift: { name: string; date: string } | null;
  timeZone: string;
  /** The shift's end, or now while it is under way. */
  asOf: number;
  generatedAt: number;
  top: number;
  scope: ReportScope;
  labels: ReportLabels;
}

const iso = (ms: number) => new Date(ms).toISOString();

function handleTimeRow(key: CaseKind | 'all', label: string, rows: readonly ShiftCaseRow[]): HandleTimeRow {
  const timed = rows.filter((r) => r.talkMs + r.holdMs + r.wrapUpMs > 0);
  return {
    key,
    label,
    count: rows.length,
    timed: timed.length,
    talk: durationStats(timed.map((r) => r.talkMs)),
    hold: durationStats(timed.map((r) => r.holdMs)),
    wrapUp: durationStats(timed.map((r) => r.wrapUpMs)),
    filter: key === 'all' ? {} : { kind: key },
  };
}

const isResolution = (status: CaseStatus) => status === 'resolved' || status === 'closed';

export function summarizeShift(facts: ShiftFacts, context: ShiftContext): ShiftSummary {
  const { created, settled, openAtEnd } = facts;
  const { window, labels, asOf } = context;
  const total = created.length;
  const channels = new Tally();
  const kinds = new Tally();
  const departments = new Tally();
  const services = new Tally();
  const agents = new Tally();
  const hours = hoursOf(window, context.timeZone);
  const perHour = new Array<number>(hours.length).fill(0);
  let firstContact = 0;
  let wrappedUp = 0;
  let opened = 0;
  for (const c of created) {
    channels.add(c.channel);
    kinds.add(c.kind);
    departments.add(c.departmentCode);
    services.add(c.serviceCode);
    agents.add(c.agentId);
    const hour = Math.floor((c.createdAt - window.from) / HOUR_MS);
    if (hour >= 0 && hour < perHour.length) perHour[hour]! += 1;
    if (c.disposition !== null) wrappedUp += 1;
    if (isFirstContact(c.disposition)) firstContact += 1;
    if (c.status !== 'cancelled') opened += 1;
  }
  const serviceRequest = (kind: CaseKind) => kind === 'service_request';
  const resolved = settled.filter((s) => isResolution(s.status));
  const resolvedLate = resolved.filter((s) => serviceRequest(s.kind) && breachesSla(s.createdAt, s.settledAt, labels.slaMs(s.serviceCode))).length;
  const overdue = openAtEnd.serviceRequests.filter((o) => breachesSla(o.createdAt, asOf, labels.slaMs(o.serviceCode))).length;
  const oldest = openAtEnd.oldestAt;

  return {
    shift: {
      name: context.shift?.name ?? null,
      date: context.shift?.date ?? null,
      from: iso(window.from),
      to: iso(window.to),
      hours: (window.to - window.from) / HOUR_MS,
    },
    timeZone: context.timeZone,
    asOf: iso(asOf),
    generatedAt: iso(context.generatedAt),
    scope: context.scope,
    top: context.top,
    interactions: { count: total, filter: {} },
    byChannel: fixedRows(CHANNELS, channels, { total, label: (k) => CHANNEL_LABELS[k as Channel], filter: (k) => ({ channel: k as Channel }) }),
    byKind: fixedRows(CASE_KINDS, kinds, { total, label: (k) => KIND_LABELS[k as CaseKind], filter: (k) => ({ kind: k as CaseKind }) }),
    byDepartment: rankedRows(departments, { total, label: labels.department, filter: (k) => ({ departmentCode: k }) }),
    topServiceTypes: topList(services, context.top, { total, label: labels.service, filter: (k) => ({ serviceCode: k }) }),
    byAgent: rankedRows(agents, { total, label: labels.agent, filter: (k) => ({ agentId: k }) }),
    handleTime: [
      handleTimeRow('all', 'All kinds', created),
      ...CASE_KINDS.map((kind) => handleTimeRow(kind, KIND_LABELS[kind], created.filter((c) => c.kind === kind))),
    ],
    firstContact: { count: firstContact, of: wrappedUp, rate: rateOf(firstContact, wrappedUp), filter: { firstContact: true }, missedFilter: { firstContact: false } },
    opened: { count: opened, filter: { opened: true } },
    resolved: { count: resolved.length, filter: { resolved: true } },
    backlog: {
      count: openAtEnd.count,
      oldestCreatedAt: oldest === null ? null : iso(oldest),
      oldestAgeMs: oldest === null ? null : Math.max(0, asOf - oldest),
      overdue,
      filter: { openAtEnd: true },
    },
    slaBreaches: { count: resolvedLate + overdue, resolvedLate, openOverdue: overdue, filter: { slaBreached: true } },
    perHour: hours.map((h, i) => ({ hour: h.hour, from: iso(h.from), to: iso(h.to), label: h.label, count: perHour[i]!, filter: { hour: h.hour } })),
  };
}
