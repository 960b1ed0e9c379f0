import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskInfo, SyncStatus } from '../../shared/contract';
import { newId, type Case } from '../../shared/domain';
import type { DigestResponse } from '../../shared/sync';
import { openDeskRuntime, type DeskRuntime } from '../../main/core/desk-runtime';
import { deskDigest } from '../../main/core/sync/digest';
import { api, seedTenant, signInDesk, startTestServer, type SeededTenant, type TestServer } from '../helpers/server';

let server: TestServer;
let tenant: SeededTenant;
const dirs: string[] = [];
const runtimes: DeskRuntime[] = [];

beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server, { deskCodes: ['D01', 'D02'] });
}, 120_000);
afterAll(async () => {
  for (const runtime of runtimes) runtime.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

function ok<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** A console as `npm run web` opens it: its own data folder and desk code, syncing with the server. */
async function openConsole(deskCode: string, secret: string, user: { username: string; password: string }): Promise<DeskRuntime> {
  const dir = mkdtempSync(join(tmpdir(), `civicdesk-${deskCode}-`));
  dirs.push(dir);
  const runtime = openDeskRuntime({ dataDir: dir, deskCode, maintenanceIntervalMs: 0, integrityCheckDelayMs: 600_000, sync: { idleIntervalMs: 600_000 } });
  runtimes.push(runtime);
  ok(await runtime.call('setSyncSettings', { serverUrl: server.url, tenant: tenant.tenant, deskSecret: secret }));
  ok<DeskInfo>(await runtime.call('signInWithPassword', { username: user.username, password: user.password }));
  return runtime;
}

const logCase = (desk: DeskRuntime, description: string): Case =>
  ok<Case>(
    desk.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'service_request',
      serviceCode: 'pothole',
      caller: { anonymous: false, name: 'Marguerite Olsen', phone: '403-555-0199' },
      location: { addressText: '400 Mayor Magrath Dr S' },
      answers: { pothole_size: 'medium', road_position: 'curb_lane' },
      description,
    }),
  );

const syncNow = async (desk: DeskRuntime): Promise<SyncStatus> => ok<SyncStatus>(await desk.call('syncNow', {}));
const references = (desk: DeskRuntime, query: string): string[] =>
  ok<{ items: { reference: string }[] }>(desk.call('searchCases', { query })).items.map((item) => item.reference);

async function serverDigest(deskCode: string, secret: string): Promise<DigestResponse> {
  const token = await signInDesk(server.url, tenant.tenant, deskCode, secret);
  return (await api<DigestResponse>(server.url, '/sync/digest', { token })).body;
}

describe('two desks and the central server', () => {
  it('see each other’s cases after sync, including cases logged while the server was down, and agree with it', async () => {
    const [north, south] = tenant.desks;
    const a = await openConsole(north.code, north.secret, tenant.specialist);
    const b = await openConsole(south.code, south.secret, tenant.lead);

    const first = logCase(a, 'Pothole by the library, first report');
    expect(await syncNow(a)).toMatchObject({ online: true, pendingMutations: 0, lastError: null });
    await syncNow(b);
    expect(references(b, first.reference)).toEqual([first.reference]);
    expect(references(b, 'library')).toEqual([first.reference]);

    await server.server.close();
    const whileDownA = logCase(a, 'Streetlight out on 13 St N, logged offline');
    const whileDownB = logCase(b, 'Graffiti on the transit shelter, logged offline');
    ok(b.call('addNote', { caseId: first.id, body: 'Caller phoned again, crew en route' }));
    const offline = await syncNow(a);
    expect(offline).toMatchObject({ online: false, pendingMutations: 1, lastError: expect.stringMatching(/did not answer/) });

    await server.restart();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const desk of [a, b]) {
      expect(references(desk, whileDownA.reference)).toEqual([whileDownA.reference]);
      expect(references(desk, whileDownB.reference)).toEqual([whileDownB.reference]);
      expect(references(desk, 'crew en route')).toEqual([first.reference]);
      expect(ok<DeskInfo>(desk.call('deskInfo', {})).sync).toMatchObject({ state: 'online', pendingMutations: 0, lastError: null });
    }
    expect(whileDownA.reference.startsWith(`${north.code}-`)).toBe(true);
    expect(whileDownB.reference.startsWith(`${south.code}-`)).toBe(true);

    const expected = await serverDigest(north.code, north.secret);
    expect(expected).toMatchObject({ cases: 3, notes: 1 });
    expect(deskDigest(a.db)).toEqual(expected);
    expect(deskDigest(b.db)).toEqual(expected);
  });
});
