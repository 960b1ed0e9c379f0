import type { Answers, Case, Caller, CaseStatus, Location } from '../../../shared/domain';
import type { CaseSummary } from '../../../shared/contract';

/** A row of the cases table, as the SQLite driver returns it. */
export interface CaseRow {
  seq: number;
  id: string;
  reference: string;
  desk_code: string;
  agent_id: string;
  channel: Case['channel'];
  kind: Case['kind'];
  service_code: string;
  department_code: string;
  priority: Case['priority'];
  status: CaseStatus;
  status_epoch: number;
  status_rank: number;
  caller_anonymous: 0 | 1;
  caller_name: string | null;
  caller_phone: string | null;
  caller_phone_digits: string | null;
  caller_email: string | null;
  address_id: string | null;
  address_text: string | null;
  lat: number | null;
  lng: number | null;
  answers: string;
  description: string;
  disposition: Case['disposition'];
  wrap_up_note: string | null;
  resolution_note: string | null;
  talk_ms: number;
  hold_ms: number;
  wrap_up_ms: number;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  closed_at: number | null;
  deleted_at: number | null;
  version: number;
}

export const CASE_COLUMNS = `seq, id, reference, desk_code, agent_id, channel, kind, service_code, department_code, priority,
  status, status_epoch, status_rank, caller_anonymous, caller_name, caller_phone, caller_phone_digits, caller_email,
  address_id, address_text, lat, lng, answers, description, disposition, wrap_up_note, resolution_note,
  talk_ms, hold_ms, wrap_up_ms, created_at, updated_at, resolved_at, closed_at, deleted_at, version`;

/** The columns of a case summary, optionally qualified by a table alias (for joins with the search index). */
export function summaryColumns(alias = ''): string {
  const plain = ['id', 'reference', 'status', 'kind', 'channel', 'service_code', 'department_code', 'priority', 'caller_name', 'caller_phone', 'address_text', 'created_at'];
  return [...plain.map((column) => `${alias}${column}`), `substr(${alias}description, 1, 200) AS description`].join(', ');
}
export const SUMMARY_COLUMNS = summaryColumns();
export const SUMMARY_COLUMNS_OF_C = summaryColumns('c.');

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export const phoneDigits = (phone: string | undefined | null): string | null => {
  const digits = phone ? phone.replace(/\D/g, '') : '';
  return digits.length > 0 ? digits : null;
};

function callerOf(row: CaseRow): Caller {
  if (row.caller_anonymous === 1) return { anonymous: true };
  return {
    anonymous: false,
    name: row.caller_name ?? '',
    ...(row.caller_phone ? { phone: row.caller_phone } : {}),
    ...(row.caller_email ? { email: row.caller_email } : {}),
  };
}

function locationOf(row: CaseRow): Location | null {
  const location: Location = {
    ...(row.address_id ? { addressId: row.address_id } : {}),
    ...(row.address_text ? { addressText: row.address_text } : {}),
    ...(row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : {}),
  };
  return Object.keys(location).length > 0 ? location : null;
}

export function caseFromRow(row: CaseRow): Case {
  return {
    id: row.id,
    reference: row.reference,
    deskCode: row.desk_code,
    agentId: row.agent_id,
    channel: row.channel,
    kind: row.kind,
    serviceCode: row.service_code,
    departmentCode: row.department_code,
    priority: row.priority,
    status: row.status,
    statusEpoch: row.status_epoch,
    statusRank: row.status_rank,
    caller: callerOf(row),
    location: locationOf(row),
    answers: JSON.parse(row.answers) as Answers,
    description: row.description,
    disposition: row.disposition,
    wrapUpNote: row.wrap_up_note,
    resolutionNote: row.resolution_note,
    handleTime: { talkMs: row.talk_ms, holdMs: row.hold_ms, wrapUpMs: row.wrap_up_ms },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    resolvedAt: isoOrNull(row.resolved_at),
    closedAt: isoOrNull(row.closed_at),
    version: row.version,
  };
}

export interface SummaryRow {
  id: string;
  reference: string;
  status: CaseSummary['status'];
  kind: CaseSummary['kind'];
  channel: CaseSummary['channel'];
  service_code: string;
  department_code: string;
  priority: CaseSummary['priority'];
  caller_name: string | null;
  caller_phone: string | null;
  address_text: string | null;
  description: string;
  created_at: number;
}

export const summaryFromRow = (row: SummaryRow): CaseSummary => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  kind: row.kind,
  channel: row.channel,
  serviceCode: row.service_code,
  departmentCode: row.department_code,
  priority: row.priority,
  callerName: row.caller_name,
  callerPhone: row.caller_phone,
  addressText: row.address_text,
  summary: row.description,
  createdAt: iso(row.created_at),
});

/** The columns a Case maps onto, for INSERT and UPDATE alike. */
export function rowValuesOf(c: Case): Omit<CaseRow, 'seq' | 'deleted_at'> {
  const caller = c.caller.anonymous ? null : c.caller;
  return {
    id: c.id,
    reference: c.reference,
    desk_code: c.deskCode,
    agent_id: c.agentId,
    channel: c.channel,
    kind: c.kind,
    service_code: c.serviceCode,
    department_code: c.departmentCode,
    priority: c.priority,
    status: c.status,
    status_epoch: c.statusEpoch,
    status_rank: c.statusRank,
    caller_anonymous: caller ? 0 : 1,
    caller_name: caller?.name ?? null,
    caller_phone: caller?.phone ?? null,
    caller_phone_digits: phoneDigits(caller?.phone),
    caller_email: caller?.email ?? null,
    address_id: c.location?.addressId ?? null,
    address_text: c.location?.addressText ?? null,
    lat: c.location?.lat ?? null,
    lng: c.location?.lng ?? null,
    answers: JSON.stringify(c.answers),
    description: c.description,
    disposition: c.disposition,
    wrap_up_note: c.wrapUpNote,
    resolution_note: c.resolutionNote,
    talk_ms: c.handleTime.talkMs,
    hold_ms: c.handleTime.holdMs,
    wrap_up_ms: c.handleTime.wrapUpMs,
    created_at: Date.parse(c.createdAt),
    updated_at: Date.parse(c.updatedAt),
    resolved_at: c.resolvedAt ? Date.parse(c.resolvedAt) : null,
    closed_at: c.closedAt ? Date.parse(c.closedAt) : null,
    version: c.version,
  };
}
