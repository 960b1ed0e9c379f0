import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId, type NewCase } from '../../shared/domain';
import { openDeskRuntime, type DeskRuntime } from '../../main/core/desk-runtime';
import { ServerApi } from '../../main/core/sync/server-api';
import { pullChanges, pushOutbox, type SyncSession } from '../../main/core/sync/sync-cycle';
import { writeSyncSettings } from '../../main/core/sync/sync-store';
import { startBenchServer, type BenchServer } from './server-process';
import { round } from './stats';
import type { BenchSection } from './section';

const PUSH_MUTATIONS = 10_000;
const CONCURRENT_DESKS = 20;
const PER_DESK = 1_000;
const PULL_ROWS = 100_000;
const TENANT = 'benchville';

const newCase = (i: number): NewCase => ({
  id: newId(),
  channel: i % 25 === 0 ? 'chat' : 'phone',
  kind: i % 3 === 0 ? 'service_request' : 'information',
  serviceCode: i % 3 === 0 ? 'pothole' : 'billing-inquiry',
  caller: { anonymous: false, name: `Sync Caller ${i}`, phone: `403-555-${String(i % 10_000).padStart(4, '0')}` },
  location: i % 3 === 0 ? { addressText: `${100 + (i % 900)} 3 Ave S`, lat: 49.69, lng: -112.84 } : null,
  answers: i % 3 === 0 ? { pothole_size: 'medium', road_position: 'driving_lane' } : { account_number: `${1_000_000 + i}`, inquiry_topic: 'charges' },
  description: 'Caller reports a problem and asked for the reference number',
});

interface BenchDesk {
  dir: string;
  runtime: DeskRuntime;
  session: SyncSession;
}

/** A desk with `cases` cases logged through the console API (so `cases` createCase mutations wait in its outbox). */
async function deskWith(server: BenchServer, code: string, cases: number): Promise<BenchDesk> {
  const secret = await server.createDesk(code, 'bench');
  const dir = mkdtempSync(join(tmpdir(), `civicdesk-sync-bench-${code}-`));
  // Background sync off: the benchmark decides when the desk talks to the server.
  const runtime = openDeskRuntime({ dataDir: dir, deskCode: code, maintenanceIntervalMs: 0, integrityCheckDelayMs: 3_600_000, sync: false });
  const settings = { serverUrl: server.url, tenant: TENANT, deskSecret: secret };
  writeSyncSettings(runtime.db, settings);
  const agent = runtime.call('createAgent', { name: `Bench ${code}`, role: 'specialist' });
  if (!agent.ok) throw new Error(agent.error.message);
  runtime.call('signIn', { agentId: (agent.value as { id: string }).id });
  // Logging the cases is set-up, not the figure: no fsync per case here.
  runtime.db.pragma('synchronous = OFF');
  for (let i = 0; i < cases; i++) {
    const created = runtime.call('createCase', newCase(i));
    if (!created.ok) throw new Error(`bench desk ${code}: ${created.error.message}`);
  }
  runtime.db.pragma('synchronous = FULL');
  await settle();
  const session: SyncSession = {
    db: runtime.db,
    api: new ServerApi(server.url, (url, init) => fetch(url, init)),
    settings,
    deskCode: code,
    now: Date.now,
    token: { value: null },
    isStopped: () => false,
  };
  return { dir, runtime, session };
}

function closeDesk(desk: BenchDesk): void {
  desk.runtime.close();
  rmSync(desk.dir, { recursive: true, force: true });
}

const pending = (desk: BenchDesk): number => (desk.runtime.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

/**
 * Lets timers run after a long synchronous set-up: server and desks share this process, so a
 * keep-alive socket that expired meanwhile is closed now, not under the next (timed) request.
 */
const settle = () => new Promise((done) => setTimeout(done, 250));

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** The three sync figures against one server in its own process (PGlite, or PostgreSQL when `postgres`). */
async function measure(log: (line: string) => void, postgres: boolean): Promise<Record<string, number>> {
  const server = await startBenchServer(TENANT, postgres);
  const suffix = postgres ? '_pg' : '';
  const desks: BenchDesk[] = [];
  try {

    log(`${postgres ? 'PostgreSQL' : 'PGlite'}: logging ${PUSH_MUTATIONS.toLocaleString('en-CA')} cases on one desk…`);
    const pusher = await deskWith(server, 'P1', PUSH_MUTATIONS);
    desks.push(pusher);
    // The desk signs in to the server first (a scrypt check): a desk that syncs all day holds a token.
    await pusher.session.api.deskSignIn({ tenant: TENANT, deskCode: 'P1', deskSecret: pusher.session.settings.deskSecret }).then(({ token }) => {
      pusher.session.token.value = token;
    });
    log(`pushing ${PUSH_MUTATIONS.toLocaleString('en-CA')} mutations…`);
    const push = await timed(() => pushOutbox(pusher.session));
    if (push.value !== PUSH_MUTATIONS || pending(pusher) !== 0) throw new Error(`sync bench: pushed ${push.value} of ${PUSH_MUTATIONS}, ${pending(pusher)} left`);

    log(`logging ${PER_DESK.toLocaleString('en-CA')} cases on each of ${CONCURRENT_DESKS} desks…`);
    const crowd: BenchDesk[] = [];
    for (let d = 0; d < CONCURRENT_DESKS; d++) crowd.push(await deskWith(server, `C${String(d + 1).padStart(2, '0')}`, PER_DESK));
    desks.push(...crowd);
    await Promise.all(
      crowd.map(async (desk) => {
        const { token } = await desk.session.api.deskSignIn({ tenant: TENANT, deskCode: desk.session.deskCode, deskSecret: desk.session.settings.deskSecret });
        desk.session.token.value = token;
      }),
    );
    log(`${CONCURRENT_DESKS} desks pushing at once…`);
    const concurrent = await timed(() => Promise.all(crowd.map((desk) => pushOutbox(desk.session))));
    const crowdPushed = concurrent.value.reduce((a, b) => a + b, 0);
    if (crowdPushed !== CONCURRENT_DESKS * PER_DESK) throw new Error(`sync bench: the crowd pushed ${crowdPushed} of ${CONCURRENT_DESKS * PER_DESK}`);

    // Each createCase is two rows on the server (the case and its audit event): top up to PULL_ROWS.
    const filler = (PULL_ROWS - 2 * (PUSH_MUTATIONS + CONCURRENT_DESKS * PER_DESK)) / 2;
    if (filler > 0) {
      log(`topping the server up to ${PULL_ROWS.toLocaleString('en-CA')} rows (${filler.toLocaleString('en-CA')} more cases)…`);
      const topUp = await deskWith(server, 'F1', filler);
      desks.push(topUp);
      await pushOutbox(topUp.session);
    }

    log(`an empty desk pulls everything…`);
    const empty = await deskWith(server, 'E1', 0);
    desks.push(empty);
    await empty.session.api.deskSignIn({ tenant: TENANT, deskCode: 'E1', deskSecret: empty.session.settings.deskSecret }).then(({ token }) => {
      empty.session.token.value = token;
    });
    const pull = await timed(() => pullChanges(empty.session));
    const pulledCases = (empty.runtime.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    if (pull.value !== PULL_ROWS || pulledCases !== PULL_ROWS / 2) throw new Error(`sync bench: pulled ${pull.value} rows and ${pulledCases} cases, expected ${PULL_ROWS} rows`);
    log(`pulled ${pull.value.toLocaleString('en-CA')} rows (${pulledCases.toLocaleString('en-CA')} cases with their events)`);

    return {
      [`push_10k_mutations_s${suffix}`]: round(push.seconds, 2),
      [`pull_100k_rows_to_empty_desk_s${suffix}`]: round(pull.seconds, 2),
      [`concurrent_20_desks_1k_each_s${suffix}`]: round(concurrent.seconds, 2),
    };
  } finally {
    for (const desk of desks) closeDesk(desk);
    await server.close();
  }
}

export const syncSection: BenchSection = {
  name: 'sync',
  describe: 'desks pushing to and pulling from the central server, in its own process on loopback (PGlite; PostgreSQL too when DATABASE_URL is set)',
  budgets: {
    push_10k_mutations_s: { max: 1 },
    pull_100k_rows_to_empty_desk_s: { max: 4 },
    concurrent_20_desks_1k_each_s: { max: 4 },
    push_10k_mutations_s_pg: { max: 1 },
    pull_100k_rows_to_empty_desk_s_pg: { max: 4 },
    concurrent_20_desks_1k_each_s_pg: { max: 4 },
  },
  async run(log) {
    const figures = await measure(log, false);
    if (process.env.DATABASE_URL) Object.assign(figures, await measure(log, true));
    return figures;
  },
};
