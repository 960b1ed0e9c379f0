import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addressCsv, generateAddresses } from '../../test/fixtures/addresses/generate-addresses';
import { seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../test/helpers/server';
import { openDeskDatabase } from '../core/db/connection';
import { lookupAddresses } from '../core/addresses/address-lookup';

/** `civicdesk addresses import` as an admin runs it: a real process, a real desk file and a real server. */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const LIST = generateAddresses(3_000);

let dir: string;
let data: string;
let server: TestServer;
let tenant: SeededTenant;

function civicdesk(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['main/cli/index.ts', 'addresses', 'import', ...args], { cwd: ROOT, env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-addresses-cli-'));
  data = join(dir, 'desk');
  openDeskDatabase(join(data, 'desk.sqlite')).db.close();
  writeFileSync(join(dir, 'addresses.csv'), addressCsv(LIST));
  server = await startTestServer();
  tenant = await seedTenant(server);
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('civicdesk addresses import', () => {
  it('imports into a desk, and the same file again changes nothing', async () => {
    const first = await civicdesk([join(dir, 'addresses.csv'), '--data', data]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Imported 3,000 addresses from addresses.csv into the desk database .*: 3,000 added, 0 changed, 0 removed, 0 unchanged/);
    const again = await civicdesk([join(dir, 'addresses.csv'), '--data', data]);
    expect(again.stdout).toMatch(/0 added, 0 changed, 0 removed, 3,000 unchanged/);
    const { db } = openDeskDatabase(join(data, 'desk.sqlite'));
    try {
      expect(lookupAddresses(db, LIST[42]!.fullAddress.toLowerCase(), 3).matches[0]?.addressId).toBe(LIST[42]!.addressId);
    } finally {
      db.close();
    }
  });

  it('names every bad row by line, column and reason, and imports nothing', async () => {
    const lines = addressCsv(LIST.slice(0, 5)).trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/,49\.\d+,/, ',north,');
    lines[4] = lines[4]!.replace(/^LETH-\d+/, 'LETH-100000');
    writeFileSync(join(dir, 'bad.csv'), `${lines.join('\n')}\n`);
    const run = await civicdesk([join(dir, 'bad.csv'), '--data', data]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Row 3, column lat: must be a number (got 'north')");
    expect(run.stderr).toContain("Row 5, column address_id: 'LETH-100000' is already used by row 2");
    expect(run.stderr).toContain('nothing was imported');
  });

  it('uploads to the server as an admin, with the password from CIVICDESK_PASSWORD', async () => {
    const args = [join(dir, 'addresses.csv'), '--server', server.url, '--tenant', tenant.tenant, '--username', 'admin'];
    const run = await civicdesk(args, { CIVICDESK_PASSWORD: tenant.admin.password });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Imported 3,000 addresses from addresses.csv into lethbridge on http.*: 3,000 added.*list version 3000/);
    const refused = await civicdesk(['--server', server.url, '--tenant', tenant.tenant, '--username', 'lee', join(dir, 'addresses.csv')], { CIVICDESK_PASSWORD: tenant.lead.password });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/needs the admin role; you are signed in as lead \(nothing was imported\)/);
  });
});
