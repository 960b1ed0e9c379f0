import type { z } from 'zod';
import { pullAddresses } from '../addresses/pull-addresses';
import type { WritableDb } from '../db/connection';
import { pullArticles } from '../kb/pull-articles';

/**
 * What a puller of reference data gets: the desk database and an authenticated GET that parses
 * the answer (throws ServerError or ServerUnreachable like every sync request, so the sync
 * client's back-off covers it).
 */
export interface ReferenceSession {
  db: WritableDb;
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>>;
  isStopped(): boolean;
}

/** Data the server owns and desks only read, brought up to date after each sync: the address list and the knowledge base. */
export async function pullReferenceData(session: ReferenceSession): Promise<{ addresses: number; articles: number }> {
  const articles = await pullArticles(session);
  const addresses = await pullAddresses(session);
  return { addresses, articles };
}
