import {
  FIRST_CONTACT_DISPOSITIONS,
  STATUS_RANK,
  formatReference,
  newId,
  type AnswerValue,
  type Answers,
  type Case,
  type CaseKind,
  type CaseStatus,
  type Catalog,
  type Channel,
  type Disposition,
  type Question,
  type ServiceType,
} from '../../../shared/domain';
import type { WritableDb } from '../db/connection';
import { localDay, zonedTimeToEpoch } from '../desk-session';
import {
  CHANNEL_WEIGHTS,
  CHAT_LAUNCH_MONTH,
  CHAT_SHARE,
  DESCRIPTION_PHRASES,
  FIRST_NAMES,
  HOUR_WEIGHTS,
  KIND_WEIGHTS,
  LAST_NAMES,
  MONTH_WEIGHTS,
  SERVICE_WEIGHTS,
  STREETS,
} from './distributions';
import { createRandom, type Random } from './random';
import { writeSeededCases } from './write-seeded';

export interface SeedOptions {
  cases: number;
  deskCode: string;
  /** Cases fall in the 365 days that end here (epoch ms). */
  endAt: number;
  timeZone: string;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

const DAY_MS = 86_400_000;
const AGENTS = ['agent-01', 'agent-02', 'agent-03', 'agent-04', 'agent-05', 'agent-06'];

const MONTHS = Object.fromEntries(MONTH_WEIGHTS.map((weight, month) => [month, weight]));

/** A local office-hours time in the 365 days before endAt, shaped by month and hour of day. */
function pickTime(random: Random, endAt: number, timeZone: string): number {
  const endYear = Number(localDay(endAt, timeZone).slice(0, 4));
  const endMonth = Number(localDay(endAt, timeZone).slice(5, 7)) - 1;
  for (;;) {
    const month = Number(random.weighted(MONTHS));
    // Months after endAt's month belong to the year before: the seeded year ends at endAt.
    const year = month > endMonth ? endYear - 1 : endYear;
    const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const hour = Number(random.weighted(HOUR_WEIGHTS));
    const at = zonedTimeToEpoch(timeZone, year, month, 1 + random.int(daysInMonth), hour, random.int(60), random.int(60), random.int(1000));
    if (at <= endAt && at > endAt - 365 * DAY_MS) return at;
  }
}

/** Chat opened on the first of October inside the seeded year (as Lethbridge's did in 2022). */
function chatLaunchAt(endAt: number, timeZone: string): number {
  const day = localDay(endAt, timeZone);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  return zonedTimeToEpoch(timeZone, month >= CHAT_LAUNCH_MONTH ? year : year - 1, CHAT_LAUNCH_MONTH, 1);
}

function answerFor(random: Random, question: Question, at: number): AnswerValue {
  const keys = (question.values ?? []).map((v) => v.key);
  switch (question.datatype) {
    case 'singlevaluelist':
      return random.pick(keys);
    case 'multivaluelist':
      return random.sample(keys, 1 + random.int(Math.min(3, keys.length)));
    case 'number':
      return 1 + random.int(5);
    case 'datetime':
      return new Date(at - random.int(3 * DAY_MS)).toISOString();
    case 'string':
      return `${question.code.replaceAll('_', ' ')} ${100000 + random.int(900000)}`;
    case 'text':
      return random.sample(DESCRIPTION_PHRASES, 2).join('; ');
  }
}

function answersFor(random: Random, type: ServiceType, at: number): Answers {
  const answers: Answers = {};
  for (const question of type.questions) {
    if (question.required || random.chance(0.5)) answers[question.code] = answerFor(random, question, at);
  }
  return answers;
}

function statusFor(random: Random, kind: CaseKind, type: ServiceType, at: number, endAt: number): CaseStatus {
  if (kind !== 'service_request') return random.chance(0.97) ? 'resolved' : 'open';
  const ageDays = (endAt - at) / DAY_MS;
  if (ageDays > type.slaDays * 2) return random.chance(0.85) ? 'closed' : random.chance(0.9) ? 'resolved' : 'cancelled';
  if (ageDays > type.slaDays) return random.pick<CaseStatus>(['resolved', 'closed', 'in_progress', 'open']);
  return random.pick<CaseStatus>(['new', 'open', 'open', 'in_progress', 'resolved']);
}

function dispositionFor(random: Random, kind: CaseKind): Disposition {
  if (kind === 'service_request') return random.chance(0.95) ? 'service_request_logged' : 'escalated_to_lead';
  if (kind === 'transfer') return 'transferred';
  if (random.chance(0.9)) return 'answered';
  return random.pick<Disposition>(['callback_needed', 'caller_disconnected', 'no_action_needed']);
}

/** Talk time is long-tailed: about two minutes typical, 30 seconds to half an hour. */
const talkMs = (random: Random): number => Math.round(Math.min(1800, Math.max(30, Math.exp(4.7 + 0.6 * random.normal()))) * 1000);

function generateCase(random: Random, catalog: Catalog, options: SeedOptions, at: number, reference: string): Case {
  const kind = random.weighted(KIND_WEIGHTS) as CaseKind;
  const code = random.weighted(SERVICE_WEIGHTS[kind]);
  const type = catalog.serviceTypes.find((t) => t.code === code);
  if (!type) throw new Error(`seed: service type '${code}' is missing from the catalog`);
  const channel: Channel = at >= chatLaunchAt(options.endAt, options.timeZone) && random.chance(CHAT_SHARE) ? 'chat' : (random.weighted(CHANNEL_WEIGHTS) as Channel);
  const status = statusFor(random, kind, type, at, options.endAt);
  const resolved = status === 'resolved' || status === 'closed';
  const disposition = resolved && kind !== 'service_request' ? random.pick(FIRST_CONTACT_DISPOSITIONS) : dispositionFor(random, kind);
  const talk = talkMs(random);
  const finishedAt = at + talk;
  const settledAt = kind === 'service_request' ? finishedAt + random.int(type.slaDays * 2 * DAY_MS + DAY_MS) : finishedAt + 60_000;
  const caller = random.chance(0.3)
    ? ({ anonymous: true } as const)
    : {
        anonymous: false as const,
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        phone: `403-${300 + random.int(700)}-${String(random.int(10000)).padStart(4, '0')}`,
      };
  const street = random.pick(STREETS);
  const location =
    type.locationRequired || random.chance(0.1)
      ? { addressText: `${1 + random.int(4000)} ${street}`, lat: 49.65 + random.next() * 0.1, lng: -112.9 + random.next() * 0.12 }
      : null;
  return {
    id: newId(),
    reference,
    deskCode: options.deskCode,
    agentId: random.pick(AGENTS),
    channel,
    kind,
    serviceCode: type.code,
    departmentCode: type.departmentCode,
    priority: type.defaultPriority,
    status,
    statusEpoch: 0,
    statusRank: STATUS_RANK[status],
    caller,
    location,
    answers: answersFor(random, type, at),
    description: `${type.name}: ${random.sample(DESCRIPTION_PHRASES, 2 + random.int(3)).join(', ')}${location ? ` at ${location.addressText}` : ''}`,
    disposition,
    wrapUpNote: random.chance(0.3) ? random.pick(DESCRIPTION_PHRASES) : null,
    resolutionNote: resolved ? (kind === 'service_request' ? 'Crew completed the work' : 'Answered on first contact') : null,
    handleTime: { talkMs: talk, holdMs: random.chance(0.2) ? random.int(120_000) : 0, wrapUpMs: 10_000 + random.int(80_000) },
    createdAt: new Date(at).toISOString(),
    updatedAt: new Date(resolved ? Math.min(settledAt, options.endAt) : finishedAt).toISOString(),
    resolvedAt: resolved ? new Date(Math.min(settledAt, options.endAt)).toISOString() : null,
    closedAt: status === 'closed' || status === 'cancelled' ? new Date(Math.min(settledAt + DAY_MS, options.endAt)).toISOString() : null,
    version: 1,
  };
}

/**
 * Fills a desk database with a year of realistic generated cases, in time order, with references
 * continuing each day's sequence. Seeded cases count as history: they carry a `created` event and
 * a search entry but no outbox mutation.
 */
export function seedCases(db: WritableDb, catalog: Catalog, options: SeedOptions): { inserted: number } {
  if (!Number.isInteger(options.cases) || options.cases < 1) throw new Error(`seed: --cases must be a positive whole number (got ${options.cases})`);
  const random = createRandom(options.seed ?? 311);
  const times = Array.from({ length: options.cases }, () => pickTime(random, options.endAt, options.timeZone)).sort((a, b) => a - b);
  const sequences = new Map<string, number>();
  const lastSequence = db.prepare('SELECT last_value FROM reference_sequences WHERE desk_code = ? AND day = ?').pluck();
  const referenceAt = (at: number): string => {
    const day = localDay(at, options.timeZone);
    const next = (sequences.get(day) ?? ((lastSequence.get(options.deskCode, day) as number | undefined) ?? 0)) + 1;
    sequences.set(day, next);
    return formatReference(options.deskCode, day, next);
  };
  const BATCH = 20_000;
  for (let start = 0; start < times.length; start += BATCH) {
    const batch = times.slice(start, start + BATCH).map((at) => generateCase(random, catalog, options, at, referenceAt(at)));
    writeSeededCases(db, batch, random);
    options.onProgress?.(Math.min(start + BATCH, times.length), times.length);
  }
  const saveSequence = db.prepare(
    `INSERT INTO reference_sequences (desk_code, day, last_value) VALUES (?, ?, ?)
     ON CONFLICT (desk_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
  );
  db.transaction(() => {
    for (const [day, last] of sequences) saveSequence.run(options.deskCode, day, last);
  })();
  return { inserted: times.length };
}
