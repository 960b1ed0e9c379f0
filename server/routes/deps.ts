import type { Database } from '../db/database';

/** What every route module is given: plain values, no container. */
export interface RouteDeps {
  db: Database;
  signingKey: Buffer;
  userTokenTtlMs: number;
  deskTokenTtlMs: number;
  version: string;
}
