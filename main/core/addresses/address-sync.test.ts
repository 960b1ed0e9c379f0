import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateAddresses } from '../../../test/fixtures/addresses/generate-addresses';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { api, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../../test/helpers/server';
import { ServerApi } from '../sync/server-api';
import { pullAddresses } from './pull-addresses';
import { lookupAddresses } from './address-lookup';
import { AddressUploadError, uploadAddresses } from './upload-addresses';
import type { AddressFileRecord } from './read-address-file';

let server: TestServer;
let tenant: SeededTenant;
let desk: TestDesk;
const requests: string[] = [];

const LIST: AddressFileRecord[] = generateAddresses(2_000).map((r, i) => ({ ...r, line: i + 2 }));
const upload = (records: readonly AddressFileRecord[], token = tenant.admin.token) => uploadAddresses(fetch, server.url, token, 'addresses.csv', records);
const pull = () =>
  pullAddresses(
    {
      db: desk.db,
      get: <S extends z.ZodType>(path: string, schema: S) => {
        requests.push(path);
        return new ServerApi(server.url, fetch).getReference(tenant.desks[0].token, path, schema);
      },
      isStopped: () => false,
    },
    500,
  );
const deskIds = () => (desk.db.prepare('SELECT address_id AS id FROM addresses ORDER BY address_id').all() as { id: string }[]).map((r) => r.id);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server);
  desk = openTestDesk();
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  desk.close();
  await server.close();
});

describe('the address list on the server and its way to desks', () => {
  it('imports a list in chunks and a desk pulls all of it, page by page, then matches offline', async () => {
    expect(await upload(LIST)).toEqual({ added: 2_000, changed: 0, removed: 0, unchanged: 0, version: 2_000 });
    requests.length = 0;
    expect(await pull()).toBe(2_000);
    expect(requests).toHaveLength(4); // 500 a page; the fourth says there is no more
    expect(deskIds()).toEqual(LIST.map((r) => r.addressId).sort());
    const target = LIST[1_234]!;
    const found = lookupAddresses(desk.db, target.fullAddress, 5).matches[0]!;
    expect(found).toMatchObject({ addressId: target.addressId, fullAddress: target.fullAddress, lat: target.lat, lng: target.lng });
  });

  it('costs one small request when nothing changed, and the same file again changes nothing', async () => {
    requests.length = 0;
    expect(await pull()).toBe(0);
    expect(requests).toEqual(['/addresses/changes?cursor=2000&limit=500']);
    expect(await upload(LIST)).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 2_000, version: 2_000 });
    expect(await pull()).toBe(0);
  });

  it('a re-import that drops, changes and adds addresses reaches the desk, tombstones included', async () => {
    const changed = LIST.slice(100).map((r, i) => (i < 10 ? { ...r, fullAddress: `${r.fullAddress} (renumbered)` } : r));
    const added = generateAddresses(2_005).slice(2_000).map((r, i) => ({ ...r, addressId: `NEW-${i}`, line: 3_000 + i }));
    const outcome = await upload([...changed, ...added]);
    expect(outcome).toEqual({ added: 5, changed: 10, removed: 100, unchanged: 1_890, version: 2_115 });
    expect(await pull()).toBe(115);
    expect(deskIds()).toEqual([...changed, ...added].map((r) => r.addressId).sort());
    expect(lookupAddresses(desk.db, LIST[0]!.fullAddress, 8).matches.map((m) => m.addressId)).not.toContain(LIST[0]!.addressId);
  });

  it('refuses an import from anyone but an admin, and the list to anyone but a desk', async () => {
    await expect(upload(LIST.slice(0, 3), tenant.lead.token)).rejects.toThrow(/needs the admin role; you are signed in as lead/);
    const asUser = await api(server.url, '/addresses/changes?cursor=0', { token: tenant.admin.token });
    expect(asUser.status).toBe(403);
  });

  it('commits nothing from an upload that is incomplete or names an address twice', async () => {
    const { body: started } = await api<{ importId: string }>(server.url, '/addresses/imports', { token: tenant.admin.token, body: { fileName: 'part.csv', rows: 3 } });
    await api(server.url, '/addresses/imports/rows', { token: tenant.admin.token, body: { importId: started.importId, rows: LIST.slice(0, 2) } });
    const early = await api<{ error: { message: string } }>(server.url, '/addresses/imports/commit', { token: tenant.admin.token, body: { importId: started.importId } });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/2 of 3 rows uploaded/);
    const twice = [LIST[0]!, { ...LIST[0]!, line: 9 }];
    await expect(upload(twice)).rejects.toThrow(AddressUploadError);
    await expect(upload(twice)).rejects.toThrow(/Row 9, column address_id: address_id 'LETH-100000' is already used by row 2/);
    const bad = await api<{ error: { message: string } }>(server.url, '/addresses/imports', { token: tenant.admin.token, body: { fileName: 'x.csv', rows: 0 } });
    expect(bad.body.error.message).toMatch(/rows: the list must hold at least one address/);
    expect(await pull()).toBe(0);
  });
});
