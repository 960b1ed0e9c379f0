import type { CaseDetail, DeskInfo } from '../../../shared/contract';
import type { NewCase } from '../../../shared/domain';
import { openDeskRuntime, type DeskRuntime } from '../../../main/core/desk-runtime';
import { SyncStopped } from '../../../main/core/sync/sync-cycle';
import { readSyncProgress } from '../../../main/core/sync/sync-store';
import type { SimulatedNetwork } from './network';
import type { SeededRandom } from './random';

/** A central account, or a local profile the server does not know (it treats its changes as a specialist's, so some are rejected). */
export type SimUser = { kind: 'central'; username: string; password: string } | { kind: 'local-lead'; name: string };

export interface SimDeskConfig {
  deskCode: string;
  secret: string;
  dataDir: string;
  user: SimUser;
  /** How far this desk's clock is off, up to ±1 day. */
  skewMs: number;
}

type ApiAnswer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** One desk of the simulation: a real desk runtime on a real SQLite file, reopened after every kill. */
export class SimDesk {
  runtime: DeskRuntime | null = null;
  /** Every mutation this desk wrote: its id and the id of its audit event. */
  readonly produced = new Map<number, string>();
  readonly cursorHistory: number[] = [];
  readonly refusals: string[] = [];
  kills = 0;
  private killArmed = false;
  private step = 0;
  private lastProduced = 0;

  constructor(
    readonly config: SimDeskConfig,
    private readonly network: SimulatedNetwork,
    private readonly random: SeededRandom,
    private readonly clock: { now: number },
  ) {}

  open(): DeskRuntime {
    const now = () => this.clock.now + this.config.skewMs;
    this.runtime = openDeskRuntime({
      dataDir: this.config.dataDir,
      deskCode: this.config.deskCode,
      now,
      maintenanceIntervalMs: 0,
      integrityCheckDelayMs: 3_600_000,
      sync: {
        fetch: this.network.fetchFor(this),
        // Timers never fire by themselves: the run says when each desk syncs.
        clock: { now, setTimeout: () => null, clearTimeout: () => {}, random: () => this.random.next() },
      },
    });
    return this.runtime;
  }

  close(): void {
    this.runtime?.close();
    this.runtime = null;
  }

  /** Power cut: the process dies; whatever committed is on disk, nothing else. */
  kill(): void {
    this.kills += 1;
    this.close();
    this.open();
  }

  /** The next request this desk makes reaches the server, and the desk dies before the answer. */
  armKillMidRequest(): void {
    this.killArmed = true;
  }

  killMidRequest(): boolean {
    if (!this.killArmed) return false;
    this.killArmed = false;
    this.kills += 1;
    this.close();
    return true;
  }

  get desk(): DeskRuntime {
    return this.runtime ?? this.open();
  }

  async setUp(serverUrl: string, tenant: string): Promise<void> {
    const desk = this.desk;
    expectOk(await desk.call('setSyncSettings', { serverUrl, tenant, deskSecret: this.config.secret }), 'setSyncSettings');
    const { user } = this.config;
    if (user.kind === 'central') expectOk(await desk.call('signInWithPassword', { username: user.username, password: user.password }), 'signInWithPassword');
    else {
      const agent = expectOk(desk.call('createAgent', { name: user.name, role: 'lead' }), 'createAgent') as { id: string };
      expectOk(desk.call('signIn', { agentId: agent.id }), 'signIn');
    }
    // Saving the settings started a first sync in the background; let it finish so the run starts quiet.
    await desk.sync!.syncNow();
  }

  async sync(): Promise<void> {
    const desk = this.desk;
    try {
      await desk.sync!.syncNow();
    } catch (error) {
      if (!(error instanceof SyncStopped)) throw error;
    }
    if (this.runtime) this.cursorHistory.push(readSyncProgress(this.runtime.db).pullCursor);
  }

  pending(): number {
    return this.desk.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  }

  /** One thing a specialist or lead does at the desk, chosen by the generator. */
  act(): void {
    const desk = this.desk;
    this.step += 1;
    const live = desk.db.prepare('SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
    const roll = this.random.next();
    let answer: ApiAnswer;
    if (live.length === 0 || roll < 0.3) answer = desk.call('createCase', this.newCase());
    else {
      const id = this.random.pick(live);
      const detail = expectOk(desk.call('getCase', { id }), 'getCase') as CaseDetail;
      answer = this.changeCase(desk, detail, roll);
    }
    if (!answer.ok) this.refusals.push(`${this.config.deskCode} step ${this.step}: ${answer.error.code} ${answer.error.message}`);
    this.recordProduced();
  }

  private changeCase(desk: DeskRuntime, detail: CaseDetail, roll: number): ApiAnswer {
    const { case: c, allowedStatusEvents } = detail;
    const label = `${this.config.deskCode}#${this.step}`;
    if (roll < 0.5) {
      return desk.call('updateCase', {
        id: c.id,
        expectedVersion: c.version,
        changes: this.random.chance(0.5) ? { priority: this.random.pick(['low', 'normal', 'high', 'urgent'] as const) } : { description: `${c.description.slice(0, 40)} / ${label}` },
      });
    }
    if (roll < 0.57) {
      // Another interaction about this case (a repeat caller or a second report): an event, like a note, a union by id.
      const reason = this.random.chance(0.5) ? 'repeat_contact' : 'duplicate_report';
      const id = this.random.uuidv7(this.clock.now);
      return desk.call('addContact', { id, caseId: c.id, channel: 'phone', caller: { anonymous: true }, reason, handleTime: { talkMs: 30_000, holdMs: 0, wrapUpMs: 0 } });
    }
    if (roll < 0.65) return desk.call('addNote', { caseId: c.id, body: `Note ${label}` });
    if (roll < 0.75 && c.status === 'new') {
      return desk.call('wrapUpCase', { caseId: c.id, disposition: 'answered', note: `Wrapped ${label}`, handleTime: { talkMs: 60_000, holdMs: 0, wrapUpMs: 5_000 } });
    }
    if (allowedStatusEvents.length === 0) return desk.call('addNote', { caseId: c.id, body: `Note ${label}` });
    const type = this.random.pick(allowedStatusEvents);
    const event =
      type === 'RESOLVE' ? { type, note: `Resolved ${label}` } : type === 'REOPEN' || type === 'CANCEL' ? { type, reason: `Because ${label}` } : { type };
    return desk.call('transitionCase', { id: c.id, event });
  }

  private newCase(): NewCase {
    const id = this.random.uuidv7(this.clock.now); // the same ids whatever the desk clocks say
    const label = `${this.config.deskCode}#${this.step}`;
    if (this.random.chance(0.5)) {
      const article = this.random.chance(0.3) ? { article: { id: 'kb-collection-days', title: 'Collection days' } } : {};
      return { id, channel: 'phone', kind: 'information', serviceCode: 'general-information', caller: { anonymous: true }, location: null, answers: {}, description: `Question ${label}`, ...article };
    }
    return {
      id,
      channel: this.random.pick(['phone', 'walk_in', 'chat'] as const),
      kind: 'service_request',
      serviceCode: 'pothole',
      caller: { anonymous: false, name: `Caller ${this.random.int(1, 20)}`, phone: `403-555-${String(this.random.int(1000, 9999))}` },
      location: { addressText: `${this.random.int(1, 999)} ${this.random.pick(['Scenic Dr S', '3 Ave S', 'Mayor Magrath Dr'])}` },
      answers: { pothole_size: this.random.pick(['small', 'medium', 'large']), road_position: this.random.pick(['driving_lane', 'curb_lane']) },
      description: `Pothole ${label}`,
    };
  }

  private recordProduced(): void {
    const rows = this.desk.db.prepare('SELECT mutation_id, event FROM outbox WHERE mutation_id > ? ORDER BY mutation_id').all(this.lastProduced) as {
      mutation_id: number;
      event: string;
    }[];
    for (const row of rows) {
      this.produced.set(row.mutation_id, (JSON.parse(row.event) as { id: string }).id);
      this.lastProduced = row.mutation_id;
    }
  }

  deskInfo(): DeskInfo {
    return expectOk(this.desk.call('deskInfo', {}), 'deskInfo') as DeskInfo;
  }
}

function expectOk(answer: ApiAnswer, what: string): unknown {
  if (!answer.ok) throw new Error(`${what}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

