import { accounts } from './0001-accounts';
import { sync } from './0002-sync';
import { syncWritesWithoutTenantChecks } from './0003-sync-writes-without-tenant-checks';
import { historicImport } from './0004-historic-import';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Numbered 1, 2, 3…; never edit one that has shipped — the ledger's checksums would refuse it. */
export const MIGRATIONS: readonly Migration[] = [accounts, sync, syncWritesWithoutTenantChecks, historicImport];
