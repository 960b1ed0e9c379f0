import type { Database } from '../db/database';
import type { StatisticsKeeper } from '../db/statistics-keeper';

/** What every route module is given: plain values, no container. */
export interface RouteDeps {
  db: Database;
  signingKey: Buffer;
  userTokenTtlMs: number;
  deskTokenTtlMs: number;
  version: string;
  statistics: StatisticsKeeper;
}
