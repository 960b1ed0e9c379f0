import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalog, type Agent, type Location } from '../../shared/domain';
import { createCallOperation, createConsoleHandlers } from '../../main/core/console-api';
import { openDeskDatabase, type WritableDb } from '../../main/core/db/connection';
import type { DeskState } from '../../main/core/desk-session';
import { createRandom, type Random } from '../../main/core/seed/random';
import { SEED_END, seededDeskCopy } from './seeded-desk';
import { percentile, round } from './stats';

const SEEDED_CASES = 1_000_000;
const QUERIES = 360;
const WARM_UP = 30;
const SPECIALIST: Agent = { id: 'bench-specialist', name: 'Bench Specialist', role: 'specialist' };
const METRES_PER_DEGREE = 111_195;

/** DESIGN.md-style budgets of the two figures, for the section that reports them. */
export const CALLER_AND_DUPLICATE_BUDGETS = { caller_history_p95_ms: { max: 10 }, duplicate_check_p95_ms: { max: 20 } };

type Call = (name: 'findCallers' | 'findDuplicates', input: Record<string, unknown>) => { ms: number; value: unknown };

function timedCalls(db: WritableDb): Call {
  const state: DeskState = { session: { deskCode: 'D07', timeZone: 'America/Edmonton', agent: SPECIALIST }, catalog: defaultCatalog, now: () => SEED_END };
  const call = createCallOperation(createConsoleHandlers(db, state));
  return (name, input) => {
    const started = performance.now();
    const result = call(name, input);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`bench: ${name}(${JSON.stringify(input)}): ${result.error.message}`);
    return { ms, value: result.value };
  };
}

/** What a specialist types for a caller: the full number, its last 7 or 4 digits, its first digits, a full name, or the start of one. */
function callerQueries(db: WritableDb, random: Random): string[] {
  const callers = db
    .prepare('SELECT caller_name AS name, caller_phone AS phone FROM cases WHERE seq % 1009 = 0 AND caller_anonymous = 0 AND caller_phone IS NOT NULL LIMIT ?')
    .all(QUERIES + WARM_UP) as { name: string; phone: string }[];
  return callers.map(({ name, phone }, i) => {
    const [first = name, last = ''] = name.split(' ');
    switch (i % 8) {
      case 0:
        return phone;
      case 1:
        return phone.replace(/\D/g, '');
      case 2:
        return phone.slice(-8);
      case 3:
        return phone.slice(-4);
      case 4:
        return phone.slice(0, 6);
      case 5:
        return name;
      case 6:
        return first.slice(0, 2 + random.int(3));
      default:
        return `${first} ${last.slice(0, 1 + random.int(3))}`;
    }
  });
}

interface OpenCase {
  service_code: string;
  address_text: string | null;
  lat: number;
  lng: number;
}

/** A point `metres` from a case in a random direction. */
function near(random: Random, c: OpenCase, metres: number): { lat: number; lng: number } {
  const angle = random.next() * 2 * Math.PI;
  const dLat = (metres * Math.cos(angle)) / METRES_PER_DEGREE;
  const dLng = (metres * Math.sin(angle)) / (METRES_PER_DEGREE * Math.cos((c.lat * Math.PI) / 180));
  return { lat: c.lat + dLat, lng: c.lng + dLng };
}

/**
 * Service requests as intake sends them once type and place are known: most a few dozen metres from
 * an open case of the type, with its address text; some by address text alone; some at a random
 * spot in the city, where usually nothing is open.
 */
function duplicateQueries(db: WritableDb, random: Random): { serviceCode: string; location: Location }[] {
  const open = db
    .prepare(
      `SELECT service_code, address_text, lat, lng FROM cases
       WHERE status IN ('new', 'open', 'in_progress') AND deleted_at IS NULL AND lat IS NOT NULL AND kind = 'service_request' AND seq % 7 = 0
       LIMIT 4000`,
    )
    .all() as OpenCase[];
  if (open.length === 0) throw new Error('bench: the seeded desk has no open located service requests');
  const located = defaultCatalog.serviceTypes.filter((t) => t.locationRequired).map((t) => t.code);
  return Array.from({ length: QUERIES + WARM_UP }, (_, i) => {
    const c = random.pick(open);
    const text = c.address_text ?? undefined;
    switch (i % 5) {
      case 0:
      case 1:
      case 2:
        return { serviceCode: c.service_code, location: { ...(text ? { addressText: text } : {}), ...near(random, c, random.int(80)) } };
      case 3:
        return { serviceCode: c.service_code, location: { addressText: (text ?? '1 Scenic Dr S').toLowerCase() } };
      default:
        return { serviceCode: random.pick(located), location: { lat: 49.65 + random.next() * 0.1, lng: -112.9 + random.next() * 0.12 } };
    }
  });
}

function summarise(log: (line: string) => void, label: string, samples: number[]): number {
  log(`${label}: ${samples.length} queries, p50 ${round(percentile(samples, 50), 2)} ms, p95 ${round(percentile(samples, 95), 2)} ms, max ${round(Math.max(...samples), 1)} ms`);
  return round(percentile(samples, 95), 2);
}

/**
 * Caller history (findCallers) and the duplicate check (findDuplicates) on a desk database holding
 * 1,000,000 cases, each query timed once through the console operation as intake calls it (input
 * parsed, output checked), after a short untimed warm-up with other queries.
 */
export async function measureCallerAndDuplicates(log: (line: string) => void): Promise<{ caller_history_p95_ms: number; duplicate_check_p95_ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-duplicates-bench-'));
  try {
    const { db } = openDeskDatabase(seededDeskCopy(SEEDED_CASES, dir, log), { quickCheck: 'caller-runs-it' });
    try {
      const call = timedCalls(db);
      const random = createRandom(6);
      const callers = callerQueries(db, random);
      const duplicates = duplicateQueries(db, random);
      for (const query of callers.slice(0, WARM_UP)) call('findCallers', { query });
      for (const input of duplicates.slice(0, WARM_UP)) call('findDuplicates', input);

      const callerTimes: number[] = [];
      let callersFound = 0;
      for (const query of callers.slice(WARM_UP)) {
        const { ms, value } = call('findCallers', { query });
        callerTimes.push(ms);
        if ((value as { callers: unknown[] }).callers.length > 0) callersFound += 1;
      }
      const duplicateTimes: number[] = [];
      let withSuggestions = 0;
      for (const input of duplicates.slice(WARM_UP)) {
        const { ms, value } = call('findDuplicates', input);
        duplicateTimes.push(ms);
        if ((value as { items: unknown[] }).items.length > 0) withSuggestions += 1;
      }
      log(`caller history: ${callersFound} of ${callerTimes.length} lookups found callers; duplicate check: ${withSuggestions} of ${duplicateTimes.length} found suggestions`);
      return {
        caller_history_p95_ms: summarise(log, 'caller history', callerTimes),
        duplicate_check_p95_ms: summarise(log, 'duplicate check', duplicateTimes),
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
