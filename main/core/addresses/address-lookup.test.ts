import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressLookup } from '../../../shared/contract/addresses';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { generateAddresses, generateQueries } from '../../../test/fixtures/addresses/generate-addresses';
import { replaceAddresses } from './address-store';

const LIST = generateAddresses(5_000);
const QUERIES = generateQueries(LIST, 400);

let desk: TestDesk;
beforeAll(() => {
  desk = openTestDesk();
  replaceAddresses(desk.db, LIST, desk.clock.now);
});
afterAll(() => desk.close());

const lookup = (query: string, limit = 5): AddressLookup => {
  const result = desk.call('lookupAddress', { query, limit });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AddressLookup;
};
const top = (query: string, limit = 5) => lookup(query, limit).matches.map((m) => m.fullAddress);

describe('address lookup', () => {
  it('finds the typed address in the first five for at least 95% of 400 real-world-shaped queries', () => {
    const misses: string[] = [];
    for (const { query, expected, how } of QUERIES) {
      const found = lookup(query).matches.map((m) => m.addressId);
      if (!found.includes(expected)) misses.push(`${query} (${how.join(', ')}) → ${top(query, 3).join(' | ')}`);
    }
    const recall = 1 - misses.length / QUERIES.length;
    console.log(`address lookup recall@5 = ${recall.toFixed(3)} over ${QUERIES.length} queries; misses:\n${misses.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
