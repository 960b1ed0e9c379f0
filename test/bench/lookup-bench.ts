import { measureAddressLookup } from './address-bench';
import { measureCallerAndDuplicates } from './duplicates-bench';
import { measureKbSearch } from './kb-bench';
import type { BenchSection } from './section';

/** What a specialist waits for while the caller talks: articles, addresses, earlier cases, duplicates. */
export const lookupSection: BenchSection = {
  name: 'lookup',
  describe: 'knowledge-base search (5,000 articles), address lookup (100,000 addresses), caller history and duplicate check (1,000,000 cases)',
  budgets: {
    kb_search_p95_ms: { max: 10 },
    address_lookup_p95_ms: { max: 15 },
    caller_history_p95_ms: { max: 10 },
    duplicate_check_p95_ms: { max: 20 },
  },
  async run(log) {
    return { ...(await measureKbSearch(log)), ...(await measureAddressLookup(log)), ...(await measureCallerAndDuplicates(log)) };
  },
};
