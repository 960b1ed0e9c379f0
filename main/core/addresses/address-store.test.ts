import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { generateAddresses } from '../../../test/fixtures/addresses/generate-addresses';
import { addressListState, applyAddressChanges, replaceAddresses } from './address-store';
import { lookupAddresses } from './address-lookup';

const LIST = generateAddresses(50);
let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

const ids = () => (desk.db.prepare('SELECT address_id AS id FROM addresses ORDER BY address_id').all() as { id: string }[]).map((r) => r.id);

describe("the desk's address list", () => {
  it('a local import is replaced by the first list the server sends, and the lookup follows', () => {
    replaceAddresses(desk.db, LIST, 1);
    expect(addressListState(desk.db)).toMatchObject({ cursor: 0, source: 'local', generation: 1 });
    expect(lookupAddresses(desk.db, LIST[0]!.fullAddress, 1).listSize).toBe(50);
    const fromServer = { ...LIST[1]!, addressId: 'SRV-1', version: 1, deleted: false as const };
    applyAddressChanges(desk.db, { rows: [fromServer], cursor: 1, hasMore: false }, 0, 2);
    expect(ids()).toEqual(['SRV-1']);
    expect(addressListState(desk.db)).toMatchObject({ cursor: 1, source: 'server', generation: 2 });
    expect(lookupAddresses(desk.db, LIST[1]!.fullAddress, 5)).toMatchObject({ listSize: 1, matches: [{ addressId: 'SRV-1' }] });
  });

  it('applies tombstones, keeps its generation when nothing changed, and refuses a cursor that moves back', () => {
    applyAddressChanges(desk.db, { rows: LIST.slice(0, 3).map((r, i) => ({ ...r, version: i + 1, deleted: false as const })), cursor: 3, hasMore: false }, 0, 1);
    applyAddressChanges(desk.db, { rows: [{ addressId: LIST[0]!.addressId, version: 4, deleted: true }], cursor: 4, hasMore: false }, 3, 2);
    expect(ids()).toEqual([LIST[1]!.addressId, LIST[2]!.addressId]);
    const before = addressListState(desk.db).generation;
    applyAddressChanges(desk.db, { rows: [], cursor: 4, hasMore: false }, 4, 3);
    expect(addressListState(desk.db).generation).toBe(before);
    expect(() => applyAddressChanges(desk.db, { rows: [], cursor: 2, hasMore: false }, 4, 3)).toThrow(/a cursor never moves back/);
  });

  it('drops a page that answers a cursor the list has moved from (a local import meanwhile), so no page wipes the others', () => {
    const page = (from: number, to: number) => ({ rows: LIST.slice(from, to).map((r, i) => ({ ...r, version: from + i + 1, deleted: false as const })), cursor: to, hasMore: true });
    applyAddressChanges(desk.db, page(0, 5), 0, 1);
    replaceAddresses(desk.db, LIST.slice(40), 2); // `civicdesk addresses import` on this desk between two pages
    const local = ids();
    expect(applyAddressChanges(desk.db, page(5, 10), 5, 3)).toBe(0);
    expect(ids()).toEqual(local);
  });

  it('a lookup before sign-in is refused, and an empty list answers with no matches', () => {
    expect(desk.call('lookupAddress', { query: '123 3 ave s' })).toEqual({ ok: true, value: { matches: [], listSize: 0 } });
    desk.deps.session.agent = null as never;
    expect(desk.call('lookupAddress', { query: '123' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });
});
