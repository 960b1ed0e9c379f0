import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, type DigestResponse } from '../../../shared/sync';
import { createDesk } from '../../../server';
import { deskDigest } from '../../../main/core/sync/digest';
import { api, seedTenant, signInDesk, startTestServer, type TestServer } from '../../helpers/server';
import { CALM, SimulatedNetwork, type FaultRates } from './network';
import { SeededRandom } from './random';
import { SimDesk, type SimUser } from './sim-desk';

export interface SimulationOptions {
  seed: number;
  desks?: number;
  steps?: number;
  /** 'skewed': each desk clock off by up to ±1 day; 'true': every desk on the same clock. */
  clocks?: 'skewed' | 'true';
  faults?: FaultRates;
  log?: (line: string) => void;
  /** A server to share between runs (each run gets its own tenant); by default each run starts its own. */
  server?: TestServer;
}

export interface SimulationReport {
  seed: number;
  violations: string[];
  serverDigest: DigestResponse;
  /** The tenant's data with every desk-clock-dependent field left out, to compare runs whose clocks differ. */
  clockFreeState: string;
  mutations: number;
  rejected: number;
  kills: number;
  faults: SimulatedNetwork['faults'];
  refusals: number;
}

export const DEFAULT_FAULTS: FaultRates = { drop: 0.12, loseResponse: 0.1, duplicateLater: 0.12, restartMidPush: 0.015 };
const DAY = 86_400_000;
let runs = 0;

/**
 * One seeded run: desks log and change cases, sync through a faulty network, die and restart, the
 * server restarts; then the network heals, everyone syncs until idle, and the run checks what
 * DESIGN.md's Sync section promises. Returns every broken promise as a violation, never throws for one.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const root = new SeededRandom(options.seed);
  const log = options.log ?? (() => {});
  const begun = Date.now();
  const server = options.server ?? (await startTestServer());
  log(`seed ${options.seed}: server up in ${Date.now() - begun} ms`);
  const dirs: string[] = [];
  const desks: SimDesk[] = [];
  try {
    const tenant = await seedTenant(server, { tenant: `sim-${options.seed}-${options.clocks ?? 'skewed'}-${++runs}`, deskCodes: ['D01', 'D02'] });
    const deskCount = options.desks ?? 5;
    const credentials = [...tenant.desks.map((d) => ({ code: d.code, secret: d.secret }))];
    for (let i = credentials.length; i < deskCount; i++) {
      const created = await createDesk(server.server.db, tenant.tenant, { code: `D${String(i + 1).padStart(2, '0')}`, team: i % 2 === 0 ? 'north' : 'south' });
      credentials.push({ code: created.code, secret: created.secret });
    }
    const clock = { now: Date.parse('2026-11-27T15:00:00Z') };
    const network = new SimulatedNetwork(server, root.fork('network'), CALM);
    const skews = root.fork('clocks');
    for (const [i, desk] of credentials.entries()) {
      const dataDir = mkdtempSync(join(tmpdir(), `civicdesk-sim-${desk.code}-`));
      dirs.push(dataDir);
      const person = i % 2 === 0 ? tenant.specialist : tenant.lead;
      // The last desk's lead uses a local profile: the server takes its lead-only moves as a specialist's and rejects them.
      const user: SimUser = i === credentials.length - 1 ? { kind: 'local-lead', name: 'Local Lead' } : { kind: 'central', username: person.username, password: person.password };
      const skewMs = options.clocks === 'true' ? 0 : skews.int(-DAY, DAY);
      const sim = new SimDesk({ deskCode: desk.code, secret: desk.secret, dataDir, user, skewMs }, network, root.fork(`desk-${desk.code}`), clock);
      await sim.setUp(server.url, tenant.tenant);
      desks.push(sim);
    }

    log(`seed ${options.seed}: ${deskCount} desks set up at ${Date.now() - begun} ms`);
    network.rates = options.faults ?? DEFAULT_FAULTS;
    const script = root.fork('script');
    const steps = options.steps ?? 150;
    let restarts = 0;
    const started = Date.now();
    for (let step = 0; step < steps; step++) {
      clock.now += script.int(1_000, 90_000);
      const desk = script.pick(desks);
      const roll = script.next();
      if (roll < 0.56) desk.act();
      else if (roll < 0.82) await desk.sync();
      else if (roll < 0.9) {
        desk.act();
        desk.kill(); // between the local commit and the push
      } else if (roll < 0.98) {
        desk.armKillMidRequest();
        await desk.sync();
      } else {
        await server.restart();
        restarts += 1;
      }
    }

    log(`seed ${options.seed}: ${steps} steps in ${Date.now() - started} ms (${restarts} idle restarts, faults ${JSON.stringify(network.faults)}); healing the network`);
    network.rates = CALM;
    await network.flush();
    await syncUntilIdle(desks);
    log(`seed ${options.seed}: idle at ${Date.now() - begun} ms`);
    return await check(options.seed, server, tenant.tenant, credentials[0]!, desks, network);
  } finally {
    for (const desk of desks) desk.close();
    if (!options.server) await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** Everyone syncs, round after round, until no outbox holds anything and a whole round changed nothing. */
async function syncUntilIdle(desks: SimDesk[]): Promise<void> {
  let previous = '';
  for (let round = 0; round < 10; round++) {
    for (const desk of desks) await desk.sync();
    const now = desks.map((d) => `${d.pending()}:${deskDigest(d.desk.db).digest}`).join(' ');
    if (now === previous && desks.every((d) => d.pending() === 0)) return;
    previous = now;
  }
}

interface ServerRows {
  events: Set<string>;
  rejected: Map<string, Set<number>>;
  lastMutationIds: Map<string, number>;
  cases: { data: string; deleted: boolean }[];
  notes: { data: string }[];
}

async function serverRows(server: TestServer, tenant: string): Promise<ServerRows> {
  const db = server.server.db;
  const events = new Set((await db.query<{ id: string }>('SELECT id FROM case_events WHERE tenant = $1', [tenant])).map((r) => r.id));
  const rejected = new Map<string, Set<number>>();
  for (const row of await db.query<{ desk_code: string; mutation_id: number | string }>('SELECT desk_code, mutation_id FROM rejected_mutations WHERE tenant = $1', [tenant])) {
    if (!rejected.has(row.desk_code)) rejected.set(row.desk_code, new Set());
    rejected.get(row.desk_code)!.add(Number(row.mutation_id));
  }
  const lastMutationIds = new Map(
    (await db.query<{ code: string; last_mutation_id: number | string }>('SELECT code, last_mutation_id FROM desks WHERE tenant = $1', [tenant])).map((r) => [r.code, Number(r.last_mutation_id)]),
  );
  const cases = await db.query<{ data: string; deleted: boolean }>('SELECT data, deleted FROM cases WHERE tenant = $1', [tenant]);
  const notes = await db.query<{ data: string }>('SELECT data FROM case_notes WHERE tenant = $1', [tenant]);
  return { events, rejected, lastMutationIds, cases, notes };
}

/** Written from desk clocks (references carry the desk's date), or ids the server mints per run (user ids). */
const CLOCK_FIELDS = ['createdAt', 'updatedAt', 'resolvedAt', 'closedAt', 'reference', 'agentId'];
const parse = (data: unknown): Record<string, unknown> => (typeof data === 'string' ? (JSON.parse(data) as Record<string, unknown>) : (data as Record<string, unknown>));

/** The server's data without anything a desk clock wrote (times, and references, which carry the desk's date). */
function clockFree(rows: ServerRows): string {
  const cases = rows.cases
    .map((row) => {
      const data = parse(row.data);
      return { id: String(data.id), fields: Object.fromEntries(Object.entries(data).filter(([key]) => !CLOCK_FIELDS.includes(key))), deleted: row.deleted };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const notes = rows.notes.map((row) => parse(row.data)).map((n) => `${String(n.caseId)} ${String(n.body)}`).sort();
  return canonicalJson({ cases, notes, events: rows.events.size });
}

async function check(seed: number, server: TestServer, tenant: string, someDesk: { code: string; secret: string }, desks: SimDesk[], network: SimulatedNetwork): Promise<SimulationReport> {
  const violations: string[] = [];
  const token = await signInDesk(server.url, tenant, someDesk.code, someDesk.secret);
  const serverDigest = (await api<DigestResponse>(server.url, '/sync/digest', { token })).body;
  const rows = await serverRows(server, tenant);
  let mutations = 0;
  let rejectedCount = 0;
  for (const desk of desks) {
    const code = desk.config.deskCode;
    const pending = desk.pending();
    if (pending > 0) violations.push(`${code}: ${pending} mutations still in the outbox after healing`);
    const digest = deskDigest(desk.desk.db);
    if (digest.digest !== serverDigest.digest) {
      violations.push(`${code}: digest ${digest.digest.slice(0, 12)} (${digest.cases} cases, ${digest.notes} notes, ${digest.events} events) ≠ server ${serverDigest.digest.slice(0, 12)} (${serverDigest.cases}, ${serverDigest.notes}, ${serverDigest.events})`);
    }
    desk.cursorHistory.forEach((cursor, i) => {
      if (i > 0 && cursor < desk.cursorHistory[i - 1]!) violations.push(`${code}: cursor moved back from ${desk.cursorHistory[i - 1]} to ${cursor}`);
    });
    const rejected = rows.rejected.get(code) ?? new Set<number>();
    const lastProduced = Math.max(0, ...desk.produced.keys());
    if ((rows.lastMutationIds.get(code) ?? 0) !== lastProduced) {
      violations.push(`${code}: the server has applied up to mutation ${rows.lastMutationIds.get(code) ?? 0}, the desk wrote up to ${lastProduced}`);
    }
    for (const [mutationId, eventId] of desk.produced) {
      mutations += 1;
      const applied = rows.events.has(eventId);
      const wasRejected = rejected.has(mutationId);
      if (wasRejected) rejectedCount += 1;
      if (applied === wasRejected) {
        violations.push(`${code}: mutation ${mutationId} is ${applied ? 'both applied and rejected' : 'neither applied nor rejected with a record'}`);
      }
    }
  }
  const produced = new Set(desks.flatMap((d) => [...d.produced.values()]));
  for (const eventId of rows.events) if (!produced.has(eventId)) violations.push(`server holds event ${eventId} that no desk wrote`);
  return {
    seed,
    violations,
    serverDigest,
    clockFreeState: clockFree(rows),
    mutations,
    rejected: rejectedCount,
    kills: desks.reduce((n, d) => n + d.kills, 0),
    faults: { ...network.faults },
    refusals: desks.reduce((n, d) => n + d.refusals.length, 0),
  };
}
