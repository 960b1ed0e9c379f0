import { initial } from './0001-initial';
import { localAgents } from './0002-local-agents';
import { caseTotals } from './0003-case-totals';
import { sync } from './0004-sync';
import { withdrawnChanges } from './0005-withdrawn-changes';
import { unconfirmedMutations } from './0006-unconfirmed-mutations';
import { historicImport } from './0007-historic-import';
import { reportIndexes } from './0008-report-indexes';
import { bulkPull } from './0009-bulk-pull';
import { addresses } from './0010-addresses';
import { knowledgeBase } from './0011-knowledge-base';
import { duplicateLookup } from './0012-duplicate-lookup';
import { contactsAndArticles } from './0013-contacts-and-articles';

/** A numbered schema change. Never edit one that has shipped: add the next number instead. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, localAgents, caseTotals, sync, withdrawnChanges, unconfirmedMutations, historicImport, reportIndexes, bulkPull, addresses, knowledgeBase, duplicateLookup, contactsAndArticles];
