import { DateTime } from 'luxon';
import { defaultCatalog, formatReference, newId, STATUS_RANK, type Case, type CaseKind, type CaseStatus, type Channel, type Disposition } from '../../shared/domain';
import { insertCase } from '../../main/core/cases/case-store';
import type { WritableDb } from '../../main/core/db/connection';

/**
 * Small, fixed sets of cases for report tests, written as rows of a real desk database. Times are
 * local wall-clock times ('2026-11-26 07:10') in the fixture's zone, so a test reads like the shift.
 */

export const ZONE = 'America/Edmonton';

export interface FixtureCase {
  /** Local time the case was created, 'YYYY-MM-DD HH:mm' (or full ISO with offset for an ambiguous hour). */
  at: string;
  channel: Channel;
  kind: CaseKind;
  serviceCode: string;
  agentId: string;
  status: CaseStatus;
  disposition?: Disposition | null;
  /** Seconds. */
  talk?: number;
  hold?: number;
  wrap?: number;
  resolvedAt?: string;
  closedAt?: string;
  deskCode?: string;
  deleted?: boolean;
  /** Arrived from another desk through the server. */
  pulled?: boolean;
}

export const localMs = (local: string, zone = ZONE): number => {
  const parsed = local.includes('T') ? DateTime.fromISO(local, { setZone: true }) : DateTime.fromFormat(local, 'yyyy-LL-dd HH:mm', { zone });
  if (!parsed.isValid) throw new Error(`fixture time '${local}' is not valid`);
  return parsed.toMillis();
};

const iso = (local: string | undefined) => (local === undefined ? null : new Date(localMs(local)).toISOString());

let sequence = 0;

/** The case a fixture describes, with a fresh id and a reference unique to this test run. */
export function fixtureToCase(f: FixtureCase): Case {
  const type = defaultCatalog.serviceTypes.find((t) => t.code === f.serviceCode);
  if (!type) throw new Error(`fixture: no service type '${f.serviceCode}' in the default catalog`);
  const createdAt = new Date(localMs(f.at)).toISOString();
  const deskCode = f.deskCode ?? 'D07';
  sequence += 1;
  return {
    id: newId(),
    reference: formatReference(deskCode, DateTime.fromISO(createdAt, { zone: ZONE }).toISODate() ?? '2026-01-01', sequence),
    deskCode,
    agentId: f.agentId,
    channel: f.channel,
    kind: f.kind,
    serviceCode: type.code,
    departmentCode: type.departmentCode,
    priority: type.defaultPriority,
    status: f.status,
    statusEpoch: 0,
    statusRank: STATUS_RANK[f.status],
    caller: { anonymous: true },
    location: null,
    answers: {},
    description: `fixture ${f.at} ${f.kind}`,
    disposition: f.disposition ?? null,
    wrapUpNote: null,
    resolutionNote: null,
    handleTime: { talkMs: (f.talk ?? 0) * 1000, holdMs: (f.hold ?? 0) * 1000, wrapUpMs: (f.wrap ?? 0) * 1000 },
    createdAt,
    updatedAt: createdAt,
    resolvedAt: iso(f.resolvedAt),
    closedAt: iso(f.closedAt),
    version: 1,
  };
}

/** Writes the fixture cases; returns their ids in the order given. */
export function writeFixtureCases(db: WritableDb, fixtures: readonly FixtureCase[]): string[] {
  return db.transaction(() =>
    fixtures.map((f) => {
      const c = fixtureToCase(f);
      insertCase(db, c);
      if (f.pulled) db.prepare("UPDATE cases SET origin = 'pulled' WHERE id = ?").run(c.id);
      if (f.deleted) db.prepare('UPDATE cases SET deleted_at = ? WHERE id = ?').run(Date.parse(c.createdAt) + 60_000, c.id);
      return c.id;
    }),
  )();
}

export function addLocalAgents(db: WritableDb, agents: readonly { id: string; name: string; role: 'specialist' | 'lead' | 'admin' }[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO local_agents (id, name, role, created_at) VALUES (?, ?, ?, 0)');
  for (const a of agents) insert.run(a.id, a.name, a.role);
}
