import type { z } from 'zod';
import { pullAddresses } from '../addresses/pull-addresses';
import type { WritableDb } from '../db/connection';
import { pullArticles } from '../kb/pull-articles';
import { ServerError } from './server-api';

/**
 * What a puller of reference data gets: the desk database and an authenticated GET that parses
 * the answer (throws ServerError or ServerUnreachable like every sync request; pullReferenceData
 * reports the failure without failing the sync).
 */
export interface ReferenceSession {
  db: WritableDb;
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>>;
  isStopped(): boolean;
}

/**
 * Data the server owns and desks only read, brought up to date after each sync: the knowledge
 * base and the address list. Each is pulled on its own, and a failure of one is reported, not
 * thrown: it must not hold back the desk's cases (sync already succeeded) nor the other list.
 * A server one version behind may not serve a list at all (404): nothing to pull then.
 */
export async function pullReferenceData(session: ReferenceSession): Promise<{ addresses: number; articles: number; failures: string[] }> {
  const failures: string[] = [];
  const attempt = async (what: string, pull: () => Promise<number>): Promise<number> => {
    try {
      return await pull();
    } catch (error) {
      if (session.isStopped()) throw error;
      if (error instanceof ServerError && error.status === 404) return 0;
      failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  };
  const articles = await attempt('the knowledge base', () => pullArticles(session));
  const addresses = await attempt('the address list', () => pullAddresses(session));
  return { addresses, articles, failures };
}
