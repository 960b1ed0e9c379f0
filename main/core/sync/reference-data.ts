import type { z } from 'zod';
import { pullAddresses } from '../addresses/pull-addresses';
import type { WritableDb } from '../db/connection';
import { pullArticles } from '../kb/pull-articles';
import { ServerError } from './server-api';

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
  const articles = await unlessServerLacksIt(() => pullArticles(session));
  const addresses = await unlessServerLacksIt(() => pullAddresses(session));
  return { addresses, articles };
}

/** A server one version behind (accepted for case sync) may not serve a kind of reference data yet: nothing to pull then. */
async function unlessServerLacksIt(pull: () => Promise<number>): Promise<number> {
  try {
    return await pull();
  } catch (error) {
    if (error instanceof ServerError && error.status === 404) return 0;
    throw error;
  }
}
