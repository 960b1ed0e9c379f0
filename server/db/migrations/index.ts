import { accounts } from './0001-accounts';
import { sync } from './0002-sync';
import { syncWritesWithoutTenantChecks } from './0003-sync-writes-without-tenant-checks';
import { historicImport } from './0004-historic-import';
import { addresses } from './0005-addresses';
import { knowledgeBase } from './0006-knowledge-base';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Numbered 1, 2, 3…; never edit one that has shipped — the ledger's checksums would refuse it. */
export const MIGRATIONS: readonly Migration[] = [accounts, sync, syncWritesWithoutTenantChecks, historicImport, addresses, knowledgeBase];
