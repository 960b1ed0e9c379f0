import { z } from 'zod';
import { PhoneSchema } from './case';
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus, type Channel } from './enums';
import { parseImportDate } from './import-dates';

/**
 * One row of a historic import file (docs/import.md): the columns, the header check and the row
 * schema. Pure and shared: the desk's `civicdesk import` and the server's import read rows alike.
 */

export const IMPORT_COLUMNS = [
  'external_id',
  'requested_at',
  'channel',
  'kind',
  'service_code',
  'service_name',
  'department',
  'status',
  'closed_at',
  'description',
  'address',
  'lat',
  'long',
  'caller_name',
  'caller_phone',
  'agent',
  'handle_seconds',
  'first_contact_resolution',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Besides these, a file needs service_code or service_name (or both). */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['external_id', 'requested_at', 'channel', 'kind', 'status'];

const COLUMN_ALIASES: Record<string, ImportColumn> = { lng: 'long', longitude: 'long', latitude: 'lat' };

/** What is wrong with one row: the column (null for the row as a whole) and a sentence a person can act on. */
export interface RowProblem {
  column: string | null;
  message: string;
}

export const describeProblems = (problems: readonly RowProblem[]): string =>
  problems.map((p) => (p.column ? `column ${p.column}: ${p.message}` : p.message)).join('; ');

/** `Row 14, column requested_at: is not a date (got '2022-13-01')`: the line is where the record starts in the file. */
export const describeBadRow = (line: number, problems: readonly RowProblem[]): string =>
  `Row ${line}${problems[0]?.column ? ', ' : ': '}${describeProblems(problems)}`;

/** A value quoted back in a message, cut short so a 10 MB field cannot flood the terminal. */
export function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return `'${oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine}'`;
}

// ── header ───────────────────────────────────────────────────────────────────────────────────────

/** Where each known column sits in a record; columns the file lacks are absent. */
export type ColumnPositions = Partial<Record<ImportColumn, number>>;

export type HeaderCheck = { ok: true; positions: ColumnPositions; ignored: string[] } | { ok: false; message: string };

const SEPARATORS: [string, string][] = [
  [';', 'semicolons'],
  ['\t', 'tabs'],
  ['|', 'vertical bars (|)'],
];

const normalizedName = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');
const KNOWN_COLUMNS = new Set<string>(IMPORT_COLUMNS);
const isImportColumn = (name: string): name is ImportColumn => KNOWN_COLUMNS.has(name);

export function checkImportHeader(fields: readonly string[]): HeaderCheck {
  if (fields.length === 1) {
    const only = fields[0] ?? '';
    const separator = SEPARATORS.find(([char]) => only.includes(char));
    if (separator) {
      return {
        ok: false,
        message: `the header is a single column (${shown(only)}): the file looks separated by ${separator[1]}, not commas. Save it as comma-separated CSV (UTF-8) and import it again`,
      };
    }
  }
  const positions: ColumnPositions = {};
  const ignored: string[] = [];
  for (const [index, raw] of fields.entries()) {
    const name = normalizedName(raw);
    const column = isImportColumn(name) ? name : COLUMN_ALIASES[name];
    if (!column) {
      if (raw.trim() !== '') ignored.push(raw.trim());
      continue;
    }
    const earlier = positions[column];
    if (earlier !== undefined) return { ok: false, message: `the header names the column ${column} twice (columns ${earlier + 1} and ${index + 1})` };
    positions[column] = index;
  }
  const found = `the header has: ${fields.map((f) => f.trim()).filter(Boolean).join(', ') || 'nothing'}`;
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => positions[c] === undefined);
  if (missing.length > 0) {
    const names = missing.join(', ');
    return { ok: false, message: `missing required column${missing.length > 1 ? 's' : ''} ${names} (${found})` };
  }
  if (positions.service_code === undefined && positions.service_name === undefined) {
    return { ok: false, message: `missing required column service_code or service_name: the file needs at least one of them (${found})` };
  }
  return { ok: true, positions, ignored };
}

// ── row ──────────────────────────────────────────────────────────────────────────────────────────

const CHANNEL_WORDS: Record<string, Channel> = {
  phone: 'phone',
  telephone: 'phone',
  call: 'phone',
  walk_in: 'walk_in',
  walkin: 'walk_in',
  in_person: 'walk_in',
  counter: 'walk_in',
  chat: 'chat',
  web_chat: 'chat',
  webchat: 'chat',
  live_chat: 'chat',
};
const STATUS_WORDS: Record<string, CaseStatus> = { ...Object.fromEntries(CASE_STATUSES.map((s) => [s, s])), canceled: 'cancelled' };
const KIND_WORDS: Record<string, CaseKind> = Object.fromEntries(CASE_KINDS.map((k) => [k, k]));
const BOOLEAN_WORDS: Record<string, boolean> = { true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false };
const word = (text: string): string => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

type Parsed<T> = { value: T } | { problem: string };

/** A column as zod sees it: the raw text in, a typed value (or a problem in words) out. */
const column = <T>(read: (text: string) => Parsed<T>) =>
  z.string().transform((text, ctx): T => {
    const result = read(text.trim());
    if ('value' in result) return result.value;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });

const required = <T>(read: (text: string) => Parsed<T>) => column((text) => (text === '' ? { problem: 'is required' } : read(text)));
const optional = <T>(read: (text: string) => Parsed<T>) => column((text): Parsed<T | null> => (text === '' ? { value: null } : read(text)));
const text = (max: number) => (value: string): Parsed<string> => (value.length > max ? { problem: `is longer than ${max.toLocaleString('en-CA')} characters (${value.length.toLocaleString('en-CA')})` } : { value });
const oneOf = <T>(words: Record<string, T>, what: string, accepted: string) => (value: string): Parsed<T> => {
  const found = words[word(value)];
  return found === undefined ? { problem: `is not ${what} (got ${shown(value)}; use ${accepted})` } : { value: found };
};

function number(min: number, max: number) {
  return (value: string): Parsed<number> => {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) return { problem: `is not a number (got ${shown(value)})` };
    const n = Number(value);
    return n < min || n > max ? { problem: `must be from ${min} to ${max} (got ${shown(value)})` } : { value: n };
  };
}

/** Seconds, or a duration written as m:ss or h:mm:ss (as many old systems export it). */
function seconds(value: string): Parsed<number> {
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(value);
  const total = clock ? Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : /^\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  if (total === null) return { problem: `is not a number of seconds (got ${shown(value)}; use seconds or h:mm:ss)` };
  return total > 86_400 ? { problem: `must be at most 86400 seconds, a day (got ${shown(value)})` } : { value: total };
}

export interface ImportRowOptions {
  /** The centre's IANA zone: times without an offset are its wall-clock times. */
  timeZone: string;
  /** Requested times after this are refused (epoch ms). */
  now: number;
}

function date(options: ImportRowOptions) {
  return (value: string): Parsed<number> => {
    const at = parseImportDate(value, options.timeZone);
    if (at === 'not_a_date') return { problem: `is not a date (got ${shown(value)})` };
    if (at === 'out_of_range') return { problem: `is outside the years 2000–2099 (got ${shown(value)})` };
    return { value: at };
  };
}

function rowSchema(options: ImportRowOptions) {
  return z.object({
    external_id: required(text(100)),
    requested_at: required((value): Parsed<number> => {
      const at = date(options)(value);
      return 'value' in at && at.value > options.now ? { problem: `is in the future (got ${shown(value)})` } : at;
    }),
    channel: required(oneOf(CHANNEL_WORDS, 'a channel', 'phone, walk_in or chat')),
    kind: required(oneOf(KIND_WORDS, 'a kind', 'information, service_request, feedback or transfer')),
    service_code: optional(text(64)),
    service_name: optional(text(120)),
    department: optional(text(120)),
    status: required(oneOf(STATUS_WORDS, 'a status', 'new, open, in_progress, resolved, closed or cancelled')),
    closed_at: optional(date(options)),
    description: column(text(10_000)),
    address: optional(text(300)),
    lat: optional(number(-90, 90)),
    long: optional(number(-180, 180)),
    caller_name: optional(text(120)),
    caller_phone: optional((value): Parsed<string> => (PhoneSchema.safeParse(value).success ? { value } : { problem: `must be a phone number of 7 to 15 digits (got ${shown(value)})` })),
    agent: optional(text(64)),
    handle_seconds: optional(seconds),
    first_contact_resolution: optional(oneOf(BOOLEAN_WORDS, 'true or false', 'true/false, yes/no or 1/0')),
  });
}

type RowFields = z.output<ReturnType<typeof rowSchema>>;

/** A row that passed every check, typed, times in epoch ms. */
export interface ImportedRow {
  externalId: string;
  requestedAt: number;
  channel: Channel;
  kind: CaseKind;
  serviceCode: string | null;
  serviceName: string | null;
  department: string | null;
  status: CaseStatus;
  /** When the case was resolved, closed or cancelled in the old system. */
  closedAt: number | null;
  description: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  callerName: string | null;
  callerPhone: string | null;
  agent: string | null;
  handleSeconds: number;
  firstContactResolution: boolean | null;
}

/** Checks between columns, once each column is fine on its own. */
function crossChecks(f: RowFields): RowProblem[] {
  const problems: RowProblem[] = [];
  if (f.service_code === null && f.service_name === null) problems.push({ column: 'service_code', message: 'is required when service_name is empty' });
  if ((f.lat === null) !== (f.long === null)) problems.push({ column: f.lat === null ? 'lat' : 'long', message: 'lat and long go together: give both or neither' });
  if (f.closed_at !== null && !['resolved', 'closed', 'cancelled'].includes(f.status)) {
    problems.push({ column: 'closed_at', message: `must be empty for a case that is ${f.status.replace('_', ' ')}` });
  }
  if (f.closed_at !== null && f.closed_at < f.requested_at) problems.push({ column: 'closed_at', message: 'is before requested_at' });
  return problems;
}

export type RowResult = { ok: true; row: ImportedRow } | { ok: false; problems: RowProblem[] };

/** Validates one record against the header's positions; every problem of the row is reported. */
export function createRowParser(positions: ColumnPositions, options: ImportRowOptions): (fields: readonly string[]) => RowResult {
  const schema = rowSchema(options);
  const entries = IMPORT_COLUMNS.map((name) => [name, positions[name]] as const);
  return (fields) => {
    const input: Record<string, string> = {};
    for (const [name, index] of entries) input[name] = index === undefined ? '' : (fields[index] ?? '');
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ column: String(issue.path[0] ?? ''), message: issue.message })) };
    const f = parsed.data;
    const problems = crossChecks(f);
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      row: {
        externalId: f.external_id,
        requestedAt: f.requested_at,
        channel: f.channel,
        kind: f.kind,
        serviceCode: f.service_code,
        serviceName: f.service_name,
        department: f.department,
        status: f.status,
        closedAt: f.closed_at,
        description: f.description,
        address: f.address,
        lat: f.lat,
        lng: f.long,
        callerName: f.caller_name,
        callerPhone: f.caller_phone,
        agent: f.agent,
        handleSeconds: f.handle_seconds ?? 0,
        firstContactResolution: f.first_contact_resolution,
      },
    };
  };
}
