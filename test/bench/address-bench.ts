import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalog } from '../../shared/domain';
import type { AddressLookup } from '../../shared/contract/addresses';
import { openDeskDatabase } from '../../main/core/db/connection';
import { createCallOperation, createConsoleHandlers } from '../../main/core/console-api';
import type { DeskState } from '../../main/core/desk-session';
import { replaceAddresses } from '../../main/core/addresses/address-store';
import { generateAddresses, generateQueries } from '../fixtures/addresses/generate-addresses';
import { percentile, round } from './stats';

const ADDRESSES = 100_000;
const QUERIES = 400;
/** Queries also typed key by key, as the console asks while the specialist types. */
const TYPED_KEY_BY_KEY = 40;

/**
 * address_lookup_p95_ms: a desk holding 100,000 addresses answers lookupAddress — through the
 * console's own call path (input parse, handler, output check) — for 400 typed queries and for
 * every keystroke of 40 of them. The list is imported afresh each run (a few seconds), so nothing
 * is cached. The first lookup, which builds the in-memory street list, is reported apart.
 */
export async function measureAddressLookup(log: (line: string) => void): Promise<{ address_lookup_p95_ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-address-bench-'));
  const { db } = openDeskDatabase(join(dir, 'desk.sqlite'));
  try {
    const list = generateAddresses(ADDRESSES);
    let started = performance.now();
    replaceAddresses(db, list, Date.now());
    log(`addresses: imported ${list.length.toLocaleString('en-CA')} addresses in ${Math.round(performance.now() - started)} ms`);
    const state: DeskState = {
      session: { deskCode: 'D07', timeZone: 'America/Edmonton', agent: { id: 'agent-bench', name: 'Bench', role: 'specialist' } },
      catalog: defaultCatalog,
      now: Date.now,
    };
    const call = createCallOperation(createConsoleHandlers(db, state));
    const lookup = (query: string): AddressLookup => {
      const result = call('lookupAddress', { query, limit: 8 });
      if (!result.ok) throw new Error(`lookupAddress '${query}': ${result.error.message}`);
      return result.value as AddressLookup;
    };
    started = performance.now();
    lookup('1');
    log(`addresses: first lookup (builds the street list) ${round(performance.now() - started, 1)} ms`);

    const queries = generateQueries(list, QUERIES, 4242);
    const keystrokes = queries.slice(0, TYPED_KEY_BY_KEY).flatMap(({ query }) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
    const samples: number[] = [];
    let found = 0;
    for (const { query, expected } of queries) {
      const t = performance.now();
      const answer = lookup(query);
      samples.push(performance.now() - t);
      if (answer.matches.slice(0, 5).some((m) => m.addressId === expected)) found += 1;
    }
    for (const typed of keystrokes) {
      const t = performance.now();
      lookup(typed);
      samples.push(performance.now() - t);
    }
    const p95 = round(percentile(samples, 95), 2);
    log(
      `addresses: ${samples.length} lookups (${queries.length} queries, ${keystrokes.length} keystrokes): p50 ${round(percentile(samples, 50), 2)} ms, p95 ${p95} ms, max ${round(Math.max(...samples), 2)} ms; recall@5 ${round(found / queries.length)}`,
    );
    return { address_lookup_p95_ms: p95 };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('address-bench.ts')) {
  measureAddressLookup((line) => process.stderr.write(`[bench] ${line}\n`)).then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`));
}
